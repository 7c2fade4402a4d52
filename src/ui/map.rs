//! The world map over the table or the reader: a braille world, the posts as circles
//! sized by their cables (the biggest named), the places as squares, and the list of both
//! beside it. Shapes tell posts from places, so the map reads without colour.

use super::{grouped, pane_block, truncate};
use crate::session::map::{Mark, WorldMap};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Circle, Map, MapResolution, Rectangle};

/// How many of the biggest posts are named on the map.
const NAMED: usize = 8;
/// The biggest mark's radius, in degrees.
const RADIUS: f64 = 7.0;

/// What the map overlay draws.
pub struct MapView<'a> {
    /// The map's state.
    pub map: &'a WorldMap,
    /// The colours.
    pub theme: &'a Theme,
    /// The keys' hint under the list (`enter narrows · L places · esc closes`).
    pub hint: String,
}

impl Widget for MapView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (map, ui) = (self.map, &self.theme.ui);
        ratatui::widgets::Clear.render(area, buf);
        buf.set_style(area, ui.text);
        let parts = crate::session::layout::map(area);
        let world = parts.world;
        let placed = map.posts.iter().filter(|m| m.at.is_some()).count();
        let title = format!(
            " Map · {} · {placed} of {} posts placed ",
            map.title,
            map.posts.len()
        );
        let title = truncate(&title, usize::from(world.width.saturating_sub(2)));
        let most = map.posts.iter().map(|m| m.count).max().unwrap_or(1).max(1);
        let most_place = map.places.iter().map(|m| m.count).max().unwrap_or(1).max(1);
        let fg = |style: Style| style.fg.unwrap_or(Color::Reset);
        let (land, post, place) = (
            fg(ui.border),
            fg(ui.heading),
            fg(self.theme.kind(&crate::cable::EntityKind::Loc)),
        );
        Canvas::default()
            .block(pane_block(ui, title, true))
            .marker(Marker::Braille)
            .x_bounds([-180.0, 180.0])
            .y_bounds([-90.0, 90.0])
            .paint(|ctx| {
                ctx.draw(&Map {
                    resolution: MapResolution::High,
                    color: land,
                });
                ctx.layer();
                if map.show_places {
                    for mark in &map.places {
                        let Some(p) = mark.at else { continue };
                        let side = size(mark.count, most_place) * 1.4;
                        ctx.draw(&Rectangle {
                            x: p.lon - side / 2.0,
                            y: p.lat - side / 2.0,
                            width: side,
                            height: side,
                            color: place,
                        });
                    }
                }
                for mark in &map.posts {
                    let Some(p) = mark.at else { continue };
                    ctx.draw(&Circle {
                        x: p.lon,
                        y: p.lat,
                        radius: size(mark.count, most),
                        color: post,
                    });
                }
            })
            .render(world, buf);
        // Named after the canvas, by hand: the canvas prints a label over any other.
        let inner = pane_block(ui, String::new(), true).inner(world);
        for (x, y, name) in labels(&map.posts, inner) {
            buf.set_stringn(x, y, &name, usize::from(inner.right() - x), ui.heading);
        }
        self.list(parts, buf);
    }
}

impl MapView<'_> {
    /// The posts (and places) with their counts; the unplaced say so.
    fn list(&self, parts: crate::session::layout::MapLayout, buf: &mut Buffer) {
        let (map, ui) = (self.map, &self.theme.ui);
        let unplaced = map.listed().iter().filter(|m| m.at.is_none()).count();
        let title = if map.show_places {
            " ● posts ■ places ".to_string()
        } else {
            format!(" ● posts · {unplaced} unplaced ")
        };
        pane_block(ui, title, true).render(parts.side, buf);
        let inner = parts.list;
        let width = usize::from(inner.width);
        let listed = map.listed();
        let height = usize::from(inner.height);
        let cursor = map.cursor.selected;
        let offset = map
            .cursor
            .offset
            .min(cursor)
            .max((cursor + 1).saturating_sub(height));
        for (i, mark) in listed.iter().enumerate().skip(offset).take(height) {
            let row = Rect {
                y: inner.y + u16::try_from(i - offset).unwrap_or(u16::MAX),
                height: 1,
                ..inner
            };
            let is_post = i < map.posts.len();
            row_line(self.theme, mark, is_post, width).render(row, buf);
            if i == cursor {
                buf.set_style(row, ui.cursor);
            }
        }
        Line::from(Span::styled(truncate(&self.hint, width), ui.dim)).render(parts.hint, buf);
    }
}

