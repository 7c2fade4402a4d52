//! Errors in the user's files (config.toml, themes, aliases.toml), placed at a line and
//! column and worded for a person: `unknown key "them" in config.toml at 3:1, expected one
//! of ...`; and the one read of such a file.

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
        let span = error
            .span()
            .or_else(|| (error.message() == KEY_TOO_DEEP).then(|| deep_key(text))?);
        Self::at_span(file, text, span, problem, expected)
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

/// How deep the `toml` crate lets tables and lists nest, and what it says past that:
/// for brackets and braces, with a place; for a dotted key or table header of more
/// parts, without one.
const NESTING_LIMIT: usize = 80;
const TOO_DEEP: &str = "cannot recurse further; max recursion depth met";
const KEY_TOO_DEEP: &str = "recursion limit";

/// Where the first key of more than [`NESTING_LIMIT`] dotted parts (`[a.a.a...]`)
/// passes the limit: the parser reports such a key without a place.
///
/// Cut short just after the dot before the part past the limit, the text still draws
/// the error, and cut any shorter it does not (nothing before nests that deep), so the
/// place is found by halving: a few parses of the file, on a path taken only for a
/// broken file.
fn deep_key(text: &str) -> Option<Range<usize>> {
    let fails = |end: usize| {
        toml::de::DeTable::parse_recoverable(&text[..end])
            .1
            .iter()
            .any(|e| e.message() == KEY_TOO_DEEP)
    };
    if !fails(text.len()) {
        return None;
    }
    // `fails(low)` is false and `fails(high)` true throughout; both on char boundaries.
    let (mut low, mut high) = (0, text.len());
    loop {
        let half = low + (high - low) / 2;
        let mut mid = half;
        while !text.is_char_boundary(mid) {
            mid -= 1;
        }
        if mid == low {
            mid = half + 1;
            while mid < high && !text.is_char_boundary(mid) {
                mid += 1;
            }
        }
        if mid >= high {
            break;
        }
        if fails(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    // The cut that first fails ends on the dot that opens the part past the limit:
    // point at that part.
    let (mut start, _) = text[..high].char_indices().next_back()?;
    if text[start..].starts_with('.') {
        let rest = &text[start + 1..];
        start = text.len() - rest.trim_start_matches([' ', '\t']).len();
    }
    Some(start..start)
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
    if problem == TOO_DEEP || problem == KEY_TOO_DEEP {
        return (
            format!("tables or lists nested more than {NESTING_LIMIT} levels deep"),
            Some(format!("at most {NESTING_LIMIT} levels of nesting")),
        );
    }
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

/// Reads a user file as UTF-8 text; `None` when it does not exist.
pub fn read_text(path: &std::path::Path) -> Result<Option<String>, FileError> {
    let name = crate::sanitize::path(path);
    let bytes = match crate::regular_file::read(path, crate::regular_file::Limit::CONFIG) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(FileError::unreadable(&name, &e)),
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Some(text.to_string())),
        Err(e) => Err(FileError::not_utf8(&name, &bytes, &e)),
    }
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

    fn parse_error(text: &str) -> FileError {
        let error = toml::from_str::<toml::Table>(text).expect_err("too deep");
        FileError::from_toml("t.toml", text, &error)
    }

    #[test]
    fn lists_nested_too_deep_are_placed_on_the_bracket_past_the_limit() {
        let ok = format!("x = {}{}", "[".repeat(80), "]".repeat(80));
        assert!(toml::from_str::<toml::Table>(&ok).is_ok());
        let text = format!("\n\nx = {}{}\n", "[".repeat(81), "]".repeat(81));
        assert_eq!(
            parse_error(&text).to_string(),
            "tables or lists nested more than 80 levels deep in t.toml at 3:85, \
             expected at most 80 levels of nesting"
        );
    }

    #[test]
    fn a_key_of_too_many_parts_is_placed_on_the_part_past_the_limit() {
        // The parser says only "recursion limit", with no place: it is found.
        let ok = format!("[{}]\n", vec!["a"; 80].join("."));
        assert!(toml::from_str::<toml::Table>(&ok).is_ok());
        let header = format!("[\"é\" . {}]", vec!["bb"; 80].join(" . "));
        let text = format!("x = \"a.b.c\"\n# é.é\n{header}\ny = 1\n");
        let error = parse_error(&text);
        // The 81st part is the last `bb`.
        let before = &header[..header.rfind("bb").unwrap()];
        assert_eq!(error.at, Some((3, before.chars().count() + 1)));
        assert_eq!(
            error.problem,
            "tables or lists nested more than 80 levels deep"
        );
        let dotted = format!("[t]\n{} = 1\n", vec!["k"; 81].join("."));
        assert_eq!(parse_error(&dotted).at, Some((2, 161)));
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
