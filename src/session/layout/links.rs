//! The header's link rows in a library session: the REF items that name a cable of the
//! library, and the cables citing this one. Laid out here once, for drawing and for
//! clicks alike.

use super::{HEADER_HEIGHT, too_small};
use crate::session::action::Action;
use crate::session::reader::Reader;
use ratatui::layout::Rect;

/// The most rows the REF links take in the header.
const MAX_REF_ROWS: usize = 2;
/// Below this height the header leaves the links out, for the text's sake.
const LINKS_MIN_HEIGHT: u16 = 20;

/// How a piece of a header link row looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceStyle {
    /// A field name: `REF`, `Cited by`.
    Label,
    /// Text from the cable.
    Text,
    /// A link to another cable.
    Link,
    /// Separators and hints.
    Dim,
}

/// A piece of a header link row: its text, where it starts (columns from the header's
/// left edge) and, for a link, the cable a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPiece {
    /// The text, made safe.
    pub text: String,
    /// The first column, from the header's left edge.
    pub x: u16,
    /// How it looks.
    pub style: PieceStyle,
    /// The cable a click on it opens.
    pub cable: Option<crate::library::CableIndex>,
}

impl LinkPiece {
    /// The columns it takes.
    #[must_use]
    pub fn width(&self) -> u16 {
        u16::try_from(crate::sanitize::width(&self.text)).unwrap_or(u16::MAX)
    }
}

/// Lays pieces out left to right on rows of `width` columns.
struct Rows {
    width: usize,
    rows: Vec<Vec<LinkPiece>>,
    used: usize,
}

impl Rows {
    fn new(width: u16) -> Self {
        Self {
            width: usize::from(width),
            rows: vec![Vec::new()],
            used: 0,
        }
    }

    fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    fn push(&mut self, text: &str, style: PieceStyle, cable: Option<crate::library::CableIndex>) {
        let text = crate::sanitize::truncate(text, self.room());
        let width = crate::sanitize::width(&text);
        if let Some(row) = self.rows.last_mut() {
            row.push(LinkPiece {
                text,
                x: u16::try_from(self.used).unwrap_or(u16::MAX),
                style,
                cable,
            });
        }
        self.used += width;
    }

    fn new_row(&mut self, indent: usize) {
        self.rows.push(Vec::new());
        self.used = 0;
        self.push(&" ".repeat(indent), PieceStyle::Dim, None);
    }
}

/// The header's rows of links in a library session: the REF items (those naming a cable
/// of the library as links, with `→ ID`), then `Cited by` with the citing cables' IDs,
/// cut to what fits with the count of the rest. Empty outside a library, when there is
/// nothing to link, or when the screen is too low to spare the rows. Drawing and clicks
/// both use it, so a click lands on the link the eye sees.
#[must_use]
pub fn link_rows(app: &Reader, area: Rect) -> Vec<Vec<LinkPiece>> {
    let Some(links) = app.links() else {
        return Vec::new();
    };
    if area.height < LINKS_MIN_HEIGHT || too_small(area) {
        return Vec::new();
    }
    let r_key = app
        .options()
        .keymap
        .library_key(&Action::References)
        .map(|k| format!(" · {k}"))
        .unwrap_or_default();
    let mut out = Vec::new();
    if links.any_reference_link() {
        const LEAD: &str = " REF ";
        let mut rows = Rows::new(area.width);
        rows.push(LEAD, PieceStyle::Label, None);
        for (i, item) in links.references.iter().enumerate() {
            let label = item
                .label
                .as_deref()
                .map(|l| format!("{l}. "))
                .unwrap_or_default();
            let target = item.target.as_ref().map(|t| format!(" → {}", t.id));
            let width = crate::sanitize::width(&label)
                + crate::sanitize::width(&item.text)
                + target.as_deref().map_or(0, crate::sanitize::width)
                + if i > 0 { 3 } else { 0 };
            if i > 0 && width > rows.room() {
                if rows.rows.len() == MAX_REF_ROWS {
                    rows.push(&format!(" …{r_key}"), PieceStyle::Dim, None);
                    break;
                }
                rows.new_row(LEAD.len());
            } else if i > 0 {
                rows.push(" · ", PieceStyle::Dim, None);
            }
            let cable = item.target.as_ref().map(|t| t.cable);
            let style = if cable.is_some() {
                PieceStyle::Link
            } else {
                PieceStyle::Text
            };
            rows.push(&format!("{label}{}", item.text), style, cable);
            if let Some(target) = target {
                rows.push(&target, PieceStyle::Link, cable);
            }
        }
        out.extend(rows.rows);
    }
    if !links.cited_by.is_empty() {
        const LEAD: &str = " Cited by ";
        let total = links.cited_by.len();
        let more = |shown: usize| {
            if shown < total {
                format!(" +{} more{r_key}", total - shown)
            } else {
                String::new()
            }
        };
        // As many IDs as fit with the count of the rest after them.
        let mut shown = 0;
        let mut used = LEAD.len();
        for (i, link) in links.cited_by.iter().enumerate() {
            let next = used + crate::sanitize::width(&link.id) + if i > 0 { 2 } else { 0 };
            if next + crate::sanitize::width(&more(i + 1)) > usize::from(area.width) {
                break;
            }
            used = next;
            shown = i + 1;
        }
        let mut rows = Rows::new(area.width);
        rows.push(LEAD, PieceStyle::Label, None);
        for (i, link) in links.cited_by.iter().take(shown).enumerate() {
            if i > 0 {
                rows.push(", ", PieceStyle::Dim, None);
            }
            rows.push(&link.id, PieceStyle::Link, Some(link.cable));
        }
        rows.push(&more(shown), PieceStyle::Dim, None);
        out.extend(rows.rows);
    }
    out
}

/// The link under a cell of the header, if any.
#[must_use]
pub fn link_at(
    app: &Reader,
    area: Rect,
    header: Rect,
    x: u16,
    y: u16,
) -> Option<crate::library::CableIndex> {
    let row = usize::from(y.checked_sub(header.y + HEADER_HEIGHT)?);
    let column = x.checked_sub(header.x)?;
    link_rows(app, area)
        .get(row)?
        .iter()
        .find(|p| (p.x..p.x.saturating_add(p.width())).contains(&column))
        .and_then(|p| p.cable)
}
