//! The reader's state on one cable and `Reader::update`, the only place that state changes.
//! The session ([`crate::session`]) owns it and hands it the actions it does not claim.
//! The text layout is cached per width, so moving around costs a lookup, not a re-wrap.

mod copy;
mod correct;
mod entities;
mod keys;
mod links;
mod mouse;
mod navigate;
mod position;
mod search;
mod select;
mod source;

pub use correct::{Correcting, Then};
pub use entities::{EntityItem, EntityList, kinds_in_order};
pub use links::{CableLink, Links, RefItem};
pub use position::{Anchor, EntityOrder, EntityRef, EntityScope, ReadingPosition};
pub use search::{Hit, Search};

use crate::cable::{Cable, EntityKind, Mention, MentionSource};
use crate::session::Effect;
use crate::session::action::Action;
use crate::session::keymap::Keymap;
use crate::session::layout::{self, ReaderGeometry};
use crate::session::message::Message;
use crate::session::text_layout::{BlockSpec, DocLayout};
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::rc::Rc;

/// How the reader starts. A plain struct: fill what you need, `..Default::default()` the rest.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// The theme's name (a built-in or a file in `themes_dir`).
    pub theme: String,
    /// Where user themes live, looked up before the built-ins.
    pub themes_dir: Option<PathBuf>,
    /// Show the paragraph navigator at start (`None`: only when the terminal is wide).
    pub show_navigator: Option<bool>,
    /// Show the entity sidebar at start (`None`: only when the terminal is wide).
    pub show_entities: Option<bool>,
    /// Kinds whose highlights are hidden at start.
    pub hidden_kinds: Vec<EntityKind>,
    /// The widest the reading column gets, in columns.
    pub max_width: u16,
    /// Whether the terminal's mouse reporting is turned on.
    pub mouse: bool,
    /// Start in the source view.
    pub source_view: bool,
    /// The key bindings.
    pub keymap: Keymap,
    /// How `y` cites a paragraph (`citation` in the config).
    pub citation: crate::export::citation::Template,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        Self {
            theme: "default".into(),
            themes_dir: None,
            show_navigator: None,
            show_entities: None,
            hidden_kinds: Vec::new(),
            max_width: 100,
            mouse: true,
            source_view: false,
            keymap: Keymap::default(),
            citation: crate::export::citation::Template::default(),
        }
    }
}

/// Which pane takes list movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The paragraph navigator.
    Navigator,
    /// The text.
    Reader,
    /// The entity sidebar.
    Entities,
}

impl Focus {
    /// The pane's name for the status line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Focus::Navigator => "navigator",
            Focus::Reader => "reader",
            Focus::Entities => "entities",
        }
    }
}

/// What typed characters go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys go through the keymap.
    Normal,
    /// The `:` prompt, with what has been typed.
    Prompt(String),
    /// The `/` search is being typed (the query lives in [`Reader::search`]).
    Search,
    /// The entity filter is being typed.
    Filter,
    /// Waiting for a mark letter: `true` to set it, `false` to jump to it.
    Mark(bool),
    /// The help is shown over the reader, scrolled this far: it takes the keys.
    Help(crate::session::ListCursor),
    /// The correction menu is open.
    Correct(Correcting),
}

