//! One session for one cable or a whole library: the table of cables, the reader on one of
//! them, the lists over it, and the moves between cables (other cables naming an entity,
//! REF links, cited-by, the jump list). A single cable is a library of one whose table is
//! never shown.
//!
//! [`Session::update`] is the only place the state changes; it does no I/O and returns
//! [`Effect`]s for the event loop, which reports back with actions. The reader's own state
//! stays in [`Reader`], which gets every action the session does not claim.

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
mod open;
pub mod picker;
mod positions;
pub mod reader;
mod reader_keys;
pub mod scroll;
pub mod table;
mod table_keys;
pub mod text_layout;
pub mod timeline;

use crate::input::Progress;
use crate::library::{EntityKey, Library, LoadEvent, LoadHandle};
use crate::session::action::Action;
use crate::session::reader::{Focus, Reader, ReaderOptions, ReadingPosition};
use crate::theme::Theme;
pub use across::other_cables;
pub use effect::{CorrectionChange, Effect, Lookup, Scope};
use positions::Positions;
pub use scroll::ListCursor;
use std::sync::Arc;
pub use table::Table;

/// What the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The library is loading.
    Loading,
    /// The table of cables.
    Library,
    /// The files that were not loaded.
    Skipped,
    /// The reader on one cable.
    Reader,
}

/// A list of cables to go to, shown over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableList {
    /// What the list is (`Hezbollah in 2 other cables`).
    pub title: String,
    /// Cable, entity to select there (by key), and the line shown.
    pub items: Vec<ListItem>,
    /// The cursor.
    pub cursor: ListCursor,
}

/// One row of a [`CableList`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// The cable, by library index.
    pub cable: usize,
    /// The entity to select on arrival (its first mention is where the reader opens).
    pub entity: Option<EntityKey>,
    /// What the row says.
    pub text: String,
}

