//! Searching the index: ranked hits with snippets, rows for a table, and the links
//! (cables naming an entity, cables citing one).

use super::columns::{Columns, RowView};
use super::fields::Name;
use super::schema::{self, date_text};
use super::{IndexError, SearchIndex};
use crate::cable::{CableId, EntityKind};
use std::ops::Range;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 200;

/// One result of a search, best first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The reference ID.
    pub id: CableId,
    /// The BM25 score.
    pub score: f32,
    /// `YYYY-MM-DD HH:MM`, when known.
    pub date: Option<String>,
    /// The sending post.
    pub origin: Option<String>,
    /// The subject line.
    pub subject: Option<String>,
    /// The classification level.
    pub classification: Option<String>,
    /// A passage of the text around the best matches (the text's start when the query
    /// matched no words of it).
    pub snippet: String,
    /// The matches in `snippet`, as byte ranges.
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
}

/// What a table shows of a cable.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableRow {
    /// The reference ID.
    pub id: CableId,
    /// `YYYY-MM-DD HH:MM`, when known.
    pub date: Option<String>,
    /// The sending post.
    pub origin: Option<String>,
    /// The classification level.
    pub classification: Option<String>,
    /// The subject line.
    pub subject: Option<String>,
    /// TAGS, lower-cased as the index keeps them.
    pub tags: Vec<String>,
    /// Numbered paragraphs.
    pub paragraphs: u64,
    /// Mentions of entities, header included.
    pub mentions: u64,
}

/// Where a document was read from, and the cable it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located {
    /// The file, as the manifest names it.
    pub(super) source: String,
    /// The row's byte offset, in a release CSV.
    pub(super) row: Option<u64>,
    /// The reference ID the document holds (empty when the cable had none).
    pub(super) id: CableId,
    /// The cable's other files (and rows), when it was read from several: the document
    /// is the merged cable, the first file its base.
    pub(super) others: Vec<(String, Option<u64>)>,
}

impl SearchIndex {
    /// The query as tantivy runs it.
    ///
    /// # Errors
    /// Where the query is wrong.
    pub fn parse(&self, text: &str) -> Result<Box<dyn Query>, IndexError> {
        if text.trim().is_empty() {
            return Ok(Box::new(AllQuery));
        }
        Ok(self.build_query(text)?)
    }

