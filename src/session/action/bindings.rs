//! The bindable actions of each context: their names in the keymap file and their lines
//! in the help overlays and the keys tables, in help order.

use super::Action;

/// Where a key is pressed: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The reader of a cable.
    Reader,
    /// The table of cables, the lists over the reader, and the moves between cables
    /// taken in the reader of a library.
    Library,
}

impl Context {
    /// The actions keys can be bound to here, in help order.
    #[must_use]
    pub fn bindable(self) -> &'static [Binding] {
        match self {
            Self::Reader => READER,
            Self::Library => LIBRARY,
        }
    }

    /// The action bindable here under this keymap name.
    #[must_use]
    pub fn action_named(self, name: &str) -> Option<&'static Binding> {
        self.bindable().iter().find(|b| b.name == name)
    }

    /// The binding of an action here.
    #[must_use]
    pub fn binding(self, action: &Action) -> Option<&'static Binding> {
        self.bindable().iter().find(|b| b.action == *action)
    }
}

/// A bindable action of one context: its keymap name and its line in help.
#[derive(Debug)]
pub struct Binding {
    /// The action.
    pub action: Action,
    /// The name used in the keymap file (`next_paragraph`).
    pub name: &'static str,
    /// The one-line description shown in the help overlay and the README.
    pub doc: &'static str,
}

impl Binding {
    const fn new(action: Action, name: &'static str, doc: &'static str) -> Self {
        Self { action, name, doc }
    }
}

/// The reader's bindable actions, in help order.
pub const READER: &[Binding] = &[
    Binding::new(Action::Quit, "quit", "quit cableview"),
    Binding::new(Action::Help, "help", "show or hide this help"),
    Binding::new(
        Action::FocusNext,
        "focus_next",
        "focus the next pane: navigator, reader, entities",
    ),
    Binding::new(
        Action::FocusPrevious,
        "focus_previous",
        "focus the previous pane",
    ),
    Binding::new(
        Action::Down,
        "down",
        "scroll down a line, or move down the focused list",
    ),
    Binding::new(
        Action::Up,
        "up",
        "scroll up a line, or move up the focused list",
    ),
    Binding::new(Action::HalfPageDown, "half_page_down", "down half a page"),
    Binding::new(Action::HalfPageUp, "half_page_up", "up half a page"),
    Binding::new(Action::PageDown, "page_down", "down a page"),
    Binding::new(Action::PageUp, "page_up", "up a page"),
    Binding::new(Action::Top, "top", "go to the top"),
    Binding::new(Action::Bottom, "bottom", "go to the bottom"),
    Binding::new(Action::NextParagraph, "next_paragraph", "next paragraph"),
    Binding::new(
        Action::PreviousParagraph,
        "previous_paragraph",
        "previous paragraph",
    ),
    Binding::new(
        Action::JumpToDigit,
        "jump_to_digit",
        "jump to the paragraph numbered by the digit pressed",
    ),
    Binding::new(
        Action::Prompt,
        "prompt",
        "jump to a paragraph by its label: 12, B, header",
    ),
    Binding::new(
        Action::Search,
        "search",
        "search the text, case-insensitive, as you type",
    ),
    Binding::new(
        Action::NextMatch,
        "next_match",
        "next match, or next mention of the selected entity",
    ),
    Binding::new(
        Action::PreviousMatch,
        "previous_match",
        "previous match, or previous mention of the selected entity",
    ),
    Binding::new(
        Action::Filter,
        "filter",
        "focus the entity filter: type to narrow the sidebar",
    ),
    Binding::new(
        Action::Activate,
        "activate",
        "select the entity or paragraph under the cursor",
    ),
    Binding::new(
        Action::Cancel,
        "cancel",
        "clear the search, the selection or the filter; close overlays",
    ),
    Binding::new(
        Action::TogglePer,
        "toggle_per",
        "hide or show persons (PER)",
    ),
    Binding::new(
        Action::ToggleOrg,
        "toggle_org",
        "hide or show organisations (ORG)",
    ),
    Binding::new(
        Action::ToggleLoc,
        "toggle_loc",
        "hide or show locations (LOC)",
    ),
    Binding::new(
        Action::ToggleMisc,
        "toggle_misc",
        "hide or show miscellaneous entities (MISC)",
    ),
    Binding::new(
        Action::SourceView,
        "source_view",
        "switch between the reading view and the source file",
    ),
    Binding::new(Action::NextTheme, "next_theme", "next colour theme"),
    Binding::new(
        Action::SetMark,
        "set_mark",
        "set a mark: press a letter next",
    ),
    Binding::new(
        Action::JumpToMark,
        "jump_to_mark",
        "jump to a mark: press its letter next",
    ),
    Binding::new(
        Action::ToggleNavigator,
        "toggle_navigator",
        "show or hide the paragraph navigator",
    ),
    Binding::new(
        Action::ToggleEntities,
        "toggle_entities",
        "show or hide the entity sidebar",
    ),
    Binding::new(
        Action::CopyParagraph,
        "copy_paragraph",
        "copy the current paragraph with its citation (to tmux's buffer in tmux, else OSC 52)",
    ),
    Binding::new(
        Action::CopyMentions,
        "copy_mentions",
        "copy every mention of the selected entity, one line each with its paragraph",
    ),
    Binding::new(
        Action::ToggleHeader,
        "toggle_header",
        "show or fold the raw header and its TAGS explained",
    ),
    Binding::new(
        Action::Correct,
        "correct",
        "correct the selected entity: P O L M relabel, d not one, j join, D e everywhere, a add at the match",
    ),
    Binding::new(
        Action::UndoCorrection,
        "undo_correction",
        "undo the last correction (this cable's or everywhere)",
    ),
    Binding::new(
        Action::EntityOrder,
        "entity_order",
        "order the entity sidebar by kind, or by count across kinds",
    ),
    Binding::new(
        Action::EntityScope,
        "entity_scope",
        "show the entities of the whole cable, or of the paragraph in view",
    ),
    Binding::new(
        Action::Map,
        "map",
        "the cable's post and places on a world map",
    ),
];

