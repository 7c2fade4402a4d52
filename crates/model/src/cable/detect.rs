//! Which format a file is in, judged by its content (never by its extension).

use super::next_match::{CLOSE, LINE_END, NextMatch};

/// The input formats cableview reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The tagger's output: tokenized sentences with inline `[LABEL tok  ]` mentions.
    Annotated,
    /// A WikiLeaks "Cable Viewer" page (HTML).
    Page,
    /// A cable as plain text.
    Plain,
}

/// Detects the format of a cable's text.
///
/// - A page starts with `<?xml`, `<!DOCTYPE` or `<html`, or holds `<table class='cable'>`.
/// - An annotated file has inline mentions or paragraph anchors; it usually starts with
///   `<code><pre>`. A `<code><pre>` block without them is read as a page's body when its
///   line breaks are `&#x000A;`, else as an annotated file the tagger found nothing in.
/// - Anything else is plain text.
#[must_use]
pub fn detect(text: &str) -> Format {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if head.starts_with("<code><pre>") {
        return if has_inline_markup(head) || !head.contains("&#x000A;") {
            Format::Annotated
        } else {
            Format::Page
        };
    }
    let lower: String = head
        .chars()
        .take(16)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if ["<?xml", "<!doctype", "<html"]
        .iter()
        .any(|p| lower.starts_with(p))
        || text.contains("<table class='cable'>")
        || text.contains("<table class=\"cable\">")
    {
        return Format::Page;
    }
    if has_inline_markup(text) {
        Format::Annotated
    } else {
        Format::Plain
    }
}

/// Whether the text has a paragraph anchor or a `[LABEL tok  ]` mention.
fn has_inline_markup(text: &str) -> bool {
    if memchr::memmem::find(text.as_bytes(), b"<a id='par").is_some() {
        return true;
    }
    // Each `[` looks ahead for its close and its line's end; asked from left to right,
    // these remember their answers, so a text of unclosed `[` is searched once.
    let bytes = text.as_bytes();
    let mut closes = NextMatch::new(bytes, &CLOSE);
    let mut line_ends = NextMatch::new(bytes, &LINE_END);
    memchr::memchr_iter(b'[', bytes).any(|at| is_mention(bytes, at, &mut closes, &mut line_ends))
}

/// `[LABEL tok ...  ]` at `at`, on one line, label of 2 to 6 upper-case letters.
fn is_mention(
    bytes: &[u8],
    at: usize,
    closes: &mut NextMatch<'_>,
    line_ends: &mut NextMatch<'_>,
) -> bool {
    let rest = &bytes[at + 1..];
    let label = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(2..=6).contains(&label) || rest.get(label) != Some(&b' ') {
        return false;
    }
    let body = at + label + 2;
    let line_end = line_ends.first_from(body).unwrap_or(bytes.len());
    closes
        .first_from(body)
        .is_some_and(|close| close > body && close < line_end && bytes[body] != b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(
            detect("<code><pre>S E C R E T [LOC PARIS  ] 002333"),
            Format::Annotated
        );
        assert_eq!(
            detect("<code><pre>no mentions at all</pre></code>"),
            Format::Annotated
        );
        assert_eq!(
            detect("<code><pre>UNCLAS&#x000A;1. (U) Text</pre></code>"),
            Format::Page
        );
        assert_eq!(detect("\n<!DOCTYPE html PUBLIC"), Format::Page);
        assert_eq!(detect("<?xml version='1.0' ?>\n<html>"), Format::Page);
        assert_eq!(detect("<HTML><body>"), Format::Page);
        assert_eq!(detect("junk <table class='cable'><tr>"), Format::Page);
        assert_eq!(detect("UNCLAS PARIS 1\n1. (U) Text."), Format::Plain);
        assert_eq!(
            detect("a [level of] b [SOURCE REMOVED] [XXXX"),
            Format::Plain
        );
        assert_eq!(detect("Met [PER Beghal  ] here"), Format::Annotated);
        assert_eq!(detect("[AB"), Format::Plain);
        assert_eq!(detect(""), Format::Plain);
    }
}
