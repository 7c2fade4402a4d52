//! Where the reader's panes go at the terminal's size, and the reading view laid out at
//! its width (cached per width, so moving around costs a lookup, not a re-wrap).

use super::{Focus, Reader};
use crate::session::layout::{self, ReaderGeometry};
use crate::session::text_layout::{BlockSpec, DocLayout};
use ratatui::layout::Rect;
use std::rc::Rc;

impl Reader {
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
            // The TAGS explained are read after the raw header they explain, which
            // opens the block with its label.
            heading_last: b == 0,
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
