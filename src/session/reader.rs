//! The reader's state on one cable and `Reader::update`, the only place that state changes.
//! The session ([`crate::session`]) owns it and hands it the actions it does not claim;
//! the help and the correction menu over it are the session's overlays. The fields are
//! private: the screens read them through accessors ([`read`]).

mod blocks;
mod copy;
mod correct;
mod entities;
mod geometry;
mod keys;
mod links;
mod mouse;
mod navigate;
mod options;
mod position;
mod read;
mod search;
mod select;
mod source;

pub use blocks::NavRow;
pub use correct::{Correcting, Then};
pub use entities::{EntityItem, EntityList, kinds_in_order};
pub use keys::typed_key;
pub use links::{CableLink, Links, RefItem};
pub use options::{Focus, Mode, ReaderOptions};
pub use position::{Anchor, EntityOrder, EntityRef, EntityScope, ReadingPosition};
pub use search::{Hit, Search};

use crate::cable::{Cable, EntityKind, MentionSource};
use crate::session::Effect;
use crate::session::action::Action;
use crate::session::message::Message;
use crate::session::text_layout::DocLayout;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The whole state of the reader.
#[derive(Debug)]
pub struct Reader {
    /// The cable being read.
    cable: Cable,
    /// The options it was started with.
    options: ReaderOptions,
    /// The terminal size (columns, rows).
    size: (u16, u16),
    /// The focused pane.
    focus: Focus,
    /// What typed characters go to.
    mode: Mode,
    /// Whether the source view replaces the reading view.
    source_view: bool,
    /// The source view's first visible row.
    source_top: usize,
    /// Navigator and entity sidebar visibility (`None`: shown when wide).
    show_navigator: Option<bool>,
    /// See `show_navigator`.
    show_entities: Option<bool>,
    /// The reading position.
    top: Anchor,
    /// Kinds whose highlights are hidden.
    hidden: BTreeSet<EntityKind>,
    /// The entity sidebar's rows.
    entity_list: EntityList,
    /// Whether the sidebar lists the whole cable's entities or the paragraph's in view.
    entity_scope: EntityScope,
    /// The selected entity (index into `cable.entities`).
    selected: Option<usize>,
    /// Mentions of the selected entity, in document order.
    selected_mentions: Vec<(usize, usize)>,
    /// Which of them the cursor is on.
    mention_cursor: Option<usize>,
    /// The active search.
    search: Option<Search>,
    /// Marks set with `m`.
    marks: BTreeMap<char, Anchor>,
    /// A message for the status line.
    notice: Option<String>,
    /// Links to the other cables of a library (`None`: not in a library session).
    links: Option<Links>,
    /// The navigator's rows.
    nav_rows: Vec<NavRow>,
    /// For each block, its navigator row.
    nav_row_of_block: Vec<usize>,
    /// Whether the cable's entities are cableview's tagger's (with any corrections) and
    /// none its own: the sidebar says so. Known once, when the cable is opened.
    tagged: bool,
    /// Where this session's corrections of the cable went, oldest first: `u` takes back
    /// the last, in the cable's overlay or in the rules for every cable.
    made: Vec<crate::session::Scope>,
    /// What this update asks of the event loop; [`Reader::update`] hands it over.
    effects: Vec<Effect>,
    /// Where the last jump (a paragraph, a match, a mention, a mark, an end) left from,
    /// for the session's jump list: [`Reader::take_jump_origin`].
    jump_origin: Option<Anchor>,
    mention_entity: Vec<Vec<Option<usize>>>,
    kinds: Vec<EntityKind>,
    /// The cable's files for the source view, and which one it shows.
    sources: Vec<source::SourceIndex>,
    shown_source: usize,
    tags_explained: Option<String>,
    /// Whether the raw header and its TAGS explained are unfolded in the reading view
    /// (the header bar shows the same fields, so they start folded to one row).
    header_open: bool,
    /// The folded header's row: what it holds and the key that unfolds it.
    header_fold: String,
    gutter: u16,
    layout_cache: RefCell<Option<Rc<DocLayout>>>,
    source_cache: RefCell<Option<Rc<DocLayout>>>,
}

