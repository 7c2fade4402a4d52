//! The status line: where you are, the focused pane, the cursor, and a hint or notice.

use crate::session::action::Action;
use crate::session::reader::{Correcting, Mode, Reader, Then};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the status line; with the correction menu open, what it corrects.
pub fn render(
    app: &Reader,
    correcting: Option<&Correcting>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let ui = &theme.ui;
    buf.set_style(area, ui.status);
    let (left, hint) = match correcting {
        Some(menu) => correcting_says(app, menu, area.width),
        None => says(app, area.width),
    };
    let left_width = crate::sanitize::width(&left);
    let right = match app.notice() {
        Some(notice) => Span::styled(format!(" {} ", crate::sanitize::visible(notice)), ui.notice),
        None => Span::styled(format!("{hint} "), ui.status_key),
    };
    Line::from(Span::styled(left, ui.status)).render(area, buf);
    let right_width = u16::try_from(right.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let left_width = u16::try_from(left_width).unwrap_or(u16::MAX);
    // A hint gives way to the position; a notice is worth covering it.
    if left_width.saturating_add(right_width).saturating_add(2) <= area.width
        || app.notice().is_some()
    {
        let x = area.right() - right_width;
        buf.set_span(x, area.y, &right, right_width);
    }
}

/// What the line says, left and right, in the reader's mode.
fn says(app: &Reader, width: u16) -> (String, String) {
    match app.mode() {
        Mode::Prompt(text) => (
            format!(" :{}▏", crate::sanitize::visible(text)),
            "paragraph (5, B, header) · Enter jump · Esc cancel".to_string(),
        ),
        Mode::Search => {
            let search = app.search();
            let query = search.map_or("", |s| s.query.as_str());
            let count = search.map_or(0, |s| s.hits.len());
            let (before, after) =
                crate::session::line::split(query, search.map_or(0, |s| s.cursor));
            (
                format!(
                    " /{}▏{} {count} found",
                    crate::sanitize::visible(before),
                    crate::sanitize::visible(after)
                ),
                "Enter keep · Esc clear".to_string(),
            )
        }
        Mode::Filter => (
            format!(" {} ", position(app)),
            "type to filter · Enter select · Esc clear".to_string(),
        ),
        Mode::Mark(true) => (
            " set mark: press a letter".to_string(),
            "any other key cancels".to_string(),
        ),
        Mode::Mark(false) => (
            " jump to mark: press a letter".to_string(),
            "any other key cancels".to_string(),
        ),
        Mode::Normal => {
            let mut left = format!(" {} │ {}", position(app), app.focus().name());
            if let Some(cursor) = cursor(app, usize::from(width)) {
                left.push_str(" │ ");
                left.push_str(&cursor);
            }
            (left, normal_hint(app))
        }
    }
}

/// What the line says while the correction menu is open: what it corrects, and its keys.
fn correcting_says(app: &Reader, menu: &Correcting, width: u16) -> (String, String) {
    let name = menu
        .entity
        .and_then(|e| app.cable().entities.get(e))
        .map_or("", |e| e.name.as_str());
    let hint = match (menu.join, menu.then, menu.entity) {
        (Some(_), _, _) => "pick the entity to join with · Enter join · Esc cancel",
        (_, Some(Then::Add), _) => "P O L M the new mention's kind · Esc cancel",
        (_, Some(Then::Everywhere), _) => {
            "in every cable: P O L M relabel · d not an entity · Esc cancel"
        }
        (_, None, None) => "a add the match as a mention · Esc cancel",
        (_, None, Some(_)) => {
            "P O L M relabel · d not an entity · j join · D e everywhere · a add · Esc cancel"
        }
    };
    let what = if menu.entity.is_some() {
        format!(" correct {name}")
    } else {
        " add a mention at the match".to_string()
    };
    (super::truncate(&what, usize::from(width)), hint.to_string())
}

/// `? help  / search  f filter  q quit`: the first key of each, as the keymap binds them
/// (an unbound action is left out).
fn normal_hint(app: &Reader) -> String {
    const HINTS: [(Action, &str); 4] = [
        (Action::Help, "help"),
        (Action::Search, "search"),
        (Action::Filter, "filter"),
        (Action::Quit, "quit"),
    ];
    let keymap = &app.options().keymap;
    HINTS
        .iter()
        .filter_map(|(action, what)| Some(format!("{} {what}", keymap.key(action)?)))
        .collect::<Vec<_>>()
        .join("  ")
}

/// `¶3 of 7 · 42%`, or the source line in the source view.
fn position(app: &Reader) -> String {
    if app.source_view() {
        let doc = app.source_layout_for(usize::from(app.reader_geometry(app.area()).text.width));
        let line = doc.rows.get(app.source_top()).map_or(0, |r| r.block) + 1;
        return format!("source line {line}");
    }
    let doc = app.doc_layout();
    let top = app.top_row(&doc);
    let height = app.view_height();
    let percent = ((top + height) * 100)
        .checked_div(doc.len())
        .unwrap_or(100)
        .min(100);
    let paragraphs = app.cable().paragraphs.len();
    let block = app.current_block();
    let place = match block {
        0 => format!("header, {paragraphs} ¶"),
        b if b <= paragraphs => format!("{} of {paragraphs}", app.block_label(b)),
        _ => "end".to_string(),
    };
    format!("{place} · {percent}%")
}

/// `Hezbollah 3/8 ¶5` or `/hez 2/5 ¶5`; the entity's name cut to the line's `width` (a
/// mention can be megabytes long).
fn cursor(app: &Reader, width: usize) -> Option<String> {
    if let Some(search) = app.search() {
        let total = search.hits.len();
        let (index, block) = match search
            .current
            .and_then(|i| search.hits.get(i).map(|h| (i, h.block)))
        {
            Some((i, b)) => ((i + 1).to_string(), format!(" {}", app.block_label(b))),
            None => ("-".to_string(), String::new()),
        };
        return Some(format!(
            "/{} {index}/{total}{block}",
            crate::sanitize::visible(&search.query)
        ));
    }
    // The entity under the sidebar's cursor, when that is where the user is looking;
    // else the selected one. Named in full (the sidebar may have cut it), with its
    // other spellings.
    let browsing = (app.focus() == crate::session::reader::Focus::Entities)
        .then(|| app.entity_list().entity_at_cursor())
        .flatten()
        .filter(|&e| app.selected() != Some(e));
    if let Some(index) = browsing {
        let entity = &app.cable().entities[index];
        let text = format!(
            "{} {} ×{}{}",
            entity.kind,
            super::truncate(&entity.name, width),
            entity.count,
            also(entity, width)
        );
        return Some(super::truncate(&text, width));
    }
    let entity = &app.cable().entities[app.selected()?];
    let total = app.selected_mentions().len();
    let (index, block) = match app
        .mention_cursor()
        .and_then(|i| app.selected_mentions().get(i).map(|m| (i, m.0)))
    {
        Some((i, b)) => ((i + 1).to_string(), format!(" {}", app.block_label(b))),
        None => ("-".to_string(), String::new()),
    };
    let text = format!(
        "{} {index}/{total}{block}{}",
        super::truncate(&entity.name, width),
        also(entity, width)
    );
    Some(super::truncate(&text, width))
}

/// ` · also Beghal, D. Beghal`: an entity's other spellings, or nothing; each cut to
/// `width`, and no more than a line can show (a tagger can give hundreds).
fn also(entity: &crate::cable::Entity, width: usize) -> String {
    if entity.spellings.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = entity
        .spellings
        .iter()
        .take(width / 4 + 1)
        .map(|s| super::truncate(s, width))
        .collect();
    format!(" · also {}", shown.join(", "))
}
