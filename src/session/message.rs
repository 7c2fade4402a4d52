//! What [`crate::session::Session::update`] takes: a bound [`Action`], or what is not one
//! (a character typed, the mouse, a resize, a tick) or what the event loop reports back
//! about an effect it carried out.

use super::action::{Action, Mouse};
use crate::cable::{Cable, CableId};
use crate::input::LoadError;
use crate::library::Shared;
use crate::session::reader::ReadingPosition;
use crate::theme::Theme;

/// One input of [`crate::session::Session::update`] and [`crate::session::reader::Reader::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A key bound to this action was pressed.
    Action(Action),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A character typed into the prompt, search, filter or a mark.
    Type(char),
    /// Backspace in the prompt, search or filter.
    Backspace,
    /// An edit of the search line or filter: Ctrl-U, Ctrl-W, Home, End, the arrows.
    Edit(crate::session::line::Edit),
    /// Jump to the paragraph with this label (`5`, `B`, `header`).
    GoTo(String),
    /// A mouse event.
    Mouse(Mouse),
    /// Time passed while the library loads: look at its progress.
    Tick,
    /// The event loop read a cable asked for with [`crate::session::Effect::ReadCable`].
    CableRead(Box<CableRead>),
    /// The event loop loaded the theme asked for with [`crate::session::Effect::NextTheme`]; the names
    /// are the themes passed over because they did not load.
    ThemeLoaded(Box<Theme>, Vec<String>),
    /// Something the event loop has to say about an effect it carried out (saving failed).
    Notice(String),
    /// The event loop saved a correction asked for with
    /// [`crate::session::Effect::SaveCorrection`] and read the cable again.
    Corrected(Box<Corrected>),
    /// The event loop searched the corpus index, as [`crate::session::Effect::Search`] asked.
    Searched(Box<Searched>),
    /// The event loop fetched a snippet asked for with [`crate::session::Effect::Snippet`].
    SnippetRead(Box<SnippetRead>),
    /// The event loop answered a [`crate::session::Effect::Lookup`], or says why the index
    /// could not.
    LookedUp(Box<crate::session::Lookup>, Result<Answer, AskError>),
    /// The event loop started the export asked for with [`crate::session::Effect::Export`].
    ExportStarted(crate::library::bundle::ExportHandle),
    /// The folder of an export holds files already: nothing was written.
    ExportExists(crate::library::bundle::Bundle, std::path::PathBuf),
}

impl From<Action> for Message {
    fn from(action: Action) -> Self {
        Message::Action(action)
    }
}

impl Message {
    /// The action, when this is one.
    #[must_use]
    pub fn action(&self) -> Option<&Action> {
        match self {
            Message::Action(action) => Some(action),
            _ => None,
        }
    }
}

/// Why the corpus index could not answer a query, a lookup or a snippet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AskError {
    /// The library was not opened on a corpus index.
    #[error("this library is not on a corpus index")]
    NoIndex,
    /// The index failed, or the query is wrong (and where).
    #[error(transparent)]
    Index(#[from] crate::search_index::IndexError),
}

/// What the corpus index answered to a lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The reference IDs of the cables found, in date order.
    Cables(Vec<CableId>),
    /// How many documents were found (a count is all the status line needs, and costs
    /// nothing even for an entity most of the release names).
    Count(u64),
}

/// What the event loop found in the corpus index for a query typed in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searched {
    /// The query it answers.
    pub query: String,
    /// The best cables, or where the query is wrong.
    pub found: Result<Found, AskError>,
}

/// The cables a query finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Reference IDs, best first.
    pub ids: Vec<CableId>,
    /// How many documents match in all.
    pub total: u64,
    /// Whether `ids` holds every document that matches (else the best of them).
    pub complete: bool,
    /// The words the query looks for, to highlight them in a cable opened.
    pub words: Vec<String>,
    /// The facets of the cables found, when asked.
    pub facets: Option<crate::search_index::Facets>,
    /// Its cables by period and by post, for the timeline and the map, with the facets.
    pub spread: Option<crate::search_index::Spread>,
}

/// A snippet the event loop fetched for the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetRead {
    /// The query it shows.
    pub query: String,
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// The passage, or nothing when the index could not give one.
    pub snippet: Option<crate::search_index::Snippet>,
}

/// What the event loop reports after reading a cable of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableRead {
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// The parsed cable, or why it could not be read.
    pub parsed: Result<Cable, Shared<LoadError>>,
    /// Its key in the reading state, where its position is saved.
    pub key: String,
    /// Where it was left last time, from the reading state.
    pub saved: Option<ReadingPosition>,
}

/// What the event loop reports after saving a correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrected {
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// The cable read again with its corrections applied, or why it could not be.
    pub parsed: Result<Cable, Shared<LoadError>>,
    /// The entity to select now (kind and a spelling): the one corrected.
    pub select: Option<(crate::cable::EntityKind, String)>,
    /// What was done, for the status line.
    pub message: String,
    /// Where the change went, and whether it took one back: the reader's undo follows.
    pub scope: crate::session::Scope,
    /// Whether the change was an undo.
    pub undone: bool,
}
