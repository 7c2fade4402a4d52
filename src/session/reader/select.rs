//! Entities and search: selecting, hiding kinds, walking mentions and matches.

use super::search::{self, Search};
use super::{EntityOrder, EntityScope, Mode, Reader};
use crate::cable::{EntityKind, HEADER_LABEL, SIGNATURE_LABEL};

impl Reader {
    /// Selects an entity; with `jump`, moves to its first mention at or after the view's top.
    pub fn select_entity(&mut self, entity: usize, jump: bool) {
        if entity >= self.cable.entities.len() {
            return;
        }
        self.selected = Some(entity);
        self.selected_mentions = (0..self.block_count())
            .flat_map(|b| (0..self.block_mentions(b).len()).map(move |m| (b, m)))
            .filter(|&(b, m)| self.mention_entity(b, m) == Some(entity))
            .collect();
        self.entity_list.cursor_to_entity(entity);
        self.mention_cursor = None;
        if !jump || self.selected_mentions.is_empty() {
            return;
        }
        let doc = self.doc_layout();
        let top = self.top_row(&doc);
        // Mentions are in document order, so their rows are too: a binary search, not a
        // row for each of what may be a million mentions.
        let mentions = &self.selected_mentions;
        let index = mentions.partition_point(|&(b, m)| self.mention_row(&doc, b, m) < top);
        let index = if index < mentions.len() { index } else { 0 };
        let (block, mention) = mentions[index];
        let row = self.mention_row(&doc, block, mention);
        self.mention_cursor = Some(index);
        self.reveal_row(row);
    }

    /// Drops the selected entity.
    pub fn clear_selection(&mut self) {
        self.selected = None;
        self.selected_mentions.clear();
        self.mention_cursor = None;
    }

    fn mention_row(
        &self,
        doc: &crate::session::text_layout::DocLayout,
        block: usize,
        mention: usize,
    ) -> usize {
        let start = self
            .block_mentions(block)
            .get(mention)
            .map_or(0, |m| m.bytes.start);
        doc.row_of_byte(block, start)
    }

    pub(super) fn toggle_kind(&mut self, kind: EntityKind) {
        let label = kind.label().to_string();
        if self.hidden.remove(&kind) {
            self.notify(format!("{label} shown"));
        } else {
            self.hidden.insert(kind);
            self.notify(format!("{label} hidden"));
        }
    }

    /// Orders the sidebar by kind, or by count across kinds.
    pub(super) fn toggle_entity_order(&mut self) {
        let (order, said) = match self.entity_list.order {
            EntityOrder::Kind => (EntityOrder::Count, "entities by count"),
            EntityOrder::Count => (EntityOrder::Kind, "entities by kind"),
        };
        self.entity_list.order = order;
        self.entity_list.rebuild(&self.cable);
        self.notify(said);
    }

    /// Narrows the sidebar to the paragraph in view, or widens it to the whole cable.
    pub(super) fn toggle_entity_scope(&mut self) {
        self.entity_scope = match self.entity_scope {
            EntityScope::Cable => EntityScope::Paragraph,
            EntityScope::Paragraph => EntityScope::Cable,
        };
        self.sync_entity_scope(true);
        let said = match &self.entity_list.paragraph {
            Some(_) => format!("entities of {}", self.block_label(self.current_block())),
            None => "entities of the whole cable".to_string(),
        };
        self.notify(said);
    }

    /// Keeps a sidebar scoped to the paragraph in view on that paragraph; `force` rebuilds
    /// it even if the paragraph is the same (the scope or the cable changed).
    pub(super) fn sync_entity_scope(&mut self, force: bool) {
        let label = match self.entity_scope {
            EntityScope::Cable => None,
            EntityScope::Paragraph => Some(match self.current_block() {
                0 => HEADER_LABEL.to_string(),
                b if b <= self.cable.paragraphs.len() => self.cable.paragraphs[b - 1].label.clone(),
                _ => SIGNATURE_LABEL.to_string(),
            }),
        };
        if force || label != self.entity_list.paragraph {
            self.entity_list.paragraph = label;
            self.entity_list.rebuild(&self.cable);
        }
    }

    pub(super) fn start_search(&mut self) {
        self.search = Some(Search {
            editing: true,
            ..Search::default()
        });
        self.mode = Mode::Search;
    }

    /// Re-runs the search after the query changed and moves to the first match in view or after.
    pub(super) fn refresh_search(&mut self) {
        let Some(search) = self.search.as_ref() else {
            return;
        };
        let hits = if search.words.is_empty() {
            let query = search.query.clone();
            search::find_all((0..self.block_count()).map(|b| self.block_text(b)), &query)
        } else {
            let words = search.words.clone();
            (0..self.block_count())
                .flat_map(|block| {
                    search::find_words(self.block_text(block), &words)
                        .into_iter()
                        .map(move |bytes| search::Hit { block, bytes })
                })
                .collect()
        };
        let doc = self.doc_layout();
        let top = self.top_row(&doc);
        let current = hits
            .iter()
            .position(|h| doc.row_of_byte(h.block, h.bytes.start) >= top)
            .or((!hits.is_empty()).then_some(0));
        let row = current.map(|i| doc.row_of_byte(hits[i].block, hits[i].bytes.start));
        if let Some(search) = self.search.as_mut() {
            search.hits = hits;
            search.current = current;
        }
        if let Some(row) = row {
            self.reveal_row(row);
        }
    }

