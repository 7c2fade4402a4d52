//! The effects that ask the corpus index (a library on one): a query typed in the table,
//! a snippet, the cables naming an entity or citing a cable. Each answers with an action.

use crate::cable::CableId;
use crate::library::Library;
use crate::search_index::{IndexError, SearchIndex};
use crate::session::Lookup;
use crate::session::action::{Answer, AskError, Found, Searched, SnippetRead};
use crate::session::message::Message;
use crate::session::table::full_text::RESULTS;

/// The index of `library`, or the action telling there is none.
fn index_of(library: &Library) -> Result<&SearchIndex, AskError> {
    library.search_index().ok_or(AskError::NoIndex)
}

/// The best cables for `query` (none for an empty one), with its facets when asked.
pub(super) fn search(library: &Library, query: String, facets: bool) -> Message {
    let found = index_of(library).and_then(|index| {
        let answer = || -> Result<Found, IndexError> {
            let mut found = Found::default();
            if !query.trim().is_empty() {
                // A cable may be two documents (its text and its page): twice the
                // documents leave room for the best RESULTS cables.
                let limit = RESULTS * 2;
                let ranked = index.ranked(&query, limit)?;
                found.complete = ranked.ids.len() < limit;
                found.ids = ranked.ids.into_iter().map(|(id, _)| id).collect();
                found.total = ranked.total;
                found.words = index.words(&query)?;
            }
            if facets {
                found.facets = Some(index.facets(&query)?);
                found.spread = Some(index.spread(&query)?);
            }
            Ok(found)
        };
        // `IndexError::Query` says "query error at ..." itself.
        answer().map_err(AskError::from)
    });
    Message::Searched(Box::new(Searched { query, found }))
}

/// The passage of cable `id` that shows `query`'s matches.
pub(super) fn snippet(
    library: &Library,
    query: String,
    cable: crate::library::CableIndex,
    id: &CableId,
) -> Message {
    let snippet = index_of(library)
        .ok()
        .and_then(|index| index.snippet(&query, id).ok().flatten());
    Message::SnippetRead(Box::new(SnippetRead {
        query,
        cable,
        snippet,
    }))
}

/// The cables a lookup reaches across the index (or only how many, when that is all it
/// asks).
pub(super) fn lookup(library: &Library, lookup: Lookup) -> Message {
    let answer = index_of(library).and_then(|index| {
        let ids = |rows: Vec<crate::search_index::TableRow>| {
            Answer::Cables(rows.into_iter().map(|r| r.id).collect())
        };
        let answer = match &lookup {
            Lookup::Naming {
                entity,
                name,
                list: false,
                ..
            } => index.count_naming(&entity.kind, name).map(Answer::Count),
            Lookup::Naming { entity, name, .. } => index.cables_naming(&entity.kind, name).map(ids),
            Lookup::CitedBy { id, .. } => index.cited_by(id).map(ids),
        };
        answer.map_err(AskError::from)
    });
    Message::LookedUp(Box::new(lookup), answer)
}
