//! The cable as the reader lays it out: blocks (the header, the paragraphs, the
//! signature) with their text, headings, labels and mentions, the navigator's rows over
//! them, and the header's fold.

use super::Reader;
use crate::cable::{Cable, EntityKind, Mention};
use crate::session::action::Action;
use crate::session::keymap::Keymap;

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

/// The navigator's rows of a cable, and for each block its row.
pub(super) fn nav_rows(cable: &Cable) -> (Vec<NavRow>, Vec<usize>) {
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
    (nav_rows, nav_row_of_block)
}

/// For each block, each mention's entity (the parser gave each mention its entity's index).
pub(super) fn mention_entities(cable: &Cable) -> Vec<Vec<Option<usize>>> {
    let ids = |mentions: &[Mention]| -> Vec<Option<usize>> {
        mentions.iter().map(|m| m.entity).collect()
    };
    let mut mention_entity = vec![ids(&cable.header.mentions)];
    mention_entity.extend(cable.paragraphs.iter().map(|p| ids(&p.mentions)));
    mention_entity
}

impl Reader {
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
    /// and Terrorism · FR: France`, laid out after the raw header) when unfolded, else the
    /// one row it folds to.
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

    /// The cable's entity kinds in display order ([`super::kinds_in_order`]), found once at
    /// open: the legend draws them on every frame.
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

    /// The navigator's rows.
    #[must_use]
    pub fn nav_rows(&self) -> &[NavRow] {
        &self.nav_rows
    }

    /// The navigator row of a block.
    #[must_use]
    pub fn nav_row_of_block(&self, block: usize) -> Option<usize> {
        self.nav_row_of_block.get(block).copied()
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
}

/// The row the header folds to: what is behind it and the key that shows it.
pub(super) fn header_fold(cable: &Cable, keymap: &Keymap) -> String {
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
pub(super) fn tags_explained(cable: &Cable) -> Option<String> {
    let tags = &cable.header.tags;
    (!tags.is_empty()).then(|| {
        let explained: Vec<String> = tags.iter().map(|t| crate::tags::explain(t)).collect();
        format!("TAGS: {}", explained.join(" · "))
    })
}

/// The widest paragraph label and marking, plus a space, capped so text keeps its room.
pub(super) fn gutter_width(cable: &Cable) -> u16 {
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
