//! The passage of the selected cable that shows a full-text query's matches, under the
//! table of a library on a corpus index.

use crate::search_index::Snippet;
use crate::ui::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The snippet pane: a rule naming the cable, then the passage with the matches marked.
pub struct SnippetView<'a> {
    /// The passage, `None` while it is being fetched.
    pub snippet: Option<&'a Snippet>,
    /// The selected cable's ID.
    pub id: &'a str,
    /// The colours.
    pub ui: &'a UiStyles,
}

impl Widget for SnippetView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        let name = super::truncate(self.id, width.saturating_sub(4));
        let rest = width.saturating_sub(4 + crate::sanitize::width(&name));
        let rule = format!("── {name} {}", "─".repeat(rest));
        Line::from(rule)
            .style(self.ui.border)
            .render(Rect { height: 1, ..area }, buf);
        let text = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let Some(snippet) = self.snippet else {
            Line::from("…").style(self.ui.dim).render(text, buf);
            return;
        };
        Paragraph::new(Line::from(spans(snippet, self.ui)))
            .wrap(Wrap { trim: true })
            .style(self.ui.dim)
            .render(text, buf);
    }
}

/// The passage on one line (each run of spaces and line breaks one space, as the
/// command line prints it), the matches in the search style.
fn spans<'a>(snippet: &Snippet, ui: &UiStyles) -> Vec<Span<'a>> {
    let text = &snippet.text;
    let flat = |s: &str| -> String {
        let mut one_line = String::with_capacity(s.len());
        let mut after_space = false;
        for c in s.chars() {
            let space = c.is_whitespace();
            if !(space && after_space) {
                one_line.push(if space { ' ' } else { c });
            }
            after_space = space;
        }
        crate::sanitize::visible(&one_line).into_owned()
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for range in &snippet.highlights {
        let (Some(before), Some(matched)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        spans.push(Span::raw(flat(before)));
        spans.push(Span::styled(flat(matched), ui.search_match));
        at = range.end;
    }
    spans.push(Span::raw(flat(text.get(at..).unwrap_or_default())));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_spaces_show_as_one_as_on_the_command_line() {
        let theme = crate::ui::theme::styled(&crate::theme::Theme::builtin("mono").unwrap());
        let snippet = Snippet {
            text: "Qadhafi  left Libya for  Bulgaria\n\n(S/NF)  Soliman".to_string(),
            highlights: std::iter::once(0..7).collect(),
        };
        let area = Rect::new(0, 0, 60, 3);
        let mut buf = Buffer::empty(area);
        SnippetView {
            snippet: Some(&snippet),
            id: "09TRIPOLI1",
            ui: &theme.ui,
        }
        .render(area, &mut buf);
        let line: String = (0..60).map(|x| buf[(x, 1)].symbol()).collect();
        assert_eq!(
            line.trim_end(),
            "Qadhafi left Libya for Bulgaria (S/NF) Soliman"
        );
    }
}
