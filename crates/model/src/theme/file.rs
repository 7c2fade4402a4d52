//! A theme file as written (every part optional), and a written style turned into a [`Style`].

use super::{Color, Modifier, Style, StyleError};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One style as written in a theme file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<String>,
    /// Background colour.
    pub bg: Option<String>,
    /// Modifiers: bold, dim, italic, underlined, reversed, crossed_out.
    #[serde(default)]
    pub modifiers: Vec<String>,
}

/// A theme file: every part optional, inheriting from `extends` (or `default`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    /// The theme this one starts from.
    pub extends: Option<String>,
    /// Styles by entity kind: `PER`, `ORG`, `LOC`, `MISC`, `other`.
    #[serde(default)]
    pub kinds: BTreeMap<String, StyleSpec>,
    /// Styles by classification level.
    #[serde(default)]
    pub levels: BTreeMap<String, StyleSpec>,
    /// Styles of the interface parts.
    #[serde(default)]
    pub ui: BTreeMap<String, StyleSpec>,
}

/// Turns a written style into a [`Style`].
///
/// # Errors
/// A colour or modifier not known.
pub fn to_style(spec: &StyleSpec) -> Result<Style, StyleError> {
    let colour = |text: &str| text.parse::<Color>();
    let mut style = Style::default();
    if let Some(fg) = &spec.fg {
        style = style.fg(colour(fg)?);
    }
    if let Some(bg) = &spec.bg {
        style = style.bg(colour(bg)?);
    }
    for name in &spec.modifiers {
        style = style.add_modifier(match name.to_ascii_lowercase().as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" | "underline" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            "crossed_out" | "strikethrough" => Modifier::CROSSED_OUT,
            "slow_blink" | "blink" => Modifier::SLOW_BLINK,
            other => return Err(StyleError::Modifier(other.to_string())),
        });
    }
    Ok(style)
}
