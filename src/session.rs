//! One session for one cable or a whole library: the table of cables, the reader on one of
//! them, the lists over it, and the moves between cables (other cables naming an entity,
//! REF links, cited-by, the jump list). A single cable is a library of one whose table is
//! never shown.
//!
//! [`Session::update`] is the only place the state changes; it does no I/O and returns
//! [`Effect`]s for the event loop, which reports back with actions. The reader's own state
//! stays in [`Reader`], which gets every action the session does not claim; the table's in
//! [`Table`], which takes its own keys the same way.

mod across;
pub mod action;
mod effect;
pub mod export;
pub mod facets;
pub mod help;
mod indexed;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod line;
pub mod map;
mod map_keys;
pub mod message;
mod open;
pub mod overlay;
pub mod picker;
mod positions;
pub mod reader;
mod reader_keys;
pub mod scroll;
pub mod table;
mod table_keys;
pub mod text_layout;
pub mod timeline;
pub mod view;

use crate::library::{CableIndex, EntityKey, Library, LoadHandle};
use crate::session::action::Action;
use crate::session::message::Message;
use crate::session::reader::{Focus, Reader, ReaderOptions, ReadingPosition};
use crate::theme::Theme;
pub use across::other_cables;
pub use effect::{CorrectionChange, Effect, Lookup, Scope};
pub use overlay::{CableList, ListItem, Overlay};
use positions::Positions;
pub use scroll::ListCursor;
use std::sync::Arc;
pub use table::Table;
pub use view::{Loading, OpenCable, View};

/// A place to come back to with `Ctrl-o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    /// The cable.
    pub cable: CableIndex,
    /// Where in it.
    pub position: ReadingPosition,
    /// The pane that had the focus.
    pub focus: Focus,
    /// Which mention of the selected entity the cursor was on.
    pub mention_cursor: Option<usize>,
}

/// Where a cable being read opens once the event loop has read it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arrival {
    /// Where it was left last time (unless `--fresh`).
    Resume,
    /// At the first mention of this entity.
    Entity(EntityKey),
    /// At a place of the jump list.
    Jump(Jump),
    /// At the first of the words a full-text query (given as typed) looks for, with
    /// every one of them highlighted.
    Matches(String, Vec<String>),
}

/// The whole state of a session.
#[derive(Debug)]
pub struct Session {
    /// The cables (empty while loading; one for a single cable).
    pub library: Arc<Library>,
    /// The table over the library: it outlives every view (the reader opens over it,
    /// Back returns to it as it was left).
    table: Table,
    /// What the screen shows under the overlays.
    view: View,
    /// What stands over the view, bottom first: the top one takes the keys.
    overlays: Vec<Overlay>,
    /// Places visited, for `Ctrl-o` / `Ctrl-i`.
    pub jumps: Vec<Jump>,
    /// Where in `jumps` we are (`jumps.len()`: at the newest place).
    pub jump_at: usize,
    /// A message for the table's status line (the reader has its own).
    pub notice: Option<String>,
    /// The colours, for the table, the reader and every cable opened next.
    pub theme: Theme,
    /// The terminal size.
    pub size: (u16, u16),
    /// The queries searched (the table's on an index, the reader's `/`), this run's and
    /// those of earlier runs given with [`Session::set_history`].
    pub history: line::History,
    /// A single cable: the table is never shown and nothing leads back to it.
    single: bool,
    options: ReaderOptions,
    effects: Vec<Effect>,
    /// The cable being read by the event loop, and where it opens.
    opening: Option<(CableIndex, Arrival)>,
    /// The open cable's last saved position.
    positions: Positions,
    /// `--fresh`: open cables at the top (positions are still saved).
    fresh: bool,
    /// On a corpus index: the cables the selected entity was last looked up in.
    naming: Option<indexed::Naming>,
    /// The export running, polled on each tick.
    exporting: Option<crate::library::bundle::ExportHandle>,
}