impl Reader {
    /// Opens a cable.
    #[must_use]
    pub fn new(cable: Cable, options: ReaderOptions) -> Self {
        let mention_entity = blocks::mention_entities(&cable);
        let (nav_rows, nav_row_of_block) = blocks::nav_rows(&cable);
        let kinds = kinds_in_order(&cable);
        let sources = source::SourceIndex::of_cable(&cable);
        let tagged = cable
            .mentions()
            .any(|(_, m)| m.source == MentionSource::Tagger)
            && !cable
                .mentions()
                .any(|(_, m)| matches!(m.source, MentionSource::Inline | MentionSource::SideFile));
        let mut app = Self {
            tagged,
            made: Vec::new(),
            size: (80, 24),
            focus: Focus::Reader,
            mode: Mode::Normal,
            source_view: options.source_view,
            source_top: 0,
            show_navigator: options.show_navigator,
            show_entities: options.show_entities,
            top: Anchor::default(),
            hidden: options.hidden_kinds.iter().cloned().collect(),
            entity_list: EntityList::default(),
            entity_scope: EntityScope::Cable,
            selected: None,
            selected_mentions: Vec::new(),
            mention_cursor: None,
            search: None,
            marks: BTreeMap::new(),
            notice: None,
            tags_explained: blocks::tags_explained(&cable),
            header_open: false,
            header_fold: blocks::header_fold(&cable, &options.keymap),
            effects: Vec::new(),
            jump_origin: None,
            links: None,
            nav_rows,
            nav_row_of_block,
            mention_entity,
            kinds,
            sources,
            shown_source: 0,
            gutter: blocks::gutter_width(&cable),
            layout_cache: RefCell::new(None),
            source_cache: RefCell::new(None),
            cable,
            options,
        };
        app.entity_list.rebuild(&app.cable);
        app
    }

    /// Shows a message in the status line until the next key.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(text.into());
    }

    /// The reading position, for saving.
    #[must_use]
    pub fn position(&self) -> ReadingPosition {
        ReadingPosition {
            paragraph: self.top.paragraph,
            row: self.top.row,
            entity: self.selected.map(|i| {
                let e = &self.cable.entities[i];
                EntityRef {
                    kind: e.kind.label().to_string(),
                    name: e.name.clone(),
                }
            }),
            hidden_kinds: self.hidden.iter().map(|k| k.label().to_string()).collect(),
            marks: self.marks.clone(),
            entity_order: self.entity_list.order,
            entity_scope: self.entity_scope,
        }
    }

    /// Returns to a saved position; parts that no longer fit the cable are dropped.
    pub fn restore(&mut self, position: &ReadingPosition) {
        let last = self.block_count().saturating_sub(1);
        self.top = Anchor {
            paragraph: position.paragraph.min(last),
            row: position.row,
        };
        let doc = self.doc_layout();
        self.set_top(&doc, self.top_row(&doc));
        self.hidden = position
            .hidden_kinds
            .iter()
            .map(|l| EntityKind::from_label(l))
            .collect();
        self.marks = position
            .marks
            .iter()
            .filter(|(_, a)| a.paragraph <= last)
            .map(|(c, a)| (*c, *a))
            .collect();
        self.entity_list.order = position.entity_order;
        self.entity_scope = position.entity_scope;
        self.sync_entity_scope(true);
        let entity = position.entity.as_ref().and_then(|r| {
            let kind = EntityKind::from_label(&r.kind);
            self.cable
                .entities
                .iter()
                .position(|e| e.matches(&kind, &r.name))
        });
        match entity {
            Some(i) => self.select_entity(i, false),
            None => self.clear_selection(),
        }
    }

    /// Applies one action: the only place the state changes. Does no I/O; what needs the
    /// world (quitting, the clipboard, another cable, a theme file) comes back as
    /// [`Effect`]s for the event loop to carry out.
    pub fn update(&mut self, message: impl Into<Message>) -> Vec<Effect> {
        let message = message.into();
        if !matches!(message, Message::Tick | Message::Resize(..)) {
            self.notice = None;
        }
        let before = (self.top, self.mention_cursor);
        let jump = self.jump_kind(&message);
        let searching = self.mode == Mode::Search;
        match message {
            Message::Resize(w, h) => self.size = (w, h),
            Message::Tick => {}
            Message::Action(Action::Quit) => self.effects.push(Effect::Quit),
            Message::Mouse(mouse) => self.mouse(mouse),
            message if self.mode == Mode::Search => self.search_typing(message),
            message if self.mode != Mode::Normal => self.typing_action(message),
            Message::Action(Action::UndoCorrection) => self.undo_correction(),
            Message::Action(Action::EntityOrder) => self.toggle_entity_order(),
            Message::Action(Action::EntityScope) => self.toggle_entity_scope(),
            Message::Action(action) => self.normal_action(action),
            Message::GoTo(label) => self.go_to(&label),
            // What the session takes, and typing with nothing to type into.
            _ => {}
        }
        // Only a move of the match or mention cursor unfolds: `z` folds the header again.
        if jump != navigate::JumpKind::None || searching {
            self.unfold_for_cursor();
        }
        let moved = self.top != before.0
            || (jump == navigate::JumpKind::Walk && self.mention_cursor != before.1);
        if jump != navigate::JumpKind::None && moved {
            self.jump_origin = Some(before.0);
        }
        // The paragraph in view may have changed: a sidebar scoped to it follows.
        self.sync_entity_scope(false);
        std::mem::take(&mut self.effects)
    }

    /// Where the reader jumped from since this was last asked, if it jumped: the session
    /// records it in its jump list (`Ctrl-o` goes back there).
    pub fn take_jump_origin(&mut self) -> Option<Anchor> {
        self.jump_origin.take()
    }
}
