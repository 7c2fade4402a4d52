//! Everything the reader and the library can be asked to do.
//!
//! [`Action`] is the reader's one list and [`LibraryAction`] the library's: the keymap file
//! names their bindable variants, the help overlays and the README key tables print their
//! doc lines. Variants that carry data (typed characters, mouse, resize) come from the
//! event loop and cannot be bound.

use serde::{Deserialize, Serialize};

/// A list of actions keys can be bound to: what the keymap needs of [`Action`] and
/// [`LibraryAction`].
pub trait Bindable: Clone + PartialEq + std::fmt::Debug + 'static {
    /// Every action a key can be bound to, in help order.
    const BINDABLE: &'static [Self];
    /// The name used in the keymap file, for bindable actions.
    fn name(&self) -> Option<&'static str>;
    /// The one-line description shown in the help overlay and the README.
    fn doc(&self) -> &'static str;
    /// The bindable action with this keymap name.
    fn from_name(name: &str) -> Option<Self>;
}

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
        $(#[doc = $edoc:literal])+
        enum $enum:ident;
        bindable { $( $(#[doc = $doc:literal])+ $name:ident = $key:literal, )* }
        internal { $( $(#[doc = $idoc:literal])+ $iname:ident $( ( $($ity:ty),* ) )?, )* }
    ) => {
        $(#[doc = $edoc])+
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $enum {
            $( $(#[doc = $doc])+ $name, )*
            $( $(#[doc = $idoc])+ #[serde(skip)] $iname $( ( $($ity),* ) )?, )*
        }

        impl $enum {
            /// Every action a key can be bound to, in help order.
            pub const BINDABLE: &'static [$enum] = &[ $( $enum::$name, )* ];

            /// The name used in the keymap file (`next_paragraph`), for bindable actions.
            #[must_use]
            #[allow(unreachable_patterns, reason = "a list may have no internal actions")]
            pub fn name(&self) -> Option<&'static str> {
                match self {
                    $( $enum::$name => Some($key), )*
                    _ => None,
                }
            }

            /// The one-line description shown in the help overlay and the README.
            #[must_use]
            #[allow(unreachable_patterns, reason = "a list may have no internal actions")]
            pub fn doc(&self) -> &'static str {
                match self {
                    $( $enum::$name => first_line(concat!($($doc, "\n"),+)), )*
                    _ => "",
                }
            }

            /// The bindable action with this keymap name.
            #[must_use]
            pub fn from_name(name: &str) -> Option<$enum> {
                match name {
                    $( $key => Some($enum::$name), )*
                    _ => None,
                }
            }
        }

        impl Bindable for $enum {
            const BINDABLE: &'static [Self] = $enum::BINDABLE;

            fn name(&self) -> Option<&'static str> {
                $enum::name(self)
            }

            fn doc(&self) -> &'static str {
                $enum::doc(self)
            }

            fn from_name(name: &str) -> Option<Self> {
                $enum::from_name(name)
            }
        }
    };
}

fn first_line(doc: &'static str) -> &'static str {
    doc.lines().next().unwrap_or("").trim()
}

actions! {
    /// One thing the reader can do: the only input of [`crate::app::App::update`].
    enum Action;
    bindable {
        /// quit cableview
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

actions! {
    /// One thing the library can be asked to do by a key: on the table of cables, in a
    /// list of cables, or (the moves between cables) in the reader of a library session.
    /// [`crate::browser::Browser::command_for_key`] turns it into a command.
    enum LibraryAction;
    bindable {
        /// quit cableview
        Quit = "quit",
        /// show or hide the library's keys
        Help = "help",
        /// move down the table or list
        Down = "down",
        /// move up the table or list
        Up = "up",
        /// down half a page of the table
        HalfPageDown = "half_page_down",
        /// up half a page of the table
        HalfPageUp = "half_page_up",
        /// down a page of the table or list
        PageDown = "page_down",
        /// up a page of the table or list
        PageUp = "page_up",
        /// to the first row
        Top = "top",
        /// to the last row
        Bottom = "bottom",
        /// open the cable under the cursor, or follow the list's row
        Open = "open",
        /// filter as you type across ID, subject, origin, TAGS and entity names (enter keeps it)
        Filter = "filter",
        /// stop typing, then clear the filter; close a list or the skipped files
        Cancel = "cancel",
        /// sort by the next column
        NextSort = "next_sort",
        /// reverse the sort
        Reverse = "reverse",
        /// filter by the next classification level
        NextClassification = "next_classification",
        /// filter by the next TAG
        NextTag = "next_tag",
        /// the files that were skipped, and why
        Skipped = "skipped",
        /// back to the library, same row and filter (also the reader's cancel, with nothing left to clear)
        Back = "back",
        /// the other cables naming the selected entity; enter opens one at its first mention
        OtherCables = "other_cables",
        /// the cable's REF links to cables in the library and the cables citing it; enter follows
        References = "references",
        /// jump back across cables and positions (from the table: back to the reader)
        JumpBack = "jump_back",
        /// jump forward across cables and positions
        JumpForward = "jump_forward",
    }
    internal {}
}

impl LibraryAction {
    /// Whether the action works in the reader of a library session, where its keys are
    /// taken before the reader's own (the keymap settles a key bound on both sides).
    #[must_use]
    pub fn in_reader(&self) -> bool {
        matches!(
            self,
            Self::Back | Self::OtherCables | Self::References | Self::JumpBack | Self::JumpForward
        )
    }

    /// Whether the action works on the table of cables (and, for moves, in lists).
    #[must_use]
    pub fn on_table(&self) -> bool {
        !self.in_reader() || matches!(self, Self::JumpBack | Self::JumpForward)
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
        for action in LibraryAction::BINDABLE {
            let name = action.name().expect("bindable actions are named");
            assert_eq!(LibraryAction::from_name(name).as_ref(), Some(action));
            assert!(!action.doc().is_empty(), "{name} has no doc line");
            assert!(
                action.in_reader() || action.on_table(),
                "{name} works nowhere"
            );
        }
    }

    #[test]
    fn serde_names_match_keymap_names() {
        let json = serde_json::to_string(&Action::NextParagraph).unwrap();
        assert_eq!(json, "\"next_paragraph\"");
    }
}