impl Session {
    /// A session over a library already loaded, showing the table.
    #[must_use]
    pub fn new(library: Library, options: ReaderOptions) -> Self {
        let mut session = Self::loading(None, options);
        session.set_library(library);
        session
    }

    /// A session on one cable: the reader, with no table behind it. Carry out
    /// [`Session::start`]'s effects to open it.
    #[must_use]
    pub fn single(cable: crate::cable::Cable, options: ReaderOptions) -> Self {
        Self::single_with(cable, options, crate::input::LoadOptions::default())
    }

    /// A session on one cable as parsed, opened with `load`'s aliases and corrections
    /// applied: so corrections made in the reader show when it is read again.
    #[must_use]
    pub fn single_with(
        cable: crate::cable::Cable,
        options: ReaderOptions,
        load: crate::input::LoadOptions,
    ) -> Self {
        // Alone, the reader's own keys come first: no move between cables takes them.
        let keymap = options.keymap.clone();
        let library = Library::from_cables_with(vec![cable], load);
        let mut session = Self::new(library, options);
        session.options.keymap = keymap;
        session.single = true;
        session
    }

    /// A session showing the loading screen until `loader` delivers the library.
    #[must_use]
    pub fn loading(loader: Option<LoadHandle>, mut options: ReaderOptions) -> Self {
        // The moves between cables take their keys before the reader's.
        options.keymap = options.keymap.for_library_session();
        // An unknown theme falls back to `default`, with a notice.
        let (theme, notice) = match Theme::load(&options.theme, options.themes_dir.as_deref()) {
            Ok(theme) => (theme, None),
            Err(e) => (
                Theme::builtin("default").unwrap_or_default(),
                Some(e.to_string()),
            ),
        };
        Self {
            library: Arc::new(Library::default()),
            table: Table::default(),
            view: View::Loading(Loading::new(loader)),
            overlays: Vec::new(),
            jumps: Vec::new(),
            jump_at: 0,
            notice,
            theme,
            size: (80, 24),
            history: line::History::default(),
            single: false,
            options,
            effects: Vec::new(),
            opening: None,
            positions: Positions::default(),
            fresh: false,
            naming: None,
            exporting: None,
        }
    }

    /// The queries searched in earlier runs, oldest first: up in a search line recalls
    /// them.
    pub fn set_history(&mut self, entries: Vec<String>) {
        self.history = line::History::new(entries);
    }

    /// Opens cables at the top rather than where they were left (`--fresh`).
    pub fn set_fresh(&mut self, fresh: bool) {
        self.fresh = fresh;
    }

    /// What to do first: for a single cable, read it.
    pub fn start(&mut self) -> Vec<Effect> {
        if self.single {
            self.open(CableIndex::new(0), None);
        }
        std::mem::take(&mut self.effects)
    }