/// One row of the navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavRow {
    /// The header entry (block 0).
    Header,
    /// A section heading before this block.
    Heading(usize),
    /// A paragraph (its block).
    Paragraph(usize),
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct Reader {
    /// The cable being read.
    pub cable: Cable,
    /// The options it was started with.
    pub options: ReaderOptions,
    /// The terminal size (columns, rows).
    pub size: (u16, u16),
    /// The focused pane.
    pub focus: Focus,
    /// What typed characters go to.
    pub mode: Mode,
    /// Whether the source view replaces the reading view.
    pub source_view: bool,
    /// The source view's first visible row.
    pub source_top: usize,
    /// Navigator and entity sidebar visibility (`None`: shown when wide).
    pub show_navigator: Option<bool>,
    /// See [`Reader::show_navigator`].
    pub show_entities: Option<bool>,
    /// The reading position.
    pub top: Anchor,
    /// Kinds whose highlights are hidden.
    pub hidden: BTreeSet<EntityKind>,
    /// The entity sidebar's rows.
    pub entity_list: EntityList,
    /// Whether the sidebar lists the whole cable's entities or the paragraph's in view.
    pub entity_scope: EntityScope,
    /// The selected entity (index into `cable.entities`) and its mentions as (block, index).
    pub selected: Option<usize>,
    /// Mentions of the selected entity, in document order.
    pub selected_mentions: Vec<(usize, usize)>,
    /// Which of them the cursor is on.
    pub mention_cursor: Option<usize>,
    /// The active search.
    pub search: Option<Search>,
    /// Marks set with `m`.
    pub marks: BTreeMap<char, Anchor>,
    /// A message for the status line.
    pub notice: Option<String>,
    /// Links to the other cables of a library (`None`: not in a library session).
    pub links: Option<Links>,
    /// The navigator's rows.
    pub nav_rows: Vec<NavRow>,
    /// For each block, its navigator row.
    pub nav_row_of_block: Vec<usize>,
    /// Whether the cable's entities are cableview's tagger's (with any corrections) and
    /// none its own: the sidebar says so. Known once, when the cable is opened.
    pub tagged: bool,
    /// Where this session's corrections of the cable went, oldest first: `u` takes back
    /// the last, in the cable's overlay or in the rules for every cable.
    pub made: Vec<crate::session::Scope>,
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
        // The parser gave each mention its entity's index.
        let ids = |mentions: &[Mention]| -> Vec<Option<usize>> {
            mentions.iter().map(|m| m.entity).collect()
        };
        let mut mention_entity = vec![ids(&cable.header.mentions)];
        mention_entity.extend(cable.paragraphs.iter().map(|p| ids(&p.mentions)));
        let mut nav_rows = vec![NavRow::Header];
        let mut nav_row_of_block = vec![0];
        for (i, p) in cable.paragraphs.iter().enumerate() {
            if p.heading.is_some() {
                nav_rows.push(NavRow::Heading(i + 1));
            }
            nav_row_of_block.push(nav_rows.len());
            nav_rows.push(NavRow::Paragraph(i + 1));
        }
        // The signature block, if any, shows as the last paragraph in the navigator.
        nav_row_of_block.push(nav_rows.len().saturating_sub(1));
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
            tags_explained: tags_explained(&cable),
            header_open: false,
            header_fold: header_fold(&cable, &options.keymap),
            effects: Vec::new(),
            jump_origin: None,
            links: None,
            nav_rows,
            nav_row_of_block,
            mention_entity,
            kinds,
            sources,
            shown_source: 0,
            gutter: gutter_width(&cable),
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
            Message::Action(action) if self.help().is_some() => self.help_action(&action),
            _ if self.help().is_some() => {}
            message if self.mode == Mode::Search => self.search_typing(message),
            message if self.mode != Mode::Normal => self.typing_action(message),
            Message::Action(Action::Correct) => self.start_correcting(),
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

    /// Scrolls the help overlay by the rows it shows, or closes it.
    fn help_action(&mut self, action: &Action) {
        let lines = crate::session::help::reader_lines(&self.options.keymap, self.in_library());
        let area = self.area();
        let Mode::Help(help) = &mut self.mode else {
            return;
        };
        match action {
            Action::Help | Action::Cancel => self.mode = Mode::Normal,
            action => crate::session::help::scroll(help, &lines, area, action),
        }
    }

    /// The help's scroll (its first row shown), while it is shown.
    #[must_use]
    pub fn help(&self) -> Option<crate::session::ListCursor> {
        match self.mode {
            Mode::Help(cursor) => Some(cursor),
            _ => None,
        }
    }

    /// The number of blocks: the header, the paragraphs, the signature if any.
    #[must_use]
    pub fn block_count(&self) -> usize {
        1 + self.cable.paragraphs.len() + usize::from(self.cable.signature.is_some())
    }

    /// A block's text.
    #[must_use]
    pub fn block_text(&self, block: usize) -> &str {
        match block {
            0 => &self.cable.header.text,
            b if b <= self.cable.paragraphs.len() => &self.cable.paragraphs[b - 1].text,
            _ => self.cable.signature.as_deref().unwrap_or(""),
        }
    }

    /// A block's heading. The header's is its TAGS, explained (`TAGS: PTER: Terrorists
    /// and Terrorism · FR: France`) when unfolded, else the one row it folds to.
    #[must_use]
    pub fn block_heading(&self, block: usize) -> Option<&str> {
        match block.checked_sub(1) {
            None if !self.header_open => Some(&self.header_fold),
            None => self.tags_explained.as_deref(),
            Some(p) => self.cable.paragraphs.get(p)?.heading.as_deref(),
        }
    }

    /// A block's mentions.
    #[must_use]
    pub fn block_mentions(&self, block: usize) -> &[Mention] {
        match block {
            0 => &self.cable.header.mentions,
            b => self
                .cable
                .paragraphs
                .get(b - 1)
                .map_or(&[], |p| p.mentions.as_slice()),
        }
    }

    /// The entity a mention belongs to.
    #[must_use]
    pub fn mention_entity(&self, block: usize, mention: usize) -> Option<usize> {
        self.mention_entity
            .get(block)?
            .get(mention)
            .copied()
            .flatten()
    }

    /// The cable's entity kinds in display order ([`kinds_in_order`]), found once at open:
    /// the legend draws them on every frame.
    #[must_use]
    pub fn kinds(&self) -> &[EntityKind] {
        &self.kinds
    }

    /// A block's label for people: `header`, `¶5`, `signature`.
    #[must_use]
    pub fn block_label(&self, block: usize) -> String {
        match block {
            0 => "header".into(),
            b if b <= self.cable.paragraphs.len() => {
                format!("¶{}", self.cable.paragraphs[b - 1].label)
            }
            _ => "signature".into(),
        }
    }

    /// Whether the raw header (and its TAGS explained) is unfolded in the reading view.
    #[must_use]
    pub fn header_open(&self) -> bool {
        self.header_open
    }

    /// Folds or unfolds the raw header, keeping the view on the same text.
    pub(crate) fn set_header_open(&mut self, open: bool) {
        if open == self.header_open {
            return;
        }
        self.header_open = open;
        // The layout depends on the fold: lay it out again.
        *self.layout_cache.borrow_mut() = None;
        let doc = self.doc_layout();
        self.set_top(&doc, self.top_row(&doc));
    }

    /// The paragraph label column's width in the reader: `¶12 S/NF `.
    #[must_use]
    pub fn gutter_width(&self) -> u16 {
        self.gutter
    }

    /// Whether the navigator is shown at this terminal width.
    #[must_use]
    pub fn navigator_visible(&self, width: u16) -> bool {
        self.focus == Focus::Navigator || self.show_navigator.unwrap_or(width >= layout::WIDE)
    }

    /// Whether the entity sidebar is shown at this terminal width.
    #[must_use]
    pub fn entities_visible(&self, width: u16) -> bool {
        self.focus == Focus::Entities || self.show_entities.unwrap_or(width >= layout::WIDE)
    }

    /// The terminal area as the app knows it.
    #[must_use]
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Where the reader's parts go inside `area`.
    #[must_use]
    pub fn reader_geometry(&self, area: Rect) -> ReaderGeometry {
        let panes = layout::panes(area, self);
        let gutter = if self.source_view {
            self.source_gutter_width()
        } else {
            self.gutter_width()
        };
        let max = if self.source_view {
            u16::MAX
        } else {
            self.options.max_width
        };
        layout::reader_geometry(panes.reader, gutter, max)
    }

    /// The reading view laid out at the current terminal size (cached).
    #[must_use]
    pub fn doc_layout(&self) -> Rc<DocLayout> {
        self.layout_for(usize::from(self.reader_geometry(self.area()).text.width))
    }

    /// The reading view laid out at `width` columns (cached per width).
    #[must_use]
    pub fn layout_for(&self, width: usize) -> Rc<DocLayout> {
        let width = width.max(1);
        if let Some(doc) = self
            .layout_cache
            .borrow()
            .as_ref()
            .filter(|d| d.width == width)
        {
            return Rc::clone(doc);
        }
        let blocks = (0..self.block_count()).map(|b| BlockSpec {
            heading: self.block_heading(b),
            text: self.block_text(b),
            folded: b == 0 && !self.header_open,
        });
        let doc = Rc::new(DocLayout::build(blocks, width, true));
        *self.layout_cache.borrow_mut() = Some(Rc::clone(&doc));
        doc
    }

    /// The height of the reading area in rows.
    #[must_use]
    pub fn view_height(&self) -> usize {
        usize::from(self.reader_geometry(self.area()).text.height).max(1)
    }

    /// The first visible row of the reading view in `doc`.
    #[must_use]
    pub fn top_row(&self, doc: &DocLayout) -> usize {
        let range = doc.block_range(self.top.paragraph);
        if range.is_empty() {
            return 0;
        }
        (range.start + self.top.row).min(range.end - 1)
    }

    /// The block the reader is in (0 header, n paragraph n).
    #[must_use]
    pub fn current_block(&self) -> usize {
        self.top.paragraph.min(self.block_count().saturating_sub(1))
    }
}

