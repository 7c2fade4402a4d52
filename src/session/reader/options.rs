//! How the reader starts ([`ReaderOptions`]), and what its keys go to: the focused pane and
//! the input mode.

use crate::cable::EntityKind;
use crate::session::keymap::Keymap;
use std::path::PathBuf;

/// How the reader starts. A plain struct: fill what you need, `..Default::default()` the rest.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// The theme's name (a built-in or a file in `themes_dir`).
    pub theme: String,
    /// Where user themes live, looked up before the built-ins.
    pub themes_dir: Option<PathBuf>,
    /// Show the paragraph navigator at start (`None`: only when the terminal is wide).
    pub show_navigator: Option<bool>,
    /// Show the entity sidebar at start (`None`: only when the terminal is wide).
    pub show_entities: Option<bool>,
    /// Kinds whose highlights are hidden at start.
    pub hidden_kinds: Vec<EntityKind>,
    /// The widest the reading column gets, in columns.
    pub max_width: u16,
    /// Whether the terminal's mouse reporting is turned on.
    pub mouse: bool,
    /// Start in the source view.
    pub source_view: bool,
    /// The key bindings.
    pub keymap: Keymap,
    /// How `y` cites a paragraph (`citation` in the config).
    pub citation: crate::export::citation::Template,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        Self {
            theme: "default".into(),
            themes_dir: None,
            show_navigator: None,
            show_entities: None,
            hidden_kinds: Vec::new(),
            max_width: 100,
            mouse: true,
            source_view: false,
            keymap: Keymap::default(),
            citation: crate::export::citation::Template::default(),
        }
    }
}

/// Which pane takes list movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The paragraph navigator.
    Navigator,
    /// The text.
    Reader,
    /// The entity sidebar.
    Entities,
}

impl Focus {
    /// The pane's name for the status line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Focus::Navigator => "navigator",
            Focus::Reader => "reader",
            Focus::Entities => "entities",
        }
    }
}

/// What typed characters go to. The help and the correction menu are not modes: they are
/// overlays of the session ([`crate::session::Overlay`]) and take the keys while on top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys go through the keymap.
    Normal,
    /// The `:` prompt, with what has been typed.
    Prompt(String),
    /// The `/` search is being typed (the query lives in [`super::Reader::search`]).
    Search,
    /// The entity filter is being typed.
    Filter,
    /// Waiting for a mark letter: `true` to set it, `false` to jump to it.
    Mark(bool),
}