    /// Shows a message on the status line of the screen in front.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.tell(text.into());
    }

    /// Whether this session reads one cable (no table).
    #[must_use]
    pub fn is_single(&self) -> bool {
        self.single
    }

    /// The keys, for hints and help.
    #[must_use]
    pub fn keymap(&self) -> &crate::session::keymap::Keymap {
        &self.options.keymap
    }

    /// Whether the mouse is wanted.
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.options.mouse
    }

    /// Where the user's themes are, for the loop that loads one.
    #[must_use]
    pub fn themes_dir(&self) -> Option<&std::path::Path> {
        self.options.themes_dir.as_deref()
    }

    /// Whether the library is still loading (the loop then polls the load).
    #[must_use]
    pub fn is_loading(&self) -> bool {
        matches!(&self.view, View::Loading(loading) if loading.is_running())
    }

    /// What the screen shows under the overlays.
    #[must_use]
    pub fn view(&self) -> &View {
        &self.view
    }

    /// The table of cables: its query, rows and cursor.
    #[must_use]
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The cable open in the reader, shown or kept behind the table.
    #[must_use]
    pub fn open_cable(&self) -> Option<&OpenCable> {
        self.view.open()
    }

    /// The reader of the open cable, shown or kept behind the table.
    #[must_use]
    pub fn reader(&self) -> Option<&Reader> {
        self.view.open().map(OpenCable::reader)
    }

    /// See [`Session::reader`].
    pub fn reader_mut(&mut self) -> Option<&mut Reader> {
        self.view.open_mut().map(OpenCable::reader_mut)
    }

    fn set_library(&mut self, library: Library) {
        self.table = Table::new(&library);
        self.library = Arc::new(library);
        self.view = View::Library { kept: None };
        self.overlays.clear();
        self.resize(self.size);
        if !self.library.skipped().is_empty() {
            let key = self
                .options
                .keymap
                .library_key(&Action::Skipped)
                .map_or_else(String::new, |k| format!(": press {k} to see why"));
            self.notice = Some(format!(
                "{} files skipped{key}",
                self.library.skipped().len()
            ));
        }
    }

    /// Applies one message (a bound action, a key typed, what the event loop reports):
    /// the only place the session's state changes. Does no I/O: what needs the world comes
    /// back as effects, in the order to carry them out.
    pub fn update(&mut self, message: impl Into<Message>) -> Vec<Effect> {
        self.apply(message.into());
        std::mem::take(&mut self.effects)
    }

    fn apply(&mut self, message: Message) {
        match message {
            Message::Action(Action::Quit) => {
                self.save_position(true);
                self.effects.push(Effect::Quit);
            }
            Message::Tick => {
                self.poll_load();
                self.poll_export();
            }
            Message::ExportStarted(handle) => self.export_started(handle),
            Message::ExportExists(bundle, dir) => self.export_would_overwrite(bundle, dir),
            Message::Resize(w, h) => self.resize((w, h)),
            Message::CableRead(read) => self.arrive(*read),
            Message::ThemeLoaded(theme, skipped) => self.set_theme(*theme, &skipped),
            Message::Notice(text) => self.tell(text),
            Message::Corrected(corrected) => self.corrected(*corrected),
            Message::Searched(searched) => self.searched(*searched),
            Message::SnippetRead(read) => self.snippet_read(*read),
            Message::LookedUp(lookup, ids) => self.looked_up(*lookup, ids),
            // A key: the overlay on top takes it first, else the view.
            message if !self.overlays.is_empty() => self.overlay_action(message),
            message => match self.view {
                View::Loading(_) => {}
                View::Library { .. } => self.table_action(message),
                View::Reader(_) => self.reader_action(message),
            },
        }
    }

    /// The theme from now on, for the table, the open cable and the next cables opened.
    fn set_theme(&mut self, theme: Theme, skipped: &[String]) {
        self.options.theme.clone_from(&theme.name);
        let note = if skipped.is_empty() {
            String::new()
        } else {
            format!(" (skipped {}: they do not load)", skipped.join(", "))
        };
        self.tell(format!("theme: {}{note}", theme.name));
        self.theme = theme;
    }

    fn resize(&mut self, size: (u16, u16)) {
        self.size = size;
        self.table.resize(size);
        self.fit_overlays();
        if let Some(open) = self.view.open_mut() {
            open.reader_mut().update(Message::Resize(size.0, size.1));
        }
    }

    fn poll_load(&mut self) {
        let View::Loading(loading) = &mut self.view else {
            return;
        };
        match loading.poll() {
            None => {}
            Some(Ok(library)) => self.set_library(library),
            Some(Err(why)) => {
                self.set_library(Library::default());
                self.notice = Some(why);
            }
        }
    }

    /// Saves the open cable's position: `exact` on leaving it or quitting, else only when
    /// it moved to another paragraph or changed what is worth keeping.
    fn save_position(&mut self, exact: bool) {
        if let Some(open) = self.view.open()
            && let Some(effect) = self.positions.save(open.reader().position(), exact)
        {
            self.effects.push(effect);
        }
    }

    /// Shows a message on the status line of the screen in front: the reader's, or the
    /// table's.
    fn tell(&mut self, text: String) {
        match &mut self.view {
            View::Reader(open) => open.reader_mut().notify(text),
            _ => self.notice = Some(text),
        }
    }
}
