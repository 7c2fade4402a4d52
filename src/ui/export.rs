//! The export prompt of `e` drawn over the table: what to write, then the folder, then
//! (for a folder holding files) the question before writing over them.

use super::truncate;
use crate::session::export::{ExportPrompt, choices};
use crate::ui::theme::UiStyles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

/// The prompt, what it exports and the theme's styles.
pub struct ExportView<'a> {
    /// The prompt's step.
    pub prompt: &'a ExportPrompt,
    /// What is exported, for the title: `12 rows`, `every match of hezbollah`.
    pub what: String,
    /// The styles.
    pub ui: &'a UiStyles,
}

impl Widget for ExportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let choices = choices();
        let rect = crate::session::picker::popup(area);
        let rect = Rect {
            height: rect
                .height
                .min(u16::try_from(choices.len()).unwrap_or(20) + 2),
            ..rect
        };
        if rect.width < 12 || rect.height < 4 {
            return;
        }
        Clear.render(rect, buf);
        let width = usize::from(rect.width.saturating_sub(2));
        let title = format!(" export {} · esc closes ", self.what);
        // A list cut by a small screen says so, as the help does.
        let marks = match self.prompt {
            ExportPrompt::What(at) => {
                let rows = usize::from(rect.height.saturating_sub(2));
                let offset = (at + 1).saturating_sub(rows);
                super::scroll_marks(offset, choices.len().saturating_sub(offset + rows))
            }
            _ => String::new(),
        };
        Block::bordered()
            .border_style(self.ui.border_focused)
            .title(Line::from(truncate(&title, width)).style(self.ui.title))
            .title_bottom(
                Line::from(truncate(&marks, width))
                    .style(self.ui.label)
                    .right_aligned(),
            )
            .render(rect, buf);
        let inner = crate::session::layout::inner(rect);
        let height = usize::from(inner.height);
        let lines: Vec<(String, bool)> = match self.prompt {
            ExportPrompt::What(at) => {
                let offset = (at + 1).saturating_sub(height);
                choices
                    .iter()
                    .enumerate()
                    .skip(offset)
                    .take(height)
                    .map(|(i, c)| {
                        // The marker shows the choice without colour too.
                        let mark = if i == *at { "› " } else { "  " };
                        (format!("{mark}{}", c.describe()), i == *at)
                    })
                    .collect()
            }
            ExportPrompt::Folder { bundle, text } => vec![
                (bundle.describe(), false),
                (format!("into the folder › {text}▏"), true),
                (
                    "(enter with none: ./cableview-export-DATE/)".to_string(),
                    false,
                ),
            ],
            ExportPrompt::Overwrite { bundle, dir } => vec![
                (bundle.describe(), false),
                (
                    format!("{} holds files already", crate::sanitize::path(dir)),
                    true,
                ),
                (
                    "y writes over them; any other key exports nothing".to_string(),
                    false,
                ),
            ],
        };
        for (row, (text, strong)) in lines.into_iter().enumerate() {
            let Ok(row) = u16::try_from(row) else { break };
            if row >= inner.height {
                break;
            }
            let style = if strong { self.ui.cursor } else { self.ui.text };
            let line = Rect {
                y: inner.y + row,
                height: 1,
                ..inner
            };
            Line::from(truncate(&text, width))
                .style(style)
                .render(line, buf);
        }
    }
}
