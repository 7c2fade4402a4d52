//! Everything the reader can be asked to do.
//!
//! [`Action`] is the one list: the keymap file names its bindable variants, the help
//! overlay and the README key table print their doc lines. Variants that carry data
//! (typed characters, mouse, resize) come from the event loop and cannot be bound.

use serde::{Deserialize, Serialize};

/// A mouse event the reader cares about, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The left button went down at (column, row).
    Click(u16, u16),
    /// The wheel turned towards the end of the text at (column, row).
    WheelDown(u16, u16),
    /// The wheel turned towards the start of the text at (column, row).
    WheelUp(u16, u16),
}

macro_rules! actions {
    (
        bindable { $( $(#[doc = $doc:literal])+ $name:ident = $key:literal, )* }
        internal { $( $(#[doc = $idoc:literal])+ $iname:ident $( ( $($ity:ty),* ) )?, )* }
    ) => {
        /// One thing the reader can do: the only input of [`crate::app::App::update`].
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])+ $name, )*
            $( $(#[doc = $idoc])+ #[serde(skip)] $iname $( ( $($ity),* ) )?, )*
        }

        impl Action {
            /// Every action a key can be bound to, in help order.
            pub const BINDABLE: &'static [Action] = &[ $( Action::$name, )* ];

            /// The name used in the keymap file (`next_paragraph`), for bindable actions.
            #[must_use]
            pub fn name(&self) -> Option<&'static str> {
                match self {
                    $( Action::$name => Some($key), )*
                    _ => None,
                }
            }

            /// The one-line description shown in the help overlay and the README.
            #[must_use]
            pub fn doc(&self) -> &'static str {
                match self {
                    $( Action::$name => first_line(concat!($($doc, "\n"),+)), )*
                    _ => "",
                }
            }

            /// The bindable action with this keymap name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<Action> {
                match name {
                    $( $key => Some(Action::$name), )*
                    _ => None,
                }
            }
        }
    };
}

fn first_line(doc: &'static str) -> &'static str {
    doc.lines().next().unwrap_or("").trim()
}

actions! {
    bindable {
        /// quit the reader
        Quit = "quit",
        /// show or hide this help
        Help = "help",
        /// focus the next pane: navigator, reader, entities
        FocusNext = "focus_next",
        /// focus the previous pane
        FocusPrevious = "focus_previous",
        /// scroll down a line, or move down the focused list
        Down = "down",
        /// scroll up a line, or move up the focused list
        Up = "up",
        /// down half a page
        HalfPageDown = "half_page_down",
        /// up half a page
        HalfPageUp = "half_page_up",
        /// down a page
        PageDown = "page_down",
        /// up a page
        PageUp = "page_up",
        /// go to the top
        Top = "top",
        /// go to the bottom
        Bottom = "bottom",
        /// next paragraph
        NextParagraph = "next_paragraph",
        /// previous paragraph
        PreviousParagraph = "previous_paragraph",
        /// jump to the paragraph numbered by the digit pressed
        JumpToDigit = "jump_to_digit",
        /// jump to a paragraph by its label: 12, B, header
        Prompt = "prompt",
        /// search the text, case-insensitive, as you type
        Search = "search",
        /// next match, or next mention of the selected entity
        NextMatch = "next_match",
        /// previous match, or previous mention of the selected entity
        PreviousMatch = "previous_match",
        /// focus the entity filter: type to narrow the sidebar
        Filter = "filter",
        /// select the entity or paragraph under the cursor
        Activate = "activate",
        /// clear the search, the selection or the filter; close overlays
        Cancel = "cancel",
        /// hide or show persons (PER)
        TogglePer = "toggle_per",
        /// hide or show organisations (ORG)
        ToggleOrg = "toggle_org",
        /// hide or show locations (LOC)
        ToggleLoc = "toggle_loc",
        /// hide or show miscellaneous entities (MISC)
        ToggleMisc = "toggle_misc",
        /// switch between the reading view and the source file
        SourceView = "source_view",
        /// next colour theme
        NextTheme = "next_theme",
        /// set a mark: press a letter next
        SetMark = "set_mark",
        /// jump to a mark: press its letter next
        JumpToMark = "jump_to_mark",
        /// show or hide the paragraph navigator
        ToggleNavigator = "toggle_navigator",
        /// show or hide the entity sidebar
        ToggleEntities = "toggle_entities",
        /// copy the current paragraph with its citation to the clipboard (OSC 52)
        CopyParagraph = "copy_paragraph",
        /// copy every mention of the selected entity, one line each with its paragraph
        CopyMentions = "copy_mentions",
    }
    internal {
        /// The terminal now has this many columns and rows.
        Resize(u16, u16),
        /// A character typed into the prompt, search, filter or a mark.
        Type(char),
        /// Backspace in the prompt, search or filter.
        Backspace,
        /// Jump to the paragraph with this label (`5`, `B`, `header`).
        GoTo(String),
        /// A mouse event.
        Mouse(Mouse),
        /// A quarter second passed without input.
        Tick,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_has_a_name_and_a_doc_line() {
        for action in Action::BINDABLE {
            let name = action.name().expect("bindable actions are named");
            assert_eq!(Action::from_name(name).as_ref(), Some(action));
            assert!(!action.doc().is_empty(), "{name} has no doc line");
        }
        assert_eq!(Action::Tick.name(), None);
    }

    #[test]
    fn serde_names_match_keymap_names() {
        let json = serde_json::to_string(&Action::NextParagraph).unwrap();
        assert_eq!(json, "\"next_paragraph\"");
    }
}
