//! The tables of styles a theme holds: by entity kind, by classification level, by UI part.

use super::Style;

macro_rules! style_group {
    ($(#[doc = $sdoc:literal])* $name:ident { $( $(#[doc = $doc:literal])* $field:ident = $key:literal, )* }) => {
        $(#[doc = $sdoc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name<S = Style> { $( $(#[doc = $doc])* pub $field: S, )* }

        impl<S> $name<S> {
            /// The same table with each style turned by `f`.
            pub fn map<T>(&self, f: impl Fn(&S) -> T) -> $name<T> {
                $name { $( $field: f(&self.$field), )* }
            }
        }

        impl $name {
            /// The keys a theme file may use in this table.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            pub(super) fn slot(&mut self, key: &str) -> Option<&mut Style> {
                match key {
                    $( $key => Some(&mut self.$field), )*
                    _ => None,
                }
            }

            pub(super) fn styles(&self) -> Vec<Style> {
                vec![$(self.$field),*]
            }
        }
    };
}

style_group!(
    /// Styles of the entity kinds.
    KindStyles {
        /// Persons.
        per = "PER",
        /// Organisations.
        org = "ORG",
        /// Locations.
        loc = "LOC",
        /// Miscellaneous.
        misc = "MISC",
        /// Any other label.
        other = "other",
    }
);

style_group!(
    /// Styles of the classification banners.
    LevelStyles {
        /// UNCLASSIFIED.
        unclassified = "unclassified",
        /// SENSITIVE BUT UNCLASSIFIED.
        sensitive = "sensitive",
        /// CONFIDENTIAL.
        confidential = "confidential",
        /// SECRET.
        secret = "secret",
        /// TOP SECRET.
        top_secret = "top_secret",
        /// No classification found.
        unknown = "unknown",
    }
);

style_group!(
    /// Styles of the interface parts.
    UiStyles {
        /// Plain text.
        text = "text",
        /// Secondary text: counts, hints, first words.
        dim = "dim",
        /// Pane borders.
        border = "border",
        /// The focused pane's border.
        border_focused = "border_focused",
        /// Pane titles.
        title = "title",
        /// Section headings.
        heading = "heading",
        /// Paragraph labels (`¶5`).
        label = "label",
        /// Portion-marking badges.
        marking = "marking",
        /// The current paragraph in the navigator.
        current = "current",
        /// The cursor row of a focused list.
        cursor = "cursor",
        /// Mentions of the selected entity.
        selected_mention = "selected_mention",
        /// Search matches.
        search_match = "search_match",
        /// The search match or mention the cursor is on.
        search_current = "search_current",
        /// The status line.
        status = "status",
        /// Keys in the status line.
        status_key = "status_key",
        /// A notice in the status line.
        notice = "notice",
        /// The scroll bar thumb.
        scrollbar = "scrollbar",
        /// Hidden kinds in the sidebar.
        hidden = "hidden",
        /// Links to other cables of a library (REFs, cited by) in the header.
        link = "link",
    }
);
