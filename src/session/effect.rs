//! What the session asks of the world: `update` changes state and returns these, and the
//! event loop carries them out, reporting back with an action where there is something to
//! report ([`crate::session::action::Action::CableRead`], [`crate::session::action::Action::Notice`]). So
//! `update` itself does no I/O, and tests assert on what it asks.

use crate::cable::CableId;
use crate::session::reader::ReadingPosition;

/// One thing for the event loop to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave cableview.
    Quit,
    /// Put `text` on the clipboard (its control characters already made visible); the
    /// loop reports how it was sent, or that it failed, with
    /// [`crate::session::action::Action::Notice`], naming it as `what` (`¶2 (1171 characters)`).
    Copy {
        /// What to copy.
        text: String,
        /// What it is, for the status line.
        what: String,
    },
    /// Open this cable of the library: a click on a link in the header. The reader asks
    /// it; the session turns it into [`Effect::ReadCable`].
    OpenCable(crate::library::CableIndex),
    /// Read and parse this cable of the library, look up where it was left, and report
    /// both with [`crate::session::action::Action::CableRead`].
    ReadCable {
        /// The cable.
        cable: crate::library::CableIndex,
    },
    /// Keep this reading position in the reading state.
    SavePosition {
        /// The cable's key in the reading state.
        key: String,
        /// Where it is.
        position: ReadingPosition,
    },
    /// Load the theme that follows `after` in `cableview themes` order (it reads the
    /// themes dir and the theme files) and report it with
    /// [`crate::session::action::Action::ThemeLoaded`].
    NextTheme {
        /// The theme in use.
        after: String,
    },
    /// Change the overlay of corrections of the open cable in the data dir (atomically),
    /// read the cable again with them applied and report it with
    /// [`crate::session::action::Action::Corrected`].
    SaveCorrection {
        /// The cable's reference ID, which names its overlay.
        id: CableId,
        /// What to change.
        change: CorrectionChange,
    },
    /// Search the corpus index the library is on, and report the best cables (and the
    /// facets, when `facets`) with [`crate::session::action::Action::Searched`].
    Search {
        /// The query as typed.
        query: String,
        /// Whether to count the facets of its cables too.
        facets: bool,
    },
    /// Fetch the passage of a cable that shows a query's matches, and report it with
    /// [`crate::session::action::Action::SnippetRead`].
    Snippet {
        /// The query.
        query: String,
        /// The cable.
        cable: crate::library::CableIndex,
        /// Its reference ID, as the index knows it.
        id: CableId,
    },
    /// Ask the corpus index which cables an entity or a citation reaches, and report them
    /// with [`crate::session::action::Action::LookedUp`].
    Lookup(Lookup),
    /// Keep the queries searched (oldest first) for the next run.
    SaveHistory(Vec<String>),
    /// Export what `selection` picks into a folder, on a thread, and report it started
    /// with [`crate::session::action::Action::ExportStarted`]; when the folder holds
    /// files already and not `overwrite`, report
    /// [`crate::session::action::Action::ExportExists`] instead.
    Export {
        /// The cables.
        selection: crate::library::bundle::Selection,
        /// What to write of them.
        bundle: crate::library::bundle::Bundle,
        /// The folder; none for `./cableview-export-DATE/`.
        dir: Option<std::path::PathBuf>,
        /// Whether to write over files there.
        overwrite: bool,
    },
}

/// A question for the corpus index about links between cables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The cables naming an entity (of this kind, by this name).
    Naming {
        /// The cable asking.
        cable: crate::library::CableIndex,
        /// The entity.
        entity: crate::library::EntityKey,
        /// Its name in the cable asking, as the index keeps entity names.
        name: String,
        /// Whether to list them (`x`) or only count them (an entity was selected).
        list: bool,
    },
    /// The cables whose REFs name this one.
    CitedBy {
        /// The cable.
        cable: crate::library::CableIndex,
        /// Its reference ID.
        id: CableId,
    },
}

/// What a correction effect does to a cable's overlay, or to the rules for every cable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionChange {
    /// Add this correction after the others.
    Make(crate::corrections::Correction),
    /// Take back the last one.
    Undo,
    /// Add this rule for every cable (`corrections/everywhere.tsv`).
    MakeEverywhere(crate::corrections::Rule),
    /// Take back the last rule for every cable.
    UndoEverywhere,
}

impl CorrectionChange {
    /// Where the change goes.
    #[must_use]
    pub fn scope(&self) -> Scope {
        match self {
            Self::Make(_) | Self::Undo => Scope::Cable,
            Self::MakeEverywhere(_) | Self::UndoEverywhere => Scope::Everywhere,
        }
    }
}

/// Where a correction is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the cable's own overlay.
    Cable,
    /// In the rules for every cable.
    Everywhere,
}
