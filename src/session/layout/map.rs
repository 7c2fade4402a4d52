//! Where the world map's parts go: one function of the screen's area, used by the session
//! (how many rows of posts the list pages by) and by drawing.

use ratatui::layout::Rect;

/// The parts of the map's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MapLayout {
    /// The world, border included.
    pub world: Rect,
    /// The list of posts and places beside it, border included.
    pub side: Rect,
    /// The list's rows, inside its border and above its hint.
    pub list: Rect,
    /// The hint line at the list's foot.
    pub hint: Rect,
}

/// Lays out the map over the whole of `area`: the world, and the list at its right.
#[must_use]
pub fn map(area: Rect) -> MapLayout {
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
    let list = Rect {
        x: side.x.saturating_add(1),
        y: side.y.saturating_add(1),
        width: side.width.saturating_sub(2),
        height: side.height.saturating_sub(3),
    };
    let hint = Rect {
        y: side.bottom().saturating_sub(2),
        height: 1,
        ..list
    };
    MapLayout {
        world,
        side,
        list,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_pages_by_the_rows_between_its_border_and_its_hint() {
        let parts = map(Rect::new(0, 0, 120, 30));
        assert_eq!(parts.side, Rect::new(90, 0, 30, 30));
        assert_eq!(parts.list, Rect::new(91, 1, 28, 27));
        assert_eq!(parts.hint, Rect::new(91, 28, 28, 1));
        assert_eq!(parts.world.width, 90);
    }
}
