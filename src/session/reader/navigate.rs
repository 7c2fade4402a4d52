//! Moving around: scrolling, paragraph jumps, the `:` prompt, marks, focus and panes.

use super::{Anchor, Focus, Mode, NavRow, Reader};
use crate::session::action::Action;
use crate::session::layout;
use crate::session::message::Message;
use crate::session::text_layout::DocLayout;

/// Whether an action is a jump the jump list keeps (as vim's `G`, `/`, `n`, marks), not a
/// scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum JumpKind {
    /// A scroll or no move at all.
    None,
    /// A jump to another place: it counts when the view moves.
    Place,
    /// A walk to the next match or mention: it counts when the view or the mention under
    /// the cursor changes.
    Walk,
}

impl Reader {
    /// What kind of jump `action` is now, before it is applied. The search's own jump
    /// (Enter after `/`) is counted by the search, from where the view was at `/`.
    pub(super) fn jump_kind(&self, action: &Message) -> JumpKind {
        if self.source_view {
            return JumpKind::None;
        }
        match (&self.mode, action) {
            (
                Mode::Normal,
                Message::Action(Action::NextMatch) | Message::Action(Action::PreviousMatch),
            ) => JumpKind::Walk,
            (
                Mode::Normal,
                Message::Action(Action::NextParagraph)
                | Message::Action(Action::PreviousParagraph)
                | Message::GoTo(_)
                | Message::Action(Action::Top)
                | Message::Action(Action::Bottom)
                | Message::Action(Action::Activate),
            )
            | (_, Message::Mouse(crate::session::action::Mouse::Click(..)))
            | (Mode::Prompt(_) | Mode::Filter, Message::Action(Action::Activate))
            | (Mode::Mark(false), Message::Type(_)) => JumpKind::Place,
            _ => JumpKind::None,
        }
    }

    /// The lowest first row: the last page, or the last paragraph's start if that is later.
    #[must_use]
    pub fn max_top(&self, doc: &DocLayout, height: usize) -> usize {
        let last_text = doc
            .text_rows
            .get(self.cable.paragraphs.len())
            .copied()
            .unwrap_or(0);
        doc.len()
            .saturating_sub(height)
            .max(last_text)
            .min(doc.len().saturating_sub(1))
    }

    /// Puts `row` at the top of the reader, clamped, and re-anchors there.
    pub(super) fn set_top(&mut self, doc: &DocLayout, row: usize) {
        let row = row.min(self.max_top(doc, self.view_height()));
        if let Some(r) = doc.rows.get(row) {
            self.top = Anchor {
                paragraph: r.block,
                row: row - doc.block_rows[r.block],
            };
        }
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        if self.source_view {
            let doc =
                self.source_layout_for(usize::from(self.reader_geometry(self.area()).text.width));
            let max = doc.len().saturating_sub(self.view_height());
            self.source_top = self.source_top.saturating_add_signed(delta).min(max);
            return;
        }
        let doc = self.doc_layout();
        let row = self.top_row(&doc).saturating_add_signed(delta);
        self.set_top(&doc, row);
    }

    /// Scrolls so `row` is in view, with some context above it.
    pub(super) fn reveal_row(&mut self, row: usize) {
        let doc = self.doc_layout();
        let height = self.view_height();
        let top = self.top_row(&doc);
        if row < top || row >= top + height {
            self.set_top(&doc, row.saturating_sub(height / 3));
        }
    }

    /// Puts a block's first text row at the top of the reader.
    pub fn jump_to_block(&mut self, block: usize) {
        let doc = self.doc_layout();
        // The header's heading (its TAGS explained) is part of the header: show it too.
        let row = if block == 0 {
            Some(0)
        } else {
            doc.text_rows.get(block).copied()
        };
        if let Some(row) = row {
            self.set_top(&doc, row);
        }
    }

