//! Contrast between two colours as WCAG 2 defines it, for checking that a theme which
//! sets its own background keeps its text readable on it (AA asks 4.5:1 for text).

use super::Color;

/// The sixteen ANSI colours as xterm shows them by default: a named colour's real shade
/// is the terminal's choice, and xterm's is the common reference.
const ANSI: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The colour as red, green and blue; `None` for [`Color::Reset`], whose shade only the
/// terminal knows.
#[must_use]
pub fn rgb(colour: Color) -> Option<(u8, u8, u8)> {
    let ansi = |i: usize| Some(ANSI[i]);
    match colour {
        Color::Reset => None,
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// xterm's 256-colour palette: the sixteen, a 6x6x6 cube, then 24 greys.
fn indexed(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
            let n = i - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + (i - 232) * 10;
            (grey, grey, grey)
        }
    }
}

/// WCAG 2's relative luminance, from 0 (black) to 1 (white).
#[must_use]
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white); `None`
/// when either is the terminal's own.
#[must_use]
pub fn ratio(a: Color, b: Color) -> Option<f64> {
    let (a, b) = (luminance(rgb(a)?), luminance(rgb(b)?));
    Some((a.max(b) + 0.05) / (a.min(b) + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Modifier;
    use crate::theme::{BUILTIN, Theme};

    /// WCAG AA for normal text.
    const AA: f64 = 4.5;

    #[test]
    fn ratios_match_the_wcag_reference_values() {
        let white = Color::Rgb(255, 255, 255);
        assert!((ratio(Color::Black, white).unwrap() - 21.0).abs() < 1e-9);
        assert!((ratio(white, white).unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest grey that passes AA.
        let grey = ratio(Color::Rgb(0x76, 0x76, 0x76), white).unwrap();
        assert!((4.5..4.6).contains(&grey), "{grey}");
        assert_eq!(ratio(Color::Reset, white), None);
        assert_eq!(rgb(Color::Indexed(16)), Some((0, 0, 0)));
        assert_eq!(rgb(Color::Indexed(231)), Some((255, 255, 255)));
        assert_eq!(rgb(Color::Indexed(244)), Some((128, 128, 128)));
    }

    #[test]
    fn every_builtin_theme_with_a_background_keeps_text_dim_borders_and_kinds_readable() {
        let mut checked = 0;
        for (name, _) in BUILTIN {
            let theme = Theme::builtin(name).expect("built-in");
            let Some(background) = theme.ui.text.bg else {
                continue;
            };
            checked += 1;
            let (ui, k) = (&theme.ui, &theme.kinds);
            let parts = [
                ("text", ui.text),
                ("dim", ui.dim),
                ("border", ui.border),
                ("PER", k.per),
                ("ORG", k.org),
                ("LOC", k.loc),
                ("MISC", k.misc),
                ("other", k.other),
            ];
            for (part, style) in parts {
                // A part without a colour of its own shows in the text's.
                let fg = style
                    .fg
                    .or(ui.text.fg)
                    .expect("a colour on a set background");
                let contrast = ratio(fg, background).expect("known colours");
                assert!(
                    contrast >= AA,
                    "{name}: {part} {fg:?} on {background:?} is {contrast:.2}:1, under {AA}:1"
                );
                assert!(
                    !style.add_modifier.contains(Modifier::DIM),
                    "{name}: {part} is dimmed, which lowers its contrast by an unknown amount"
                );
            }
        }
        assert!(checked >= 1, "light sets its own background");
    }

    #[test]
    fn light_sets_its_own_background() {
        let light = Theme::builtin("light").expect("built-in");
        let bg = light.ui.text.bg.expect("a background");
        let black = Color::Rgb(0, 0, 0);
        // Light enough that a dark terminal's background does not show through as it.
        assert!(ratio(bg, black).unwrap() > 15.0);
    }

    #[test]
    fn misc_in_default_is_no_dimmer_than_the_other_kinds() {
        let theme = Theme::builtin("default").expect("built-in");
        let misc = theme.kinds.misc;
        assert!(!misc.add_modifier.contains(Modifier::DIM));
        // Against a dark terminal, MISC stands out at least as much as the least of
        // the other kinds: a different colour and style, not a fainter one.
        let black = Color::Rgb(0, 0, 0);
        let on_black = |s: crate::theme::Style| ratio(s.fg.unwrap(), black).unwrap();
        let k = &theme.kinds;
        let least = [k.per, k.org, k.loc]
            .map(on_black)
            .into_iter()
            .fold(f64::MAX, f64::min);
        assert!(on_black(misc) >= least, "{} < {least}", on_black(misc));
    }
}