    /// `n` / `N`: the next search match, else the next mention of the selected entity.
    pub(super) fn walk(&mut self, forward: bool) {
        let step = |current: Option<usize>, len: usize| match (current, forward) {
            (None, true) => 0,
            (None, false) => len - 1,
            (Some(i), true) => (i + 1) % len,
            (Some(i), false) => (i + len - 1) % len,
        };
        let doc = self.doc_layout();
        if let Some(search) = self.search.as_mut().filter(|s| !s.hits.is_empty()) {
            let next = step(search.current, search.hits.len());
            search.current = Some(next);
            let hit = &search.hits[next];
            let row = doc.row_of_byte(hit.block, hit.bytes.start);
            self.reveal_row(row);
        } else if !self.selected_mentions.is_empty() {
            let next = step(self.mention_cursor, self.selected_mentions.len());
            self.mention_cursor = Some(next);
            let (block, mention) = self.selected_mentions[next];
            let row = self.mention_row(&doc, block, mention);
            self.reveal_row(row);
        } else if self.search.is_some() {
            self.notify("no matches");
        } else {
            self.notify("nothing to walk: search with / or select an entity");
        }
    }

    /// Handles keys while a prompt, search, filter or mark letter is being typed.
    pub(super) fn typing_action(&mut self, action: crate::session::message::Message) {
        use crate::session::action::Action;
        use crate::session::message::Message;
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match (mode, action) {
            (Mode::Mark(set), Message::Type(c)) => self.mark(set, c),
            (Mode::Mark(_), _) => {}
            (Mode::Prompt(mut text), Message::Type(c)) => {
                text.push(c);
                self.mode = Mode::Prompt(text);
            }
            (Mode::Prompt(mut text), Message::Backspace) => {
                if text.pop().is_some() {
                    self.mode = Mode::Prompt(text);
                }
            }
            (Mode::Prompt(text), Message::Action(Action::Activate)) => {
                if !text.trim().is_empty() {
                    self.go_to(&text);
                }
            }
            (Mode::Prompt(_), Message::Action(Action::Cancel)) => {}
            (Mode::Prompt(text), _) => self.mode = Mode::Prompt(text),
            (Mode::Search, Message::Type(c)) => {
                if let Some(s) = self.search.as_mut() {
                    crate::session::line::insert(&mut s.query, &mut s.cursor, c);
                }
                self.mode = Mode::Search;
                self.refresh_search();
            }
            (Mode::Search, Message::Backspace) => {
                if let Some(s) = self.search.as_mut() {
                    crate::session::line::backspace(&mut s.query, &mut s.cursor);
                }
                self.mode = Mode::Search;
                self.refresh_search();
            }
            (Mode::Search, Message::Action(Action::Activate)) => {
                if let Some(s) = self.search.as_mut() {
                    s.editing = false;
                }
                if self.search.as_ref().is_some_and(|s| s.query.is_empty()) {
                    self.search = None;
                }
            }
            (Mode::Search, Message::Action(Action::Cancel)) => self.search = None,
            (Mode::Search, _) => self.mode = Mode::Search,
            (Mode::Filter, Message::Type(c)) => {
                self.entity_list.filter.push(c);
                self.entity_list.rebuild(&self.cable);
                self.mode = Mode::Filter;
            }
            (Mode::Filter, Message::Backspace) => {
                self.entity_list.filter.pop();
                self.entity_list.rebuild(&self.cable);
                self.mode = Mode::Filter;
            }
            (Mode::Filter, Message::Action(Action::Activate)) => {
                if let Some(entity) = self.entity_list.entity_at_cursor() {
                    self.select_entity(entity, true);
                }
            }
            (Mode::Filter, Message::Action(Action::Cancel)) => {
                self.entity_list.filter.clear();
                self.entity_list.rebuild(&self.cable);
            }
            (Mode::Filter, Message::Action(Action::Down)) => {
                self.entity_list.move_cursor(1);
                self.mode = Mode::Filter;
            }
            (Mode::Filter, Message::Action(Action::Up)) => {
                self.entity_list.move_cursor(-1);
                self.mode = Mode::Filter;
            }
            (
                Mode::Filter,
                Message::Action(Action::FocusNext) | Message::Action(Action::FocusPrevious),
            ) => {}
            (Mode::Filter, _) => self.mode = Mode::Filter,
            (Mode::Normal, Message::Action(action)) => self.normal_action(action),
            (Mode::Normal, _) => {}
        }
    }
}