    /// The `limit` best cables for a query, with snippets, each cable once.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        super::guard::guarded(&self.dir, || {
            let query = self.parse(text)?;
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            // An index built before one document per cable may hold a cable's text and page
            // as two documents: twice the limit leaves room to give each cable once.
            let top = searcher
                .search(
                    &query,
                    &TopDocs::with_limit(limit.max(1).saturating_mul(2)).order_by_score(),
                )
                .map_err(err)?;
            let generator = self.snippets(&searcher, &*query)?;
            let mut hits: Vec<Hit> = Vec::with_capacity(limit.min(top.len()));
            for (score, address) in top {
                if hits.len() >= limit.max(1) {
                    break;
                }
                let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
                let id = first_str(&doc, self.fields.id).unwrap_or_default();
                if !id.is_empty() && hits.iter().any(|h| h.id.eq_ignore_ascii_case(id)) {
                    continue;
                }
                hits.push(self.hit_of(&doc, &generator, score));
            }
            Ok(hits)
        })
    }

    /// The hit of one document: its row and the passage that best shows the matches.
    pub(super) fn hit_of(
        &self,
        doc: &TantivyDocument,
        generator: &SnippetGenerator,
        score: f32,
    ) -> Hit {
        let located = self.located_in(doc);
        let text = self.text_of(&located);
        let snippet = generator.snippet(&text);
        let (snippet, highlights) = if snippet.highlighted().is_empty() {
            // The raw row starts with its header lines: the opening is the text's.
            let reading = self.reading_text_of(&located);
            (opening(&reading, SNIPPET_CHARS), Vec::new())
        } else {
            (
                snippet.fragment().to_string(),
                snippet.highlighted().to_vec(),
            )
        };
        let row = self.row_of_doc(doc);
        Hit {
            id: row.id,
            score,
            date: row.date,
            origin: row.origin,
            subject: row.subject,
            classification: row.classification,
            snippet,
            highlights,
        }
    }

    /// A snippet generator for a query's matches in the text.
    pub(super) fn snippets(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
    ) -> Result<SnippetGenerator, IndexError> {
        let mut generator = SnippetGenerator::create(searcher, query, self.fields.text)
            .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        Ok(generator)
    }

    /// Every cable, by date then ID, for a table.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn all(&self) -> Result<Vec<TableRow>, IndexError> {
        self.rows(&AllQuery)
    }

    /// Calls `f` with the row of every cable, in the index's order (no sort): the
    /// fastest way through the whole index, for a table that sorts its rows itself.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn for_each_row(&self, mut f: impl FnMut(RowView<'_>)) -> Result<(), IndexError> {
        super::guard::guarded(&self.dir, || {
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            for segment in searcher.segment_readers() {
                let wanted = segment.num_docs() as usize;
                let columns = Columns::of(segment.fast_fields(), wanted).map_err(err)?;
                for doc in segment.doc_ids_alive() {
                    f(RowView::new(&columns, doc));
                }
            }
            Ok(())
        })
    }

    /// The cables that name an entity of this kind and name (any case).
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn cables_naming(
        &self,
        kind: &EntityKind,
        name: &str,
    ) -> Result<Vec<TableRow>, IndexError> {
        let term = Term::from_field_text(self.fields.entity_key, &schema::entity_key(kind, name));
        self.rows(&TermQuery::new(term, IndexRecordOption::Basic))
    }

    /// How many documents name an entity of this kind and name (any case).
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn count_naming(&self, kind: &EntityKind, name: &str) -> Result<u64, IndexError> {
        super::guard::guarded(&self.dir, || {
            let term =
                Term::from_field_text(self.fields.entity_key, &schema::entity_key(kind, name));
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let count = self
                .reader
                .searcher()
                .search(&query, &tantivy::collector::Count)
                .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
            Ok(count as u64)
        })
    }

    /// The cables whose REFs name the cable `id`.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn cited_by(&self, id: &CableId) -> Result<Vec<TableRow>, IndexError> {
        let Some(key) = id.key() else {
            return Ok(Vec::new());
        };
        let term = Term::from_field_text(self.fields.cites, &schema::key_text(&key));
        self.rows(&TermQuery::new(term, IndexRecordOption::Basic))
    }

    /// The rows of every cable a query matches, by date then ID.
    fn rows(&self, query: &dyn Query) -> Result<Vec<TableRow>, IndexError> {
        super::guard::guarded(&self.dir, || {
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            let addresses = searcher.search(query, &DocSetCollector).map_err(err)?;
            let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
            addresses.sort();
            let mut rows = self.fast_rows(&searcher, &addresses).map_err(err)?;
            rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
            Ok(rows)
        })
    }

    /// Rows from the columns (fast fields): no stored document is decompressed, so a
    /// table of the whole release is read in a moment. `addresses` are sorted.
    fn fast_rows(
        &self,
        searcher: &Searcher,
        addresses: &[DocAddress],
    ) -> tantivy::Result<Vec<TableRow>> {
        let mut rows = Vec::with_capacity(addresses.len());
        for segment in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let reader = searcher.segment_reader(segment[0].segment_ord);
            let columns = Columns::of(reader.fast_fields(), segment.len())?;
            rows.extend(
                segment
                    .iter()
                    .map(|address| RowView::new(&columns, address.doc_id).to_row()),
            );
        }
        Ok(rows)
    }

    /// The documents of cable `id` (its files), in index order.
    pub(super) fn documents_of(
        &self,
        searcher: &Searcher,
        id: &str,
    ) -> tantivy::Result<Vec<DocAddress>> {
        // The ID field keeps codes lower-cased, as its tokenizer made them.
        let term = Term::from_field_text(self.fields.id, &id.to_lowercase());
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let mut found: Vec<DocAddress> = searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .collect();
        found.sort();
        Ok(found)
    }

    /// The file and CSV row of cable `id`. Of the files that share a reference ID (an
    /// annotated text and its page), the one with mentions of its own, then the most
    /// mentions, as a library's base.
    pub(super) fn source_of(&self, id: &CableId) -> Result<Located, IndexError> {
        super::guard::guarded(&self.dir, || {
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            let found = self.documents_of(&searcher, id).map_err(err)?;
            let mut best: Option<((bool, u64), DocAddress)> = None;
            for address in found {
                let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                let value = |name: Name| -> tantivy::Result<u64> {
                    Ok(fast.u64(name.as_str())?.first(address.doc_id).unwrap_or(0))
                };
                let rank = (
                    value(Name::Provenance).map_err(err)? >= schema::OWN_MENTIONS,
                    value(Name::Mentions).map_err(err)?,
                );
                if best.is_none_or(|(most, _)| rank > most) {
                    best = Some((rank, address));
                }
            }
            let Some((_, address)) = best else {
                return Err(IndexError::Other(
                    self.dir.clone(),
                    format!("no cable {id} in the index"),
                ));
            };
            self.source_in(&searcher, address)
        })
    }

    /// The file a document was read from, and its row's byte offset when the file is a
    /// release CSV, by the document's key ([`RowView::key`]).
    ///
    /// # Errors
    /// When the index does not hold the document (any more), or cannot be read.
    pub fn document_source(&self, key: u64) -> Result<(String, Option<u64>), IndexError> {
        super::guard::guarded(&self.dir, || {
            self.located(key)
                .map(|located| (located.source, located.row))
        })
    }

    /// Where a document was read from, by its key.
    pub(super) fn located(&self, key: u64) -> Result<Located, IndexError> {
        let searcher = self.reader.searcher();
        let term = Term::from_field_u64(self.fields.key, key);
        let found = searcher
            .search(
                &TermQuery::new(term, IndexRecordOption::Basic),
                &TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
        let Some(&(_, address)) = found.first() else {
            return Err(IndexError::Other(
                self.dir.clone(),
                "the cable is no longer in the index; open it again".to_string(),
            ));
        };
        self.source_in(&searcher, address)
    }

    fn source_in(&self, searcher: &Searcher, address: DocAddress) -> Result<Located, IndexError> {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(|e| IndexError::from_tantivy(&self.dir, e))?;
        Ok(self.located_in(&doc))
    }

    /// Where a stored document was read from.
    pub(super) fn located_in(&self, doc: &TantivyDocument) -> Located {
        let mut parts = super::build::parts_of(&self.fields, doc).into_iter();
        let (source, row) = parts.next().unwrap_or_default();
        let id = CableId::new(first_str(doc, self.fields.id).unwrap_or_default());
        Located {
            source,
            row,
            id,
            others: parts.collect(),
        }
    }

    fn row_of_doc(&self, doc: &TantivyDocument) -> TableRow {
        let f = &self.fields;
        let text = |field| {
            first_str(doc, field)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        TableRow {
            id: CableId::new(text(f.id).unwrap_or_default()),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| date_text(d.into_timestamp_secs())),
            origin: text(f.origin),
            classification: text(f.class),
            subject: text(f.subject),
            tags: doc
                .get_all(f.tag)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            paragraphs: doc
                .get_first(f.paragraphs)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            mentions: doc
                .get_first(f.mentions)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
        }
    }
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// The first `chars` characters of a text, for a hit with no word matched.
pub(super) fn opening(text: &str, chars: usize) -> String {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_string()
}
