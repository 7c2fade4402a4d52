//! Everything a key can be bound to: one [`Action`] for every context (the reader, the
//! table of cables, the lists over the reader, the prompts). What else reaches
//! [`crate::session::Session::update`] (typed characters, the mouse, a resize, what the
//! event loop reports back) is a [`Message`].
//!
//! Keys are bound per [`Context`]: the keymap file names the actions of [`READER`] at its
//! top level and those of [`LIBRARY`] in its `[library]` table; the help overlays and the
//! README key tables print the doc lines of these tables. Variants that carry data (typed
//! characters, mouse, resize, what the event loop reports back) cannot be bound.

pub use super::message::{Answer, CableRead, Corrected, Found, Message, Searched, SnippetRead};

/// A mouse event, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The left button went down at (column, row).
    Click(u16, u16),
    /// The wheel turned towards the end of the text at (column, row).
    WheelDown(u16, u16),
    /// The wheel turned towards the start of the text at (column, row).
    WheelUp(u16, u16),
}

/// One thing a key can be bound to; [`Message::Action`] carries it to
/// [`crate::session::Session::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Quit cableview.
    Quit,
    /// Show or hide this help.
    Help,
    /// Focus the next pane: navigator, reader, entities.
    FocusNext,
    /// Focus the previous pane.
    FocusPrevious,
    /// Scroll down a line, or move down the focused list.
    Down,
    /// Scroll up a line, or move up the focused list.
    Up,
    /// Down half a page.
    HalfPageDown,
    /// Up half a page.
    HalfPageUp,
    /// Down a page.
    PageDown,
    /// Up a page.
    PageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Next paragraph.
    NextParagraph,
    /// Previous paragraph.
    PreviousParagraph,
    /// Jump to the paragraph numbered by the digit pressed.
    JumpToDigit,
    /// Jump to a paragraph by its label: 12, B, header.
    Prompt,
    /// Search the text, case-insensitive, as you type.
    Search,
    /// Next match, or next mention of the selected entity.
    NextMatch,
    /// Previous match, or previous mention of the selected entity.
    PreviousMatch,
    /// Type to narrow what is shown: the entity sidebar, or the table of cables.
    Filter,
    /// Select the entity or paragraph under the cursor.
    Activate,
    /// Clear the search, the selection or the filter; close overlays.
    Cancel,
    /// Hide or show persons (PER).
    TogglePer,
    /// Hide or show organisations (ORG).
    ToggleOrg,
    /// Hide or show locations (LOC).
    ToggleLoc,
    /// Hide or show miscellaneous entities (MISC).
    ToggleMisc,
    /// Switch between the reading view and the source file.
    SourceView,
    /// Next colour theme.
    NextTheme,
    /// Set a mark: press a letter next.
    SetMark,
    /// Jump to a mark: press its letter next.
    JumpToMark,
    /// Show or hide the paragraph navigator.
    ToggleNavigator,
    /// Show or hide the entity sidebar.
    ToggleEntities,
    /// Copy the current paragraph with its citation to the clipboard (tmux, else OSC 52).
    CopyParagraph,
    /// Copy every mention of the selected entity, one line each with its paragraph.
    CopyMentions,
    /// Open the cable under the cursor, or follow the list's row.
    Open,
    /// Sort the table by the next column.
    NextSort,
    /// Reverse the table's sort.
    Reverse,
    /// Filter the table by the next classification level.
    NextClassification,
    /// Filter the table by the next TAG.
    NextTag,
    /// Show the files that were skipped, and why.
    Skipped,
    /// Back from the reader to the table.
    Back,
    /// List the other cables naming the selected entity.
    OtherCables,
    /// List the cable's REF links and the cables citing it.
    References,
    /// Jump back in the jump list.
    JumpBack,
    /// Jump forward in the jump list.
    JumpForward,
    /// Show or fold the raw header and its TAGS explained.
    ToggleHeader,
    /// Pick a TAG to filter the table by, from those in use, fuzzy as you type.
    PickTag,
    /// Correct the selected entity (or the mention under the cursor): a menu.
    Correct,
    /// Undo the cable's last correction.
    UndoCorrection,
    /// Order the entity sidebar by kind, or by count across kinds.
    EntityOrder,
    /// Scope the entity sidebar to the whole cable, or to the paragraph in view.
    EntityScope,
    /// Show the facets of the table's search (on a corpus index), or move into them, or
    /// hide them.
    Facets,
    /// The world map of the table's search (on a corpus index), or of the cable read.
    Map,
    /// Export the rows shown: the cables, or their rows as CSV, into a folder.
    Export,
}

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

impl Action {
    /// Whether the action moves between cables: in the reader of a library its keys are
    /// taken before the reader's own (the keymap settles a key bound on both sides).
    #[must_use]
    pub fn moves_between_cables(&self) -> bool {
        matches!(
            self,
            Self::Back | Self::OtherCables | Self::References | Self::JumpBack | Self::JumpForward
        )
    }

    /// Whether the library action works on the table of cables (and, for moves, in lists).
    #[must_use]
    pub fn on_table(&self) -> bool {
        !self.moves_between_cables() || matches!(self, Self::JumpBack | Self::JumpForward)
    }

    /// The keymap name of a reader action (`next_paragraph`), or of a library one.
    #[must_use]
    pub fn name(&self) -> Option<&'static str> {
        Context::Reader
            .binding(self)
            .or_else(|| Context::Library.binding(self))
            .map(|b| b.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_one_name_and_a_doc_line() {
        for context in [Context::Reader, Context::Library] {
            for binding in context.bindable() {
                assert_eq!(
                    context.action_named(binding.name).map(|b| &b.action),
                    Some(&binding.action)
                );
                assert_eq!(
                    context.binding(&binding.action).map(|b| b.name),
                    Some(binding.name)
                );
                assert!(!binding.doc.is_empty(), "{} has no doc line", binding.name);
            }
        }
        assert_eq!(Action::NextSort.name(), Some("next_sort"));
    }

    #[test]
    fn a_name_means_the_same_action_in_both_contexts() {
        for binding in LIBRARY {
            if let Some(reader) = Context::Reader.action_named(binding.name) {
                assert_eq!(reader.action, binding.action, "{}", binding.name);
            }
        }
    }
}
