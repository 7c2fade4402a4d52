//! What a table searching the index as the user types needs: the IDs of the best cables
//! (read from the ID column, so a thousand hits cost no stored document), how many match
//! in all, the snippet of one cable, and the words a query looks for, to highlight them
//! in a cable opened from the results.

use super::fields::Name;
use super::{IndexError, SearchIndex};
use crate::cable::CableId;
use std::ops::Range;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

/// How long a snippet for the table is, in characters.
const SNIPPET_CHARS: usize = 240;

/// The best cables for a query, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    /// Reference IDs with their BM25 scores (one ID may come twice in an index built
    /// before one document per cable, which kept a text and its page apart).
    pub ids: Vec<(CableId, f32)>,
    /// Documents the query matches in all.
    pub total: u64,
}

/// A passage of a cable around the query's matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage (the text's start when no word of the query is in it).
    pub text: String,
    /// The matches in `text`, as byte ranges.
    pub highlights: Vec<Range<usize>>,
}

impl SearchIndex {
    /// The `limit` best documents for a query (a cable's text and page are two) and how
    /// many match in all.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn ranked(&self, text: &str, limit: usize) -> Result<Ranked, IndexError> {
        super::guard::guarded(&self.dir, || {
            let query = self.parse(text)?;
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            let (top, total) = searcher
                .search(
                    &query,
                    &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
                )
                .map_err(err)?;
            let mut columns = Vec::with_capacity(searcher.segment_readers().len());
            for reader in searcher.segment_readers() {
                columns.push(reader.fast_fields().str(Name::Id.as_str()).map_err(err)?);
            }
            let mut ids = Vec::with_capacity(top.len());
            for (score, address) in top {
                let column = columns
                    .get(address.segment_ord as usize)
                    .and_then(Option::as_ref);
                let Some(column) = column else { continue };
                let Some(ord) = column.term_ords(address.doc_id).next() else {
                    continue;
                };
                let mut id = String::new();
                if column.ord_to_str(ord, &mut id).is_ok() && !id.is_empty() {
                    ids.push((CableId::new(id), score));
                }
            }
            Ok(Ranked {
                ids,
                total: total as u64,
            })
        })
    }

    /// The passage of cable `id` that best shows a query's matches, `None` when the index
    /// does not hold the cable.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn snippet(&self, text: &str, id: &CableId) -> Result<Option<Snippet>, IndexError> {
        super::guard::guarded(&self.dir, || {
            let query = self.parse(text)?;
            let searcher = self.reader.searcher();
            let err = |e| IndexError::from_tantivy(&self.dir, e);
            let mut generator =
                SnippetGenerator::create(&searcher, &*query, self.fields.text).map_err(err)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            let mut opening = None;
            // Of a cable's files (its text and its page), the first that shows a match.
            for address in self.documents_of(&searcher, id).map_err(err)? {
                let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
                let located = self.located_in(&doc);
                let body = self.text_of(&located);
                let snippet = generator.snippet(&body);
                if !snippet.highlighted().is_empty() {
                    return Ok(Some(Snippet {
                        text: snippet.fragment().to_string(),
                        highlights: snippet.highlighted().to_vec(),
                    }));
                }
                if opening.is_none() {
                    opening = Some(Snippet {
                        text: super::search::opening(
                            &self.reading_text_of(&located),
                            SNIPPET_CHARS,
                        ),
                        highlights: Vec::new(),
                    });
                }
            }
            Ok(opening)
        })
    }

    /// The words a query looks for in the text (lower-cased, as the tokenizer cut them;
    /// the words of its phrases, and of the entities it names, too), to show where a
    /// cable says them.
    ///
    /// # Errors
    /// Where the query is wrong.
    pub fn words(&self, text: &str) -> Result<Vec<String>, IndexError> {
        let query = self.parse(text)?;
        let f = &self.fields;
        let worded = [f.text, f.subject, f.entity, f.per, f.org, f.loc, f.misc];
        let named = [f.f_per, f.f_org, f.f_loc, f.f_misc];
        let mut words: Vec<String> = Vec::new();
        let mut add = |word: &str| {
            if !word.is_empty() && !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        };
        terms_sought(&*query, &mut |term, _| {
            let field = term.field();
            if worded.contains(&field)
                && let Some(word) = term.value().as_str()
            {
                add(word);
            } else if named.contains(&field)
                && let Some(facet) = term.value().as_facet()
            {
                // `per="Djamel Beghal"` names the entity whole: its words are what the
                // text says.
                let name = facet
                    .to_path()
                    .last()
                    .map(|s| s.to_lowercase())
                    .unwrap_or_default();
                for word in name.split(|c: char| !c.is_alphanumeric()) {
                    add(word);
                }
            }
        });
        Ok(words)
    }
}

/// Visits the terms a query looks for, leaving out those it excludes (`NOT iran`): they
/// are not what a cable found says.
fn terms_sought<'a>(query: &'a dyn Query, visit: &mut dyn FnMut(&'a Term, bool)) {
    match query.downcast_ref::<BooleanQuery>() {
        Some(boolean) => {
            for (occur, clause) in boolean.clauses() {
                if *occur != Occur::MustNot {
                    terms_sought(clause.as_ref(), visit);
                }
            }
        }
        None => query.query_terms(visit),
    }
}
