//! Errors in the user's files (config.toml, themes), placed at a line and column
//! and worded for a person: `unknown key "them" in config.toml at 3:1, expected one of ...`.

use std::fmt;
use std::ops::Range;

/// A problem in one of the user's files, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as the user knows it (its path, or its name in tests).
    pub file: String,
    /// Line and column, both from 1; columns count characters, not bytes.
    pub at: Option<(usize, usize)>,
    /// What is wrong (`unknown key "them"`).
    pub problem: String,
    /// What was expected there, if it can be said (`one of theme, panes`).
    pub expected: Option<String>,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} in {}", self.problem, self.file)?;
        if let Some((line, column)) = self.at {
            write!(f, " at {line}:{column}")?;
        }
        if let Some(expected) = &self.expected {
            write!(f, ", expected {expected}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FileError {}

impl FileError {
    /// An error at a byte range of `text` (or nowhere in particular).
    #[must_use]
    pub fn at_span(
        file: &str,
        text: &str,
        span: Option<Range<usize>>,
        problem: impl Into<String>,
        expected: Option<String>,
    ) -> Self {
        Self {
            file: file.to_string(),
            at: span.map(|s| line_column(text, s.start)),
            problem: problem.into(),
            expected,
        }
    }

    /// Rewords an error of the `toml` crate and places it in `text`.
    #[must_use]
    pub fn from_toml(file: &str, text: &str, error: &toml::de::Error) -> Self {
        let (problem, expected) = reword(error.message());
        Self::at_span(file, text, error.span(), problem, expected)
    }

    /// A file that is not UTF-8: placed at the first bad byte.
    #[must_use]
    pub fn not_utf8(file: &str, bytes: &[u8], error: &std::str::Utf8Error) -> Self {
        let good = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
        Self {
            file: file.to_string(),
            at: Some(line_column(&good, good.len())),
            problem: "a byte that is not UTF-8 text".to_string(),
            expected: Some("a UTF-8 TOML file".to_string()),
        }
    }

    /// A file that exists but cannot be read.
    #[must_use]
    pub fn unreadable(file: &str, error: &std::io::Error) -> Self {
        Self {
            file: file.to_string(),
            at: None,
            problem: format!("cannot read the file ({error})"),
            expected: None,
        }
    }
}

/// The 1-based line and character column of byte `offset` in `text`.
///
/// An offset past the end (an error at end of file) is placed just after the last
/// character; an offset inside a character is placed on that character.
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Splits a serde or TOML message into what is wrong and what was expected, and
/// trades the crate's backticks for plain words.
fn reword(message: &str) -> (String, Option<String>) {
    // The parser's messages can run to several lines; the first says it all.
    let message = message.lines().next().unwrap_or(message).trim();
    let (problem, expected) = match message.split_once(", expected ") {
        Some((problem, expected)) => (problem, Some(expected)),
        None => (message, None),
    };
    let problem = if let Some(rest) = problem.strip_prefix("unknown field ") {
        format!("unknown key {}", quoted(rest))
    } else if let Some(rest) = problem.strip_prefix("unknown variant ") {
        format!("unknown value {}", quoted(rest))
    } else if let Some(rest) = problem.strip_prefix("invalid type: ") {
        format!("wrong type: {rest}")
    } else if let Some(rest) = problem.strip_prefix("missing field ") {
        format!("missing key {}", quoted(rest))
    } else if problem.ends_with(", there are no fields") {
        let name = problem.trim_end_matches(", there are no fields");
        return (
            format!(
                "unknown key {}",
                quoted(name.trim_start_matches("unknown field "))
            ),
            Some("no keys here".to_string()),
        );
    } else {
        problem.to_string()
    };
    let expected = expected.map(plain_expected);
    (problem, expected)
}

/// serde's and the parser's "one of `a`, `b`" in plain words: names bare,
/// punctuation in single quotes (`'"'`), serde's type words as TOML's.
fn plain_expected(expected: &str) -> String {
    let mut out = String::new();
    for (i, part) in expected.split('`').enumerate() {
        let bare = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
        if i % 2 == 1 && !part.chars().all(bare) {
            out.push_str(&format!("'{part}'"));
        } else {
            out.push_str(part);
        }
    }
    out.replace("a sequence", "a list")
        .replace("a map", "a table")
}

/// `` `them` `` as `"them"`: a name from the user's file, quoted as Rust would.
fn quoted(name: &str) -> String {
    let bare = name.trim().trim_matches('`');
    format!("{bare:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_from_one() {
        let text = "a = 1\nthé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // `=` after the two-byte é is the fifth character of line 2.
        assert_eq!(line_column(text, text.find("= 2").unwrap_or(0)), (2, 5));
        assert_eq!(line_column(text, 9999), (3, 1));
        // Inside the é: placed on it.
        assert_eq!(line_column(text, 9), (2, 3));
    }

    #[test]
    fn unknown_field_reads_as_an_unknown_key() {
        let (problem, expected) = reword("unknown field `them`, expected `theme` or `view`");
        assert_eq!(problem, r#"unknown key "them""#);
        assert_eq!(expected.as_deref(), Some("theme or view"));
    }

    #[test]
    fn only_the_first_line_of_a_parser_message_is_kept() {
        let (problem, expected) = reword("invalid string\nmore detail");
        assert_eq!(problem, "invalid string");
        assert_eq!(expected, None);
    }

    #[test]
    fn the_display_puts_the_place_before_the_expectation() {
        let error = FileError::at_span(
            "config.toml",
            "x\nthem = 1\n",
            Some(2..6),
            r#"unknown key "them""#,
            Some("one of theme".to_string()),
        );
        assert_eq!(
            error.to_string(),
            r#"unknown key "them" in config.toml at 2:1, expected one of theme"#
        );
    }
}
