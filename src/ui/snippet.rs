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

/// The passage on one line (its line breaks as spaces), the matches in the search style.
fn spans<'a>(snippet: &Snippet, ui: &UiStyles) -> Vec<Span<'a>> {
    let text = &snippet.text;
    let flat = |s: &str| -> String {
        let one_line: String = s
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
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