/// `● 1,234 Embassy Paris`: `●` a post, `■` a place, `?` unplaced (named so too).
fn row_line(theme: &Theme, mark: &Mark, is_post: bool, width: usize) -> Line<'static> {
    let shape = match (mark.at, is_post) {
        (None, _) => "?",
        (Some(_), true) => "●",
        (Some(_), false) => "■",
    };
    let count = grouped(mark.count);
    let suffix = if mark.at.is_none() { " (unplaced)" } else { "" };
    let room = width.saturating_sub(count.len() + 3);
    let name = truncate(&format!("{}{suffix}", mark.name), room);
    let style = if is_post {
        theme.ui.text
    } else {
        theme.kind(&crate::cable::EntityKind::Loc)
    };
    Line::from(vec![
        Span::styled(shape.to_string(), theme.ui.heading),
        Span::raw(" "),
        Span::styled(format!("{count:>5}"), theme.ui.dim),
        Span::raw(" "),
        Span::styled(crate::sanitize::visible(&name).into_owned(), style),
    ])
}

/// Where the biggest posts are named in `area` (the canvas inside its border): `●name`
/// at the post's cell, as the canvas places a point. A name whose cells (or the one after
/// it, so names do not run together) are taken by a bigger post's is left out, and the
/// next post is named instead; two posts at one place (`Embassy Madrid`, `MADRID`) are
/// named once.
fn labels(posts: &[Mark], area: Rect) -> Vec<(u16, u16, String)> {
    let mut named: Vec<(u16, u16, String)> = Vec::new();
    if area.width == 0 || area.height == 0 {
        return named;
    }
    // (row, first column, past the last column) of each name drawn.
    let mut taken: Vec<(u16, u16, u16)> = Vec::new();
    let (width, height) = (f64::from(area.width - 1), f64::from(area.height - 1));
    for mark in posts {
        let Some(p) = mark.at else { continue };
        if named.len() == NAMED {
            break;
        }
        if !(-180.0..=180.0).contains(&p.lon) || !(-90.0..=90.0).contains(&p.lat) {
            continue;
        }
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "within the area's size, checked above"
        )]
        let (x, y) = (
            area.x + ((p.lon + 180.0) * width / 360.0) as u16,
            area.y + ((90.0 - p.lat) * height / 180.0) as u16,
        );
        let name = format!("●{}", crate::sanitize::visible(short(&mark.name)));
        let cells = u16::try_from(crate::sanitize::width(&name)).unwrap_or(u16::MAX);
        let end = x.saturating_add(cells).min(area.right());
        let clashes = taken
            .iter()
            .any(|&(row, from, to)| row == y && x <= to && from <= end);
        if clashes {
            continue;
        }
        taken.push((y, x, end));
        named.push((x, y, name));
    }
    named
}

/// A mark's size in degrees: its area grows with the count.
fn size(count: u64, most: u64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let share = (count as f64 / most as f64).sqrt();
    (share * RADIUS).max(0.8)
}

/// `Embassy Paris` as `Paris`: the map has little room.
fn short(name: &str) -> &str {
    ["Embassy ", "Consulate ", "Mission "]
        .iter()
        .find_map(|kind| name.strip_prefix(kind))
        .unwrap_or(name)
}
