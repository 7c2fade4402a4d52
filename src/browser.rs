//! Many cables in one session: the library table, the reader on one of them, and the
//! moves between cables (other cables naming an entity, REF links, cited-by, jumps).
//!
//! [`Browser::update`] is the only place this state changes; the reader's own state stays
//! in [`App`], which gets every key the browser does not claim. Each cable opened keeps
//! its reading position in the state file, as a cable opened alone does.

mod across;
pub mod keys;
mod open;
pub mod run;
pub mod table;

use crate::action::Action;
use crate::app::{App, AppOptions, Effect, Focus, ReadingPosition};
use crate::input::Progress;
use crate::library::{EntityKey, Library, LoadEvent, LoadHandle};
use crate::state::Store;
use crate::state::session::Session;
use crate::theme::Theme;
pub use across::other_cables;
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
    /// Cable, entity to select there (by key), paragraph to open at, and the line shown.
    pub items: Vec<ListItem>,
    /// The cursor.
    pub selected: usize,
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
#[derive(Debug, Clone, PartialEq)]
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

/// What the browser can be asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Leave cableview.
    Quit,
    /// Show or hide the library's keys.
    Help,
    /// Move the cursor of the table or list.
    Move(isize),
    /// Cursor to the first (`false`) or last (`true`) row.
    MoveToEnd(bool),
    /// Open the cable under the cursor.
    Open,
    /// Back from the reader to the library.
    Back,
    /// Start typing the table filter.
    Filter,
    /// A character typed into the filter.
    Type(char),
    /// Backspace in the filter.
    Backspace,
    /// Stop typing; clear the filter; close the list.
    Cancel,
    /// Sort by the next column.
    NextSort,
    /// Flip the sort direction.
    Reverse,
    /// Filter by the next classification level.
    NextClassification,
    /// Filter by the next TAG.
    NextTag,
    /// Show or hide the skipped-files report.
    Skipped,
    /// List the other cables naming the selected entity.
    OtherCables,
    /// List this cable's REF links and the cables citing it.
    References,
    /// Back in the jump list.
    JumpBack,
    /// Forward in the jump list.
    JumpForward,
    /// A key for the reader.
    Reader(Action),
    /// The terminal size changed.
    Resize(u16, u16),
    /// Time passed: poll the load.
    Tick,
}

/// The whole state of a multi-cable session.
#[derive(Debug)]
pub struct Browser {
    /// The cables (empty while loading).
    pub library: Library,
    /// The table's filters, sort and cursor.
    pub table: Table,
    /// What the screen shows.
    pub screen: Screen,
    /// The reader, and which cable it shows.
    pub reader: Option<(usize, App)>,
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
    /// A message for the status line.
    pub notice: Option<String>,
    /// The library's help overlay, and its scroll offset.
    pub help: Option<usize>,
    /// The first row shown of the skipped-files report.
    pub skipped_top: usize,
    /// The colours.
    pub theme: Theme,
    /// Set to leave.
    pub quit: bool,
    /// The terminal size.
    pub size: (u16, u16),
    options: AppOptions,
    /// What the reader asked of the event loop during this update.
    effects: Vec<Effect>,
    loader: Option<LoadHandle>,
    /// The reading state of the cables opened.
    session: Session,
    /// `--fresh`: open cables at the top (positions are still saved).
    fresh: bool,
}

impl Browser {
    /// A browser over a library already loaded.
    #[must_use]
    pub fn new(library: Library, options: AppOptions) -> Self {
        let mut browser = Self::loading(None, options);
        browser.set_library(library);
        browser
    }

    /// A browser showing the loading screen until `loader` delivers the library.
    #[must_use]
    pub fn loading(loader: Option<LoadHandle>, mut options: AppOptions) -> Self {
        // Every reader opened here runs in the library session.
        options.keymap = options.keymap.for_library_session();
        let theme = Theme::load(&options.theme, options.themes_dir.as_deref())
            .unwrap_or_else(|_| Theme::builtin("default").unwrap_or_default());
        Self {
            library: Library::default(),
            table: Table::default(),
            screen: Screen::Loading,
            reader: None,
            list: None,
            jumps: Vec::new(),
            jump_at: 0,
            progress: None,
            indexing: false,
            notice: None,
            help: None,
            skipped_top: 0,
            theme,
            quit: false,
            size: (80, 24),
            options,
            effects: Vec::new(),
            loader,
            session: Session::disabled(),
            fresh: false,
        }
    }

