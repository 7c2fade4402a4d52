//! The theme in ratatui's styles: the model's themes are plain data, turned here, once a
//! frame, into what the widgets draw with.

use crate::theme::{self as model, Color, Modifier};
use ratatui::style::{self, Style};

/// A theme in ratatui styles.
pub type Theme = model::Theme<Style>;

/// The interface parts' styles in ratatui styles.
pub type UiStyles = model::UiStyles<Style>;

/// The model's theme as the widgets draw it.
#[must_use]
pub fn styled(theme: &model::Theme) -> Theme {
    theme.map(|s| style(*s))
}

/// A model style as a ratatui style.
#[must_use]
pub fn style(plain: model::Style) -> Style {
    let mut out = Style::default();
    if let Some(fg) = plain.fg {
        out = out.fg(colour(fg));
    }
    if let Some(bg) = plain.bg {
        out = out.bg(colour(bg));
    }
    let modifiers = [
        (Modifier::BOLD, style::Modifier::BOLD),
        (Modifier::DIM, style::Modifier::DIM),
        (Modifier::ITALIC, style::Modifier::ITALIC),
        (Modifier::UNDERLINED, style::Modifier::UNDERLINED),
        (Modifier::SLOW_BLINK, style::Modifier::SLOW_BLINK),
        (Modifier::REVERSED, style::Modifier::REVERSED),
        (Modifier::CROSSED_OUT, style::Modifier::CROSSED_OUT),
    ];
    for (plain_modifier, modifier) in modifiers {
        if plain.add_modifier.contains(plain_modifier) {
            out = out.add_modifier(modifier);
        }
    }
    out
}

/// A model colour as a ratatui colour.
#[must_use]
pub fn colour(plain: Color) -> style::Color {
    match plain {
        Color::Reset => style::Color::Reset,
        Color::Black => style::Color::Black,
        Color::Red => style::Color::Red,
        Color::Green => style::Color::Green,
        Color::Yellow => style::Color::Yellow,
        Color::Blue => style::Color::Blue,
        Color::Magenta => style::Color::Magenta,
        Color::Cyan => style::Color::Cyan,
        Color::Gray => style::Color::Gray,
        Color::DarkGray => style::Color::DarkGray,
        Color::LightRed => style::Color::LightRed,
        Color::LightGreen => style::Color::LightGreen,
        Color::LightYellow => style::Color::LightYellow,
        Color::LightBlue => style::Color::LightBlue,
        Color::LightMagenta => style::Color::LightMagenta,
        Color::LightCyan => style::Color::LightCyan,
        Color::White => style::Color::White,
        Color::Rgb(r, g, b) => style::Color::Rgb(r, g, b),
        Color::Indexed(i) => style::Color::Indexed(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_draws_as_it_is_written() {
        for name in model::builtin_names() {
            let plain = model::Theme::builtin(name).expect("built in");
            let drawn = styled(&plain);
            // Each kind keeps its colours and its non-colour cue once turned.
            for kind in crate::cable::EntityKind::STANDARD {
                let (a, b) = (plain.kind(&kind), drawn.kind(&kind));
                assert_eq!(a.fg.map(colour), b.fg, "{name}: {kind}");
                assert_eq!(a.bg.map(colour), b.bg, "{name}: {kind}");
                assert_eq!(a.add_modifier.is_empty(), b.add_modifier.is_empty());
            }
        }
        // Every modifier a theme file can name reaches the terminal, and no other.
        let all = style(model::Style::default().add_modifier(Modifier::all()));
        let expected = style::Modifier::BOLD
            | style::Modifier::DIM
            | style::Modifier::ITALIC
            | style::Modifier::UNDERLINED
            | style::Modifier::SLOW_BLINK
            | style::Modifier::REVERSED
            | style::Modifier::CROSSED_OUT;
        assert_eq!(all.add_modifier, expected);
    }
}
