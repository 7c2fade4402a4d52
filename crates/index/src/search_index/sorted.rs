//! Every cable a query matches, each counted once, and its hits in date order: what
//! `cableview search --count` and `--sort date` answer.

use super::columns::{Columns, RowView};
use super::search::Hit;
use super::{IndexError, SearchIndex};
use crate::cable::CableId;
use std::collections::HashSet;
use tantivy::collector::DocSetCollector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument};

/// The order of a query's hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchOrder {
    /// Best first (BM25).
    #[default]
    Score,
    /// Oldest first; cables without a date last.
    Date,
    /// Newest first; cables without a date last.
    DateDescending,
}

/// One document a query matches: its cable's ID and date, and where it is.
struct Match {
    id: CableId,
    seconds: Option<i64>,
    address: DocAddress,
}

impl SearchIndex {
    /// How many cables a query matches: a cable held in two files (its text and its
    /// page) is one.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn count(&self, text: &str) -> Result<u64, IndexError> {
        let query = self.parse(text)?;
        let searcher = self.reader.searcher();
        Ok(self.matches(&searcher, &*query)?.len() as u64)
    }

    /// The `limit` first hits of a query in `order`, each cable once, with snippets.
    ///
    /// # Errors
    /// Where the query is wrong, or the index cannot be read.
    pub fn search_in_order(
        &self,
        text: &str,
        limit: usize,
        order: SearchOrder,
    ) -> Result<Vec<Hit>, IndexError> {
        if order == SearchOrder::Score {
            return self.search(text, limit);
        }
        let query = self.parse(text)?;
        let searcher = self.reader.searcher();
        let mut matches = self.matches(&searcher, &*query)?;
        // Undated cables last either way; the ID breaks ties, so the order is stable.
        matches.sort_by(|a, b| {
            let by_date = match (a.seconds, b.seconds) {
                (Some(x), Some(y)) if order == SearchOrder::Date => x.cmp(&y),
                (Some(x), Some(y)) => y.cmp(&x),
                (x, y) => y.is_some().cmp(&x.is_some()),
            };
            by_date.then_with(|| a.id.cmp(&b.id))
        });
        matches.truncate(limit.max(1));
        let scores = self.scores(&searcher, &*query, &matches)?;
        let generator = self.snippets(&searcher, &*query)?;
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        matches
            .iter()
            .zip(scores)
            .map(|(m, score)| {
                let doc: TantivyDocument = searcher.doc(m.address).map_err(err)?;
                Ok(self.hit_of(&doc, &generator, score))
            })
            .collect()
    }

    /// The documents a query matches, one per cable (the first in index order), read
    /// from the columns: no stored document is opened.
    fn matches(&self, searcher: &Searcher, query: &dyn Query) -> Result<Vec<Match>, IndexError> {
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        let mut addresses: Vec<DocAddress> = searcher
            .search(query, &DocSetCollector)
            .map_err(err)?
            .into_iter()
            .collect();
        addresses.sort();
        let mut seen = HashSet::new();
        let mut matches = Vec::with_capacity(addresses.len());
        for segment in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let reader = searcher.segment_reader(segment[0].segment_ord);
            let columns = Columns::of(reader.fast_fields(), segment.len()).map_err(err)?;
            for &address in segment {
                let row = RowView::new(&columns, address.doc_id);
                let id = CableId::new(row.id());
                // A document without an ID is a cable of its own.
                if id.is_empty() || seen.insert(id.to_ascii_uppercase()) {
                    matches.push(Match {
                        id,
                        seconds: row.seconds(),
                        address,
                    });
                }
            }
        }
        Ok(matches)
    }

    /// The BM25 score of each match, as a search ranked by score would give it.
    fn scores(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        matches: &[Match],
    ) -> Result<Vec<f32>, IndexError> {
        let err = |e| IndexError::from_tantivy(&self.dir, e);
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .map_err(err)?;
        // A scorer only moves forward: visit the documents in index order.
        let mut order: Vec<usize> = (0..matches.len()).collect();
        order.sort_by_key(|&i| matches[i].address);
        let mut scores = vec![0.0; matches.len()];
        for group in order
            .chunk_by(|&a, &b| matches[a].address.segment_ord == matches[b].address.segment_ord)
        {
            let ord = matches[group[0]].address.segment_ord;
            let mut scorer = weight
                .scorer(searcher.segment_reader(ord), 1.0)
                .map_err(err)?;
            for &i in group {
                let doc = matches[i].address.doc_id;
                if scorer.doc() != TERMINATED && scorer.doc() <= doc && scorer.seek(doc) == doc {
                    scores[i] = scorer.score();
                }
            }
        }
        Ok(scores)
    }
}