    /// The block a paragraph label names: `header`, `5`, `B` (any case).
    #[must_use]
    pub fn block_for_label(&self, label: &str) -> Option<usize> {
        let label = label.trim().trim_start_matches('¶');
        if ["header", "hdr", "h", "0"]
            .iter()
            .any(|h| h.eq_ignore_ascii_case(label))
        {
            return Some(0);
        }
        self.cable
            .paragraphs
            .iter()
            .position(|p| p.label.eq_ignore_ascii_case(label))
            .map(|i| i + 1)
    }

    pub(super) fn go_to(&mut self, label: &str) {
        match self.block_for_label(label) {
            Some(block) => self.jump_to_block(block),
            None => self.notify(format!("no paragraph ¶{}", crate::sanitize::visible(label))),
        }
    }

    fn step_paragraph(&mut self, forward: bool) {
        let doc = self.doc_layout();
        let top = self.top_row(&doc);
        let current = doc.rows.get(top).map_or(0, |r| r.block);
        let start = doc.text_rows.get(current).copied().unwrap_or(0);
        let last_paragraph = self.cable.paragraphs.len();
        let target = if forward {
            if top < start && current > 0 {
                current
            } else {
                (current + 1).min(last_paragraph)
            }
        } else if top > start || (current == 0 && top > 0) {
            current
        } else {
            current.saturating_sub(1)
        };
        self.jump_to_block(target);
    }

    fn cycle_focus(&mut self, forward: bool) {
        self.focus = match (self.focus, forward) {
            (Focus::Navigator, true) | (Focus::Entities, false) => Focus::Reader,
            (Focus::Reader, true) | (Focus::Navigator, false) => Focus::Entities,
            (Focus::Entities, true) | (Focus::Reader, false) => Focus::Navigator,
        };
    }

    /// Moves within the focused pane by `rows` (lists move their cursor, the reader scrolls).
    /// The rows a page moves: those the focused pane shows, as the layout gives them.
    fn page_rows(&self) -> usize {
        let sidebar = (self.focus == Focus::Entities)
            .then(|| layout::panes(self.area(), self).entities)
            .flatten()
            .map(|pane| usize::from(layout::entities_geometry(pane).list.height));
        sidebar.unwrap_or_else(|| self.view_height())
    }

    fn move_by(&mut self, rows: isize) {
        match self.focus {
            Focus::Reader => self.scroll_by(rows),
            Focus::Navigator if !self.source_view => {
                let block = self.current_block();
                let target = block.saturating_add_signed(rows);
                self.jump_to_block(target.min(self.cable.paragraphs.len()));
            }
            Focus::Navigator => self.scroll_by(rows),
            Focus::Entities => self.entity_list.move_cursor(rows),
        }
    }

    fn go_to_end(&mut self, last: bool) {
        match self.focus {
            Focus::Entities => self.entity_list.cursor_to_end(last),
            _ if self.source_view => {
                self.scroll_by(if last { isize::MAX / 2 } else { isize::MIN / 2 })
            }
            _ => {
                let doc = self.doc_layout();
                let row = if last {
                    doc.len().saturating_sub(self.view_height())
                } else {
                    0
                };
                self.set_top(&doc, row);
            }
        }
    }

