//! The corpus entity table as text: NAME cut to fit, rows written without `format!`
//! padding (the table has tens of thousands of rows).

use crate::cable::EntityKind;
use std::fmt::Write as _;
use std::io::IsTerminal;

/// The entity table of a whole collection, with the number of cables naming each.
pub(super) fn collection_entities(
    index: &crate::library::EntityIndex,
    kind: Option<&EntityKind>,
    json: bool,
) -> String {
    let table = index.table(kind);
    if json {
        return crate::sanitize::json::to_string(&table) + "\n";
    }
    // KIND, CABLES, COUNT and the gaps between columns take 23 columns.
    let width = name_width(table.iter().map(|e| e.name.as_str()), 23);
    let mut out = String::with_capacity(table.len() * (width + 24) + 64);
    out.push_str("KIND  ");
    push_fitted(&mut out, "NAME", width);
    out.push_str("  CABLES  COUNT\n");
    for entity in table {
        let label = entity.kind.label();
        out.push_str(label);
        out.extend(std::iter::repeat_n(' ', 6usize.saturating_sub(label.len())));
        push_fitted(&mut out, &entity.name, width);
        let _ = writeln!(out, "  {:>6}  {:>5}", entity.cables, entity.count);
    }
    out
}

/// The widest a NAME column gets when standard output is not a terminal.
const MAX_NAME_WIDTH: usize = 60;

/// The NAME column's width: the longest name, capped to what the terminal leaves after
/// `other` columns (or [`MAX_NAME_WIDTH`] in a pipe), and no less than the heading.
pub(super) fn name_width<'a>(names: impl Iterator<Item = &'a str>, other: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let cap = if std::io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size().map_or(MAX_NAME_WIDTH, |(columns, _)| {
            usize::from(columns).saturating_sub(other)
        })
    } else {
        MAX_NAME_WIDTH
    };
    names
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
        .min(cap)
        .max(4)
}

/// Appends `text` in exactly `width` columns: padded, or cut with an ellipsis.
pub(super) fn push_fitted(out: &mut String, text: &str, width: usize) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let full = text.width();
    if full <= width {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', width - full));
        return;
    }
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used + 1)));
}