/// The library's bindable actions, in help order.
pub const LIBRARY: &[Binding] = &[
    Binding::new(Action::Quit, "quit", "quit cableview"),
    Binding::new(Action::Help, "help", "show or hide the library's keys"),
    Binding::new(Action::Down, "down", "move down the table or list"),
    Binding::new(Action::Up, "up", "move up the table or list"),
    Binding::new(
        Action::HalfPageDown,
        "half_page_down",
        "down half a page of the table",
    ),
    Binding::new(
        Action::HalfPageUp,
        "half_page_up",
        "up half a page of the table",
    ),
    Binding::new(
        Action::PageDown,
        "page_down",
        "down a page of the table or list",
    ),
    Binding::new(Action::PageUp, "page_up", "up a page of the table or list"),
    Binding::new(Action::Top, "top", "to the first row"),
    Binding::new(Action::Bottom, "bottom", "to the last row"),
    Binding::new(
        Action::Open,
        "open",
        "open the cable under the cursor, or follow the list's row",
    ),
    Binding::new(
        Action::Filter,
        "filter",
        "filter as you type by ID, subject, origin, TAGS, entities; on a corpus index, the full text",
    ),
    Binding::new(
        Action::Cancel,
        "cancel",
        "stop typing, then clear the filters (text, class, TAG); close a list or the skipped files",
    ),
    Binding::new(
        Action::NextSort,
        "next_sort",
        "sort by the next column (search results: best first, each column, best first)",
    ),
    Binding::new(Action::Reverse, "reverse", "reverse the sort"),
    Binding::new(
        Action::NextClassification,
        "next_classification",
        "filter by the next classification level",
    ),
    Binding::new(Action::NextTag, "next_tag", "filter by the next TAG"),
    Binding::new(
        Action::Skipped,
        "skipped",
        "the files that were skipped, and why",
    ),
    Binding::new(
        Action::Back,
        "back",
        "back to the library, same row and filter (also the reader's cancel, with nothing left to clear)",
    ),
    Binding::new(
        Action::OtherCables,
        "other_cables",
        "the other cables naming the selected entity; enter opens one at its first mention",
    ),
    Binding::new(
        Action::References,
        "references",
        "the cable's REF links to cables in the library and the cables citing it; enter follows",
    ),
    Binding::new(
        Action::JumpBack,
        "jump_back",
        "jump back across cables and positions (from the table: back to the reader)",
    ),
    Binding::new(
        Action::JumpForward,
        "jump_forward",
        "jump forward across cables and positions",
    ),
    Binding::new(
        Action::PickTag,
        "pick_tag",
        "pick a TAG to filter by: those in use, with counts and names, fuzzy as you type",
    ),
    Binding::new(
        Action::Facets,
        "facets",
        "the search's facets on a corpus index: enter narrows, esc back to the table",
    ),
    Binding::new(
        Action::Export,
        "export",
        "export the rows shown (a search's every match): their CSV, or the cables in a format, into a folder",
    ),
    Binding::new(
        Action::Map,
        "map",
        "the search's posts on a world map (corpus index): enter narrows, L the places named",
    ),
];
