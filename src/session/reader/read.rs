//! What the screens and the session read of the reader, and the few things the session
//! sets on it (its links, where a jump returns to, what a corrected cable keeps): the
//! fields stay private, so the reader's own keys change them only through
//! [`Reader::update`].

use super::{
    Anchor, CableLink, EntityList, EntityScope, Focus, Links, Mode, Reader, ReaderOptions, Search,
};
use crate::cable::{Cable, EntityKind};
use crate::session::Scope;
use crate::session::message::Message;
use std::collections::{BTreeMap, BTreeSet};

impl Reader {
    /// The cable being read.
    #[must_use]
    pub fn cable(&self) -> &Cable {
        &self.cable
    }

    /// The options it was started with.
    #[must_use]
    pub fn options(&self) -> &ReaderOptions {
        &self.options
    }

    /// The terminal size (columns, rows).
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The focused pane.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// What typed characters go to.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Whether the source view replaces the reading view.
    #[must_use]
    pub fn source_view(&self) -> bool {
        self.source_view
    }

    /// The source view's first visible row.
    #[must_use]
    pub fn source_top(&self) -> usize {
        self.source_top
    }

    /// The reading position: the block and the row in it at the top of the view.
    #[must_use]
    pub fn top(&self) -> Anchor {
        self.top
    }

    /// Kinds whose highlights are hidden.
    #[must_use]
    pub fn hidden(&self) -> &BTreeSet<EntityKind> {
        &self.hidden
    }

    /// The entity sidebar's rows, filter and cursor.
    #[must_use]
    pub fn entity_list(&self) -> &EntityList {
        &self.entity_list
    }

    /// Whether the sidebar lists the whole cable's entities or the paragraph's in view.
    #[must_use]
    pub fn entity_scope(&self) -> EntityScope {
        self.entity_scope
    }

    /// The selected entity (index into the cable's entities).
    #[must_use]
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Mentions of the selected entity as (block, index in the block), in document order.
    #[must_use]
    pub fn selected_mentions(&self) -> &[(usize, usize)] {
        &self.selected_mentions
    }

    /// Which of the selected entity's mentions the cursor is on.
    #[must_use]
    pub fn mention_cursor(&self) -> Option<usize> {
        self.mention_cursor
    }

    /// The active search.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Marks set with `m`.
    #[must_use]
    pub fn marks(&self) -> &BTreeMap<char, Anchor> {
        &self.marks
    }

    /// The message on the status line, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Links to the other cables of a library (`None`: not in a library session).
    #[must_use]
    pub fn links(&self) -> Option<&Links> {
        self.links.as_ref()
    }

    /// Whether the cable's entities are cableview's tagger's (with any corrections) and
    /// none its own: the sidebar says so. Known once, when the cable is opened.
    #[must_use]
    pub fn tagged(&self) -> bool {
        self.tagged
    }

    /// Gives the reader its links to the other cables of the library.
    pub fn set_links(&mut self, links: Links) {
        self.links = Some(links);
    }

    /// The cables citing this one, once the index has said (in a library session only):
    /// the header grows a line of links, so the text is laid out again.
    pub(crate) fn set_cited_by(&mut self, cited_by: Vec<CableLink>) {
        let Some(links) = &mut self.links else {
            return;
        };
        links.cited_by = cited_by;
        let (w, h) = self.size;
        self.update(Message::Resize(w, h));
    }

    /// Takes the message off the status line.
    pub(crate) fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// Back at a place of the jump list: the pane that had the focus, and the mention the
    /// cursor was on if the selected entity still has it.
    pub(crate) fn return_to(&mut self, focus: Focus, mention_cursor: Option<usize>) {
        self.focus = focus;
        if mention_cursor.is_some_and(|at| at < self.selected_mentions.len()) {
            self.mention_cursor = mention_cursor;
        }
    }

    /// What a reader of the same cable read again keeps from `old`: the corrections made
    /// this session (with `made` the one just made or undone), the links, the panes and
    /// the focus, the sidebar's filter.
    pub(crate) fn keep_from(&mut self, old: &mut Reader, made: Option<Scope>) {
        self.made = std::mem::take(&mut old.made);
        match made {
            Some(scope) => self.made.push(scope),
            None => {
                self.made.pop();
            }
        }
        self.links = old.links.take();
        self.show_navigator = old.show_navigator;
        self.show_entities = old.show_entities;
        self.focus = old.focus;
        self.entity_list.filter = std::mem::take(&mut old.entity_list.filter);
    }
}
