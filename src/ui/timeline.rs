//! The timeline's rows in the facets pane: ` 2005 ████▍   412`, a bar per period scaled
//! to the peak, which is labelled; bars are shapes, so they read without colour.

use crate::session::facets::{Row, Section};
use crate::session::timeline::bar;
use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};

/// The peak of a timeline among the pane's rows: its count and its row (the first of
/// equals, the one labelled).
#[must_use]
pub fn peak(rows: &[Row]) -> (u64, Option<usize>) {
    let bars = rows.iter().enumerate().filter_map(|(i, row)| match row {
        Row::Value {
            section: Section::Timeline(_),
            count,
            ..
        } => Some((i, *count)),
        _ => None,
    });
    let most = bars.clone().map(|(_, n)| n).max().unwrap_or(0);
    (most, bars.clone().find(|(_, n)| *n == most).map(|(i, _)| i))
}

/// One period's row, `width` cells: its label, the bar scaled to `most`, the count, and
/// on the peak's row a `◀ peak` label (an arrow alone when narrow).
#[must_use]
pub fn bar_row(
    theme: &Theme,
    (period, count): (&str, u64),
    most: u64,
    is_peak: bool,
    width: usize,
) -> Line<'static> {
    let number = super::grouped(count);
    // Every row leaves room for the widest count and the label, so bars share one scale.
    let label_room = if width >= 30 { " ◀ peak" } else { " ◀" };
    let label = if is_peak { label_room } else { "" };
    let used =
        1 + period.len() + 1 + 1 + super::grouped(most).len() + crate::sanitize::width(label_room);
    let room = width.saturating_sub(used);
    let drawn = bar(count, most, room);
    let pad = room.saturating_sub(crate::sanitize::width(&drawn));
    let number = format!("{number:>0$}", super::grouped(most).len());
    let label = format!("{label:<0$}", crate::sanitize::width(label_room));
    let bar_style = if is_peak {
        theme.ui.heading
    } else {
        theme.ui.label
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(period.to_string(), theme.ui.text),
        Span::raw(" "),
        Span::styled(drawn, bar_style),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(
            number,
            if is_peak {
                theme.ui.heading
            } else {
                theme.ui.dim
            },
        ),
        Span::styled(label, theme.ui.heading),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_share_one_scale_and_the_peak_is_labelled() {
        let theme = crate::ui::theme::styled(&crate::theme::Theme::builtin("mono").unwrap());
        let peak = text(&bar_row(&theme, ("2009", 2), 2, true, 34));
        let other = text(&bar_row(&theme, ("2010", 2), 2, false, 34));
        let half = text(&bar_row(&theme, ("2011", 1), 2, false, 34));
        let cells = |s: &str| s.chars().filter(|&c| c == '█').count();
        assert_eq!(cells(&peak), cells(&other));
        assert_eq!(cells(&half), cells(&other) / 2);
        assert!(peak.ends_with("2 ◀ peak"), "{peak}");
        assert!(other.ends_with(" 2       "), "{other}");
        for row in [&peak, &other, &half] {
            assert_eq!(crate::sanitize::width(row), 34, "{row}");
        }
    }
}
