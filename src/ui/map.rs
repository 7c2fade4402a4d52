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
        let list_width = (area.width / 4).clamp(24, 40).min(area.width / 2);
        let world = Rect {
            width: area.width.saturating_sub(list_width),
            ..area
        };
        let side = Rect {
            x: world.right(),
            width: list_width,
            ..area
        };
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
                // Two posts at one place (`Embassy Madrid`, `MADRID`) are named once.
                let mut named: Vec<crate::gazetteer::Point> = Vec::new();
                for mark in &map.posts {
                    let Some(p) = mark.at else { continue };
                    if named.len() == NAMED || named.contains(&p) {
                        continue;
                    }
                    named.push(p);
                    let name = format!("●{}", short(&mark.name));
                    ctx.print(p.lon, p.lat, Span::styled(name, ui.heading));
                }
            })
            .render(world, buf);
        self.list(side, buf);
    }
}

impl MapView<'_> {
    /// The posts (and places) with their counts; the unplaced say so.
    fn list(&self, area: Rect, buf: &mut Buffer) {
        let (map, ui) = (self.map, &self.theme.ui);
        let unplaced = map.listed().iter().filter(|m| m.at.is_none()).count();
        let title = if map.show_places {
            " ● posts ■ places ".to_string()
        } else {
            format!(" ● posts · {unplaced} unplaced ")
        };
        pane_block(ui, title, true).render(area, buf);
        let inner = Rect {
            x: area.x.saturating_add(1),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(3),
        };
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
        let hint = Rect {
            y: area.bottom().saturating_sub(2),
            height: 1,
            ..inner
        };
        Line::from(Span::styled(truncate(&self.hint, width), ui.dim)).render(hint, buf);
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
