//! A style as plain data: colours and modifiers, with no terminal library behind them.
//!
//! The model's themes (and the brat export's colours) are written in these; the UI turns
//! them into its terminal library's styles when it draws.

use std::str::FromStr;

/// A colour: one of the sixteen ANSI names, the terminal's own ([`Color::Reset`]), an
/// index into the 256-colour palette or an RGB triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the ANSI names say what they are
pub enum Color {
    /// The terminal's own colour.
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
    /// `#rrggbb`.
    Rgb(u8, u8, u8),
    /// `0`–`255`.
    Indexed(u8),
}

/// A colour that is none of the names, `#rrggbb` or `0`–`255`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown colour {0:?} (a name, #rrggbb or 0-255)")]
pub struct UnknownColour(pub String);

impl FromStr for Color {
    type Err = UnknownColour;

    /// Reads a colour as theme files write it: names in any case, with or without spaces,
    /// dashes or underscores (`light-red`, `bright red`, `grey`); `#rrggbb`; `0`–`255`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // The same spellings ratatui accepted, so theme files written for it still load.
        let name = text
            .to_lowercase()
            .replace([' ', '-', '_'], "")
            .replace("bright", "light")
            .replace("grey", "gray")
            .replace("silver", "gray")
            .replace("lightblack", "darkgray")
            .replace("lightwhite", "white")
            .replace("lightgray", "white");
        Ok(match name.as_str() {
            "reset" => Self::Reset,
            "black" => Self::Black,
            "red" => Self::Red,
            "green" => Self::Green,
            "yellow" => Self::Yellow,
            "blue" => Self::Blue,
            "magenta" => Self::Magenta,
            "cyan" => Self::Cyan,
            "gray" => Self::Gray,
            "darkgray" => Self::DarkGray,
            "lightred" => Self::LightRed,
            "lightgreen" => Self::LightGreen,
            "lightyellow" => Self::LightYellow,
            "lightblue" => Self::LightBlue,
            "lightmagenta" => Self::LightMagenta,
            "lightcyan" => Self::LightCyan,
            "white" => Self::White,
            _ => match (text.parse::<u8>(), hex(text)) {
                (Ok(index), _) => Self::Indexed(index),
                (_, Some((r, g, b))) => Self::Rgb(r, g, b),
                _ => return Err(UnknownColour(text.to_string())),
            },
        })
    }
}

/// `#rrggbb` as its three parts.
fn hex(text: &str) -> Option<(u8, u8, u8)> {
    let digits = text.strip_prefix('#').filter(|d| d.len() == 6)?;
    let part = |at: usize| u8::from_str_radix(digits.get(at..at + 2)?, 16).ok();
    Some((part(0)?, part(2)?, part(4)?))
}

bitflags::bitflags! {
    /// Text modifiers a style adds.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub struct Modifier: u16 {
        /// Bold.
        const BOLD = 1;
        /// Dim (faint).
        const DIM = 1 << 1;
        /// Italic.
        const ITALIC = 1 << 2;
        /// Underlined.
        const UNDERLINED = 1 << 3;
        /// Slow blink.
        const SLOW_BLINK = 1 << 4;
        /// Reversed video.
        const REVERSED = 1 << 5;
        /// Crossed out.
        const CROSSED_OUT = 1 << 6;
    }
}

/// A style: foreground and background colours (`None`: left as they are) and the
/// modifiers it adds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Style {
    /// Foreground colour.
    pub fg: Option<Color>,
    /// Background colour.
    pub bg: Option<Color>,
    /// Modifiers added.
    pub add_modifier: Modifier,
}

impl Style {
    /// The style with foreground `colour`.
    #[must_use]
    pub fn fg(self, colour: Color) -> Self {
        Self {
            fg: Some(colour),
            ..self
        }
    }

    /// The style with background `colour`.
    #[must_use]
    pub fn bg(self, colour: Color) -> Self {
        Self {
            bg: Some(colour),
            ..self
        }
    }

    /// The style with `modifier` added.
    #[must_use]
    pub fn add_modifier(self, modifier: Modifier) -> Self {
        Self {
            add_modifier: self.add_modifier | modifier,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_as_theme_files_write_them() {
        assert_eq!("Light-Red".parse(), Ok(Color::LightRed));
        assert_eq!("bright blue".parse(), Ok(Color::LightBlue));
        assert_eq!("grey".parse(), Ok(Color::Gray));
        assert_eq!("#E69F00".parse(), Ok(Color::Rgb(0xE6, 0x9F, 0x00)));
        assert_eq!("42".parse(), Ok(Color::Indexed(42)));
        assert_eq!(
            "#12345".parse::<Color>(),
            Err(UnknownColour("#12345".into()))
        );
        assert!("256".parse::<Color>().is_err());
        assert!("blurple".parse::<Color>().is_err());
    }
}