    /// Applies an action when no prompt takes the keys.
    pub(super) fn normal_action(&mut self, action: Action) {
        let page = isize::try_from(self.page_rows()).unwrap_or(1).max(1);
        match action {
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrevious => self.cycle_focus(false),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::PageDown => self.move_by((page - 1).max(1)),
            Action::PageUp => self.move_by(-(page - 1).max(1)),
            Action::Top => self.go_to_end(false),
            Action::Bottom => self.go_to_end(true),
            Action::NextParagraph => self.step_paragraph(true),
            Action::PreviousParagraph => self.step_paragraph(false),
            Action::JumpToDigit => {}
            Action::Prompt => self.mode = Mode::Prompt(String::new()),
            Action::Search => self.begin_search(),
            Action::NextMatch => self.walk(true),
            Action::PreviousMatch => self.walk(false),
            Action::Filter => {
                self.focus = Focus::Entities;
                self.mode = Mode::Filter;
            }
            Action::Activate => self.activate(),
            Action::Cancel => self.cancel(),
            Action::TogglePer => self.toggle_kind(crate::cable::EntityKind::Per),
            Action::ToggleOrg => self.toggle_kind(crate::cable::EntityKind::Org),
            Action::ToggleLoc => self.toggle_kind(crate::cable::EntityKind::Loc),
            Action::ToggleMisc => self.toggle_kind(crate::cable::EntityKind::Misc),
            Action::SourceView => self.toggle_source(),
            Action::SetMark => self.mode = Mode::Mark(true),
            Action::JumpToMark => self.mode = Mode::Mark(false),
            Action::ToggleNavigator => {
                let shown = self.navigator_visible(self.size.0);
                self.show_navigator = Some(!shown);
                if shown && self.focus == Focus::Navigator {
                    self.focus = Focus::Reader;
                }
            }
            Action::ToggleEntities => {
                let shown = self.entities_visible(self.size.0);
                self.show_entities = Some(!shown);
                if shown && self.focus == Focus::Entities {
                    self.focus = Focus::Reader;
                }
            }
            Action::CopyParagraph => self.copy_paragraph(),
            Action::CopyMentions => self.copy_mentions(),
            Action::ToggleHeader => {
                let open = !self.header_open();
                self.set_header_open(open);
                if open {
                    self.jump_to_block(0);
                }
            }
            Action::Quit => {}
            // The session's own: it takes them before the reader sees a key (the help and
            // the correction menu are its overlays).
            Action::Help
            | Action::Correct
            | Action::NextTheme
            | Action::Open
            | Action::NextSort
            | Action::Reverse
            | Action::NextClassification
            | Action::NextTag
            | Action::PickTag
            | Action::Facets
            | Action::Export
            | Action::Map
            | Action::Skipped
            | Action::Back
            | Action::OtherCables
            | Action::References
            | Action::JumpBack
            | Action::JumpForward => {}
            // Taken by `Reader::update` (undo and the sidebar's order and scope).
            Action::UndoCorrection | Action::EntityOrder | Action::EntityScope => {}
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Navigator => self.focus = Focus::Reader,
            Focus::Entities => {
                if let Some(entity) = self.entity_list.entity_at_cursor() {
                    self.select_entity(entity, true);
                }
            }
            Focus::Reader => {}
        }
    }

    fn cancel(&mut self) {
        if self.source_view {
            self.source_view = false;
        } else if self.search.is_some() {
            self.search = None;
        } else if self.selected.is_some() {
            self.clear_selection();
        } else if !self.entity_list.filter.is_empty() {
            self.entity_list.filter.clear();
            self.entity_list.rebuild(&self.cable);
        }
    }

    /// Sets (`true`) or jumps to (`false`) the mark named by `letter`.
    pub(super) fn mark(&mut self, set: bool, letter: char) {
        let shown = crate::sanitize::visible_char(letter);
        if set {
            self.marks.insert(letter, self.top);
            let label = self.block_label(self.current_block());
            self.notify(format!("mark {shown} set at {label}"));
        } else if let Some(anchor) = self.marks.get(&letter).copied() {
            self.top = anchor;
            let doc = self.doc_layout();
            self.set_top(&doc, self.top_row(&doc));
        } else {
            self.notify(format!("no mark {shown}"));
        }
    }

    /// The navigator row of the current paragraph.
    #[must_use]
    pub fn current_nav_row(&self) -> usize {
        self.nav_row_of_block
            .get(self.current_block())
            .copied()
            .unwrap_or(0)
    }

    /// The block a navigator row leads to.
    #[must_use]
    pub fn nav_target(&self, row: usize) -> Option<usize> {
        match self.nav_rows.get(row)? {
            NavRow::Header => Some(0),
            NavRow::Heading(b) | NavRow::Paragraph(b) => Some(*b),
        }
    }
}
