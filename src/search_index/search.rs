//! Searching the index: ranked hits with snippets, rows for a table, and the links
//! (cables naming an entity, cables citing one).

use super::schema::{self, date_text};
use super::{IndexError, SearchIndex, query};
use crate::cable::EntityKind;
use crate::library::CableKey;
use std::ops::Range;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{AllQuery, Query, QueryParser, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 200;

/// One result of a search, best first.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The reference ID.
    pub id: String,
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
    pub id: String,
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
        let rewritten = query::rewrite(text)?;
        let f = &self.fields;
        // A reference ID typed alone finds its cable first.
        let mut parser = QueryParser::for_index(&self.index, vec![f.text, f.subject, f.id]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.subject, 2.0);
        parser.set_field_boost(f.id, 4.0);
        parser.parse_query(&rewritten).map_err(|e| {
            IndexError::Query(query::QueryError {
                column: 1,
                message: e.to_string(),
            })
        })
    }

    /// The `limit` best cables for a query, with snippets.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        let query = self.parse(text)?;
        let searcher = self.reader.searcher();
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(err)?;
        let mut generator =
            SnippetGenerator::create(&searcher, &*query, self.fields.text).map_err(err)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            let snippet = generator.snippet_from_doc(&doc);
            let (snippet, highlights) = if snippet.highlighted().is_empty() {
                (
                    opening(first_str(&doc, self.fields.text).unwrap_or_default()),
                    Vec::new(),
                )
            } else {
                (
                    snippet.fragment().to_string(),
                    snippet.highlighted().to_vec(),
                )
            };
            let row = self.row_of_doc(&doc);
            hits.push(Hit {
                id: row.id,
                score,
                date: row.date,
                origin: row.origin,
                subject: row.subject,
                classification: row.classification,
                snippet,
                highlights,
            });
        }
        Ok(hits)
    }

    /// Every cable, in index order, for a table.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn all(&self) -> Result<Vec<TableRow>, IndexError> {
        self.rows(&AllQuery)
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

    /// The cables whose REFs name the cable `id`.
    ///
    /// # Errors
    /// When the index cannot be read.
    pub fn cited_by(&self, id: &str) -> Result<Vec<TableRow>, IndexError> {
        let Some(key) = CableKey::from_id(id) else {
            return Ok(Vec::new());
        };
        let term = Term::from_field_text(self.fields.cites, &schema::key_text(&key));
        self.rows(&TermQuery::new(term, IndexRecordOption::Basic))
    }

    /// The rows of every cable a query matches, by date then ID.
    fn rows(&self, query: &dyn Query) -> Result<Vec<TableRow>, IndexError> {
        let searcher = self.reader.searcher();
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        let addresses = searcher.search(query, &DocSetCollector).map_err(err)?;
        let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
        addresses.sort();
        let mut rows = self.fast_rows(&searcher, &addresses).map_err(err)?;
        rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        Ok(rows)
    }

    /// Rows from the columns (fast fields): no stored document is decompressed, so a
    /// table of the whole release is read in a moment.
    fn fast_rows(
        &self,
        searcher: &Searcher,
        addresses: &[DocAddress],
    ) -> tantivy::Result<Vec<TableRow>> {
        let mut rows = Vec::with_capacity(addresses.len());
        let mut current: Option<(u32, Columns)> = None;
        for address in addresses {
            if current
                .as_ref()
                .is_none_or(|(s, _)| *s != address.segment_ord)
            {
                let reader = searcher.segment_reader(address.segment_ord);
                current = Some((address.segment_ord, Columns::of(reader.fast_fields())?));
            }
            let Some((_, columns)) = &current else {
                continue;
            };
            rows.push(columns.row(address.doc_id));
        }
        Ok(rows)
    }

    fn row_of_doc(&self, doc: &TantivyDocument) -> TableRow {
        let f = &self.fields;
        let text = |field| {
            first_str(doc, field)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        TableRow {
            id: text(f.id).unwrap_or_default(),
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
        }
    }
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// The first [`SNIPPET_CHARS`] characters of a text, for a hit with no word matched.
fn opening(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_string()
}

/// One segment's columns.
struct Columns {
    id: Option<tantivy::columnar::StrColumn>,
    origin: Option<tantivy::columnar::StrColumn>,
    class: Option<tantivy::columnar::StrColumn>,
    subject: Option<tantivy::columnar::StrColumn>,
    tag: Option<tantivy::columnar::StrColumn>,
    date: tantivy::columnar::Column<tantivy::DateTime>,
    paragraphs: tantivy::columnar::Column<u64>,
}

impl Columns {
    fn of(fast: &tantivy::fastfield::FastFieldReaders) -> tantivy::Result<Self> {
        Ok(Self {
            id: fast.str("id")?,
            origin: fast.str("origin")?,
            class: fast.str("class")?,
            subject: fast.str("subject")?,
            tag: fast.str("tag")?,
            date: fast.date("date")?,
            paragraphs: fast.u64("paragraphs")?,
        })
    }

    fn row(&self, doc: u32) -> TableRow {
        let all = |column: &Option<tantivy::columnar::StrColumn>| -> Vec<String> {
            let Some(column) = column else {
                return Vec::new();
            };
            column
                .term_ords(doc)
                .filter_map(|ord| {
                    let mut text = String::new();
                    column.ord_to_str(ord, &mut text).ok()?;
                    Some(text)
                })
                .collect()
        };
        let one = |column| all(column).into_iter().next().filter(|s| !s.is_empty());
        TableRow {
            id: one(&self.id).unwrap_or_default(),
            date: self
                .date
                .first(doc)
                .map(|d| date_text(d.into_timestamp_secs())),
            origin: one(&self.origin),
            classification: one(&self.class),
            subject: one(&self.subject),
            tags: all(&self.tag),
            paragraphs: self.paragraphs.first(doc).unwrap_or(0),
        }
    }
}