/// A place to come back to with `Ctrl-o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    /// The cable, by library index.
    pub cable: usize,
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
    /// The export prompt of `e`, while it is open.
    pub export_prompt: Option<export::ExportPrompt>,
    /// The table's filters, sort and cursor.
    pub table: Table,
    /// What the screen shows.
    pub screen: Screen,
    /// The reader, and which cable it shows.
    pub reader: Option<(usize, Reader)>,
    /// A list of cables over the reader.
    pub list: Option<CableList>,
    /// Places visited, for `Ctrl-o` / `Ctrl-i`.
    pub jumps: Vec<Jump>,
    /// Where in `jumps` we are (`jumps.len()`: at the newest place).
    pub jump_at: usize,
    /// The latest load progress.
    pub progress: Option<Progress>,
    /// Set when the load is indexing.
    pub indexing: bool,
    /// Set while the library's table is read from a corpus index of this many documents.
    pub opening_index: Option<u64>,
    /// A message for the table's status line (the reader has its own).
    pub notice: Option<String>,
    /// The table's help overlay, and its scroll.
    pub help: Option<ListCursor>,
    /// The skipped-files report's scroll.
    pub skipped: ListCursor,
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
    loader: Option<LoadHandle>,
    /// The cable being read by the event loop, and where it opens.
    opening: Option<(usize, Arrival)>,
    /// The open cable's last saved position.
    positions: Positions,
    /// `--fresh`: open cables at the top (positions are still saved).
    fresh: bool,
    /// On a corpus index: the cables the selected entity was last looked up in.
    naming: Option<indexed::Naming>,
    /// The export running, polled on each tick.
    exporting: Option<crate::library::bundle::ExportHandle>,
    /// The world map over the table or the reader, while it is shown.
    pub map: Option<map::WorldMap>,
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
            export_prompt: None,
            table: Table::default(),
            screen: Screen::Loading,
            reader: None,
            list: None,
            jumps: Vec::new(),
            jump_at: 0,
            progress: None,
            indexing: false,
            opening_index: None,
            notice,
            help: None,
            skipped: ListCursor::default(),
            theme,
            size: (80, 24),
            history: line::History::default(),
            single: false,
            options,
            effects: Vec::new(),
            loader,
            opening: None,
            positions: Positions::default(),
            fresh: false,
            naming: None,
            exporting: None,
            map: None,
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
            self.open(0, None);
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
        self.loader.is_some()
    }

    fn set_library(&mut self, library: Library) {
        self.table = Table::new(&library);
        self.library = Arc::new(library);
        self.screen = Screen::Library;
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

    /// Applies one action: the only place the session's state changes. Does no I/O: what
    /// needs the world comes back as effects, in the order to carry them out.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.apply(action);
        std::mem::take(&mut self.effects)
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.save_position(true);
                self.effects.push(Effect::Quit);
            }
            Action::Tick => {
                self.poll_load();
                self.poll_export();
            }
            Action::ExportStarted(handle) => self.export_started(handle),
            Action::ExportExists(bundle, dir) => self.export_would_overwrite(bundle, dir),
            Action::Resize(w, h) => self.resize((w, h)),
            Action::CableRead(read) => self.arrive(*read),
            Action::ThemeLoaded(theme, skipped) => self.set_theme(*theme, &skipped),
            Action::Notice(text) => self.tell(text),
            Action::Corrected(corrected) => self.corrected(*corrected),
            Action::Searched(searched) => self.searched(*searched),
            Action::SnippetRead(read) => self.snippet_read(*read),
            Action::LookedUp(lookup, ids) => self.looked_up(*lookup, ids),
            action if self.map.is_some() => self.map_action(&action),
            action => match self.screen {
                Screen::Loading => {}
                Screen::Library if self.help.is_some() => self.help_action(&action),
                Screen::Library => self.table_action(action),
                Screen::Skipped => self.skipped_action(&action),
                Screen::Reader if self.list.is_some() => self.list_action(action),
                Screen::Reader => self.reader_action(action),
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
        self.fit_table();
        self.fit_facets();
        if let Some(picker) = &mut self.table.picker {
            picker.fit(size);
        }
        // The report fills the screen inside a border.
        let report = usize::from(size.1.saturating_sub(2)).max(1);
        let positions = self.library.skipped().len().saturating_sub(report) + 1;
        self.skipped.set_height(report, positions);
        self.fit_list();
        if let Some((_, app)) = &mut self.reader {
            app.update(Action::Resize(size.0, size.1));
        }
    }

    /// Tells the table how many rows it shows (fewer with the snippet pane under it).
    fn fit_table(&mut self) {
        let snippet = self.table.full_text.is_some();
        let rows = crate::session::table::visible_rows(self.size.1, snippet);
        self.table.cursor.set_height(rows, self.table.rows.len());
    }

    /// Tells the list over the reader how many rows its popup shows.
    fn fit_list(&mut self) {
        if let Some(list) = &mut self.list {
            let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
            let popup = layout::cable_list_popup(area, list.items.len());
            let rows = usize::from(popup.height.saturating_sub(2));
            list.cursor.set_height(rows, list.items.len());
        }
    }

    fn poll_load(&mut self) {
        let Some(loader) = &self.loader else {
            return;
        };
        for event in loader.poll() {
            match event {
                LoadEvent::Progress(p) => self.progress = Some(p),
                LoadEvent::Indexing(_) => self.indexing = true,
                LoadEvent::OpeningIndex(count) => self.opening_index = Some(count),
                LoadEvent::Failed(why) => {
                    self.loader = None;
                    self.set_library(Library::default());
                    self.notice = Some(why);
                    return;
                }
                LoadEvent::Done(library) => {
                    self.loader = None;
                    self.set_library(*library);
                    return;
                }
            }
        }
    }

    /// Saves the open cable's position: `exact` on leaving it or quitting, else only when
    /// it moved to another paragraph or changed what is worth keeping.
    fn save_position(&mut self, exact: bool) {
        if let Some((_, app)) = &self.reader
            && let Some(effect) = self.positions.save(app.position(), exact)
        {
            self.effects.push(effect);
        }
    }

    /// Shows a message on the status line of the screen in front: the reader's, or the
    /// table's.
    fn tell(&mut self, text: String) {
        match &mut self.reader {
            Some((_, app)) if self.screen == Screen::Reader => app.notify(text),
            _ => self.notice = Some(text),
        }
    }
}