    /// Keeps reading positions in `store`: each cable opened resumes where it was left
    /// (unless `fresh`), and leaving it saves where it is. Returns the notices of opening
    /// the store (a file set aside, saving off), which the status line shows too.
    pub fn keep_positions(&mut self, store: Store, fresh: bool) -> Vec<String> {
        let (session, notices) = Session::new(store);
        self.session = session;
        self.fresh = fresh;
        if !notices.is_empty() {
            self.notice = Some(notices.join("; "));
        }
        notices
    }

    /// On quit: saves the position of the cable in the reader, and returns the notices
    /// the user has not seen on stderr.
    pub fn finish(&mut self) -> Vec<String> {
        let session = std::mem::replace(&mut self.session, Session::disabled());
        match &mut self.reader {
            Some((_, app)) => session.finish(app),
            None => session.into_unseen_notices(),
        }
    }

    /// The keys, for hints and help.
    #[must_use]
    pub fn keymap(&self) -> &crate::keymap::Keymap {
        &self.options.keymap
    }

    /// Whether the mouse is wanted (the reader's option).
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.options.mouse
    }

    fn set_library(&mut self, library: Library) {
        self.table = Table::new(&library);
        self.library = library;
        self.screen = Screen::Library;
        if !self.library.skipped().is_empty() {
            let key = self
                .options
                .keymap
                .library_key(&crate::action::Action::Skipped)
                .map_or_else(String::new, |k| format!(": press {k} to see why"));
            self.notice = Some(format!(
                "{} files skipped{key}",
                self.library.skipped().len()
            ));
        }
    }

    /// Applies one command: the only place the browser's state changes. The reader's
    /// effects that need the world (the clipboard, a theme file) come back for the event
    /// loop; quitting and opening a linked cable are the browser's own.
    pub fn update(&mut self, command: Command) -> Vec<Effect> {
        self.apply(command);
        std::mem::take(&mut self.effects)
    }

    /// Takes the theme the loop loaded for [`Effect::NextTheme`]: the session's from now
    /// on, for the table, the open cable and the next cables opened.
    pub fn set_theme(&mut self, theme: Theme, skipped: &[String]) {
        self.options.theme.clone_from(&theme.name);
        if let Some((_, app)) = &mut self.reader {
            app.set_theme(theme.clone(), skipped);
        }
        self.theme = theme;
    }

    /// Where the user's themes are, for the loop that loads one.
    #[must_use]
    pub fn themes_dir(&self) -> Option<&std::path::Path> {
        self.options.themes_dir.as_deref()
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::Quit => self.quit = true,
            Command::Tick => self.poll_load(),
            Command::Resize(w, h) => {
                self.size = (w, h);
                if let Some((_, app)) = &mut self.reader {
                    app.update(Action::Resize(w, h));
                }
            }
            command => match self.screen {
                Screen::Loading => {}
                Screen::Library if self.help.is_some() => self.help_command(&command),
                Screen::Library => self.library_command(command),
                Screen::Skipped => self.skipped_command(&command),
                Screen::Reader if self.list.is_some() => self.list_command(command),
                Screen::Reader => self.reader_command(command),
            },
        }
    }

    /// Whether the library is still loading (the loop then polls the load).
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loader.is_some()
    }

    fn poll_load(&mut self) {
        let Some(loader) = &self.loader else {
            return;
        };
        for event in loader.poll() {
            match event {
                LoadEvent::Progress(p) => self.progress = Some(p),
                LoadEvent::Indexing(_) => self.indexing = true,
                LoadEvent::Done(library) => {
                    self.loader = None;
                    self.set_library(*library);
                    return;
                }
            }
        }
    }

    /// Scrolls the skipped-files report, or leaves it.
    fn skipped_command(&mut self, command: &Command) {
        // The report fills the screen inside a border.
        let rows = usize::from(self.size.1.saturating_sub(2)).max(1);
        let last = self.library.skipped().len().saturating_sub(rows);
        match command {
            Command::Skipped | Command::Cancel | Command::Back => self.screen = Screen::Library,
            Command::Move(delta) => {
                self.skipped_top = self.skipped_top.saturating_add_signed(*delta).min(last);
            }
            Command::MoveToEnd(bottom) => self.skipped_top = if *bottom { last } else { 0 },
            _ => {}
        }
    }

    fn help_command(&mut self, command: &Command) {
        let scroll = self.help.unwrap_or(0);
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let last = crate::ui::max_help_scroll(&crate::ui::library_help_lines(self.keymap()), area);
        self.help = match command {
            Command::Help | Command::Cancel | Command::Back => None,
            Command::Move(delta) => Some(scroll.saturating_add_signed(*delta)),
            Command::MoveToEnd(last_row) => Some(if *last_row { last } else { 0 }),
            _ => Some(scroll),
        }
        .map(|scroll| scroll.min(last));
    }

    fn library_command(&mut self, command: Command) {
        self.notice = None;
        let library = &self.library;
        let table = &mut self.table;
        match command {
            Command::Help => self.help = Some(0),
            Command::Move(delta) => table.move_by(delta),
            Command::MoveToEnd(last) => table.move_to_end(last),
            Command::Filter => table.typing = true,
            Command::Type(c) => table.type_char(library, c),
            Command::Backspace => table.backspace(library),
            Command::Cancel if table.typing => table.typing = false,
            Command::Cancel => table.clear_text(library),
            Command::Open if table.typing => table.typing = false,
            Command::NextSort => table.next_sort(library),
            Command::Reverse => table.reverse(library),
            Command::NextClassification => table.next_classification(library),
            Command::NextTag => table.next_tag(library),
            Command::Skipped => self.screen = Screen::Skipped,
            Command::Open => {
                if let Some(cable) = table.current() {
                    self.open(cable, None);
                }
            }
            // From the library, Ctrl-o returns to the reader where it was.
            Command::JumpBack | Command::JumpForward if self.reader.is_some() => {
                self.screen = Screen::Reader;
            }
            _ => {}
        }
    }

    fn reader_command(&mut self, command: Command) {
        match command {
            Command::Back => {
                // Leaving the cable records where it was left.
                if let Some((_, app)) = &mut self.reader {
                    self.session.save_now(app);
                }
                self.screen = Screen::Library;
            }
            Command::OtherCables => self.list_other_cables(),
            Command::References => self.list_references(),
            Command::JumpBack => self.jump_back(),
            Command::JumpForward => self.jump_forward(),
            Command::Reader(action) => {
                let Some((_, app)) = &mut self.reader else {
                    return;
                };
                let before = app.selected;
                let mut clicked = None;
                for effect in app.update(action) {
                    match effect {
                        Effect::Quit => self.quit = true,
                        Effect::OpenCable(cable) => clicked = Some(cable),
                        effect => self.effects.push(effect),
                    }
                }
                self.session.after_update(app);
                if app.selected.is_some() && app.selected != before {
                    self.note_selected_entity();
                }
                // A click on a header link: go there as from the `R` list.
                if let Some(cable) = clicked {
                    self.remember();
                    self.open(cable, None);
                }
            }
            _ => {}
        }
    }

    fn list_command(&mut self, command: Command) {
        let Some(list) = &mut self.list else {
            return;
        };
        match command {
            Command::Move(delta) => {
                let last = list.items.len().saturating_sub(1);
                list.selected = list.selected.saturating_add_signed(delta).min(last);
            }
            Command::MoveToEnd(last) => {
                list.selected = if last {
                    list.items.len().saturating_sub(1)
                } else {
                    0
                };
            }
            Command::Open => {
                let item = list.items.get(list.selected).cloned();
                self.list = None;
                if let Some(item) = item {
                    self.remember();
                    self.open(item.cable, item.entity.as_ref());
                }
            }
            Command::Cancel | Command::Back | Command::OtherCables | Command::References => {
                self.list = None;
            }
            _ => {}
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
