//! Everything a key can be bound to: one [`Action`] for every context (the reader, the
//! table of cables, the lists over the reader, the prompts). What else reaches
//! [`crate::session::Session::update`] (typed characters, the mouse, a resize, what the
//! event loop reports back) is a [`Message`].
//!
//! Keys are bound per [`Context`]: the keymap file names the actions of [`READER`] at its
//! top level and those of [`LIBRARY`] in its `[library]` table; the help overlays and the
//! README key tables print the doc lines of these tables. Variants that carry data (typed
//! characters, mouse, resize, what the event loop reports back) cannot be bound.

mod bindings;

pub use super::message::{
    Answer, AskError, CableRead, Corrected, Found, Message, Searched, SnippetRead,
};
pub use bindings::{Binding, Context, LIBRARY, READER};

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