/// The row the header folds to: what is behind it and the key that shows it.
fn header_fold(cable: &Cable, keymap: &Keymap) -> String {
    let what = if cable.header.tags.is_empty() {
        "raw header"
    } else {
        "raw header and TAGS explained"
    };
    match keymap.key(&Action::ToggleHeader) {
        Some(key) => format!("▸ {what}: {key}"),
        None => format!("▸ {what} (folded)"),
    }
}

/// The TAGS codes with their names from the bundled table; unknown codes as they are.
fn tags_explained(cable: &Cable) -> Option<String> {
    let tags = &cable.header.tags;
    (!tags.is_empty()).then(|| {
        let explained: Vec<String> = tags.iter().map(|t| crate::tags::explain(t)).collect();
        format!("TAGS: {}", explained.join(" · "))
    })
}

/// The widest paragraph label and marking, plus a space, capped so text keeps its room.
fn gutter_width(cable: &Cable) -> u16 {
    let widest = cable
        .paragraphs
        .iter()
        .map(|p| {
            2 + crate::sanitize::width(&p.label)
                + p.marking.as_ref().map_or(0, |m| m.code.len() + 1)
        })
        .max()
        .unwrap_or(3)
        .max(3);
    u16::try_from(widest.min(12) + 1).unwrap_or(13)
}
