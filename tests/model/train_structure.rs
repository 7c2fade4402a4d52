//! The structure of 2,000 real cables in the release's CSV layout (tests/fixtures/train,
//! never seen while the parser was written): how many show their body only in the header,
//! glue a section heading to a paragraph, or run paragraphs together past 20,000
//! characters. `cargo test --release --test model train_structure -- --nocapture` prints
//! the counts and the cables hit.

use cableview::cable::release::{ReleaseRow, cable};
use cableview::cable::{Cable, Tagging};
use cableview::input::release_csv;
use std::path::Path;
use std::sync::OnceLock;

/// A paragraph this long is paragraphs run together.
const LONG_PARAGRAPH: usize = 20_000;

/// Every row of the train CSV with its cable.
fn train() -> &'static [(ReleaseRow, Cable)] {
    static ROWS: OnceLock<Vec<(ReleaseRow, Cable)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/train/cables-train.csv");
        release_csv::open(&path)
            .unwrap()
            .map(|row| {
                let located = row.unwrap_or_else(|e| panic!("train CSV: {e}"));
                let name = format!("cables-train.csv:{}", located.line);
                let parsed =
                    cable(&located.row, &name, Tagging::Off).unwrap_or_else(|e| panic!("{e}"));
                (located.row, parsed)
            })
            .collect()
    })
}

/// A rule: three or more dashes or equal signs and nothing else.
fn is_rule(word: &str) -> bool {
    word.len() >= 3 && (word.bytes().all(|b| b == b'-') || word.bytes().all(|b| b == b'='))
}

/// A line written as a heading: short, in capitals, not a sentence, and standing apart
/// (underlined or ruled, or a blank line before it and a blank line or a numbered
/// paragraph after it). The cable's classification, caveats and end marks are not.
fn heading_lines(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_none_or(|l| l.is_empty());
    let rule = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_some_and(|l| is_rule(l));
    let numbered = |i: usize| {
        lines.get(i).is_some_and(|l| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits) && l[digits..].starts_with(['.', ')'])
        })
    };
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let letters = line.chars().filter(char::is_ascii_alphabetic).count();
        let shaped = (1..=10).contains(&words.len())
            && letters >= 4
            && !line.chars().any(char::is_lowercase)
            && !line.ends_with(['.', ',', ';'])
            && !line.starts_with(|c: char| c.is_ascii_digit() || c == '(')
            && !is_noise(line);
        if !shaped {
            continue;
        }
        let before = i.checked_sub(1);
        let ruled = rule(before) || rule(Some(i + 1));
        let apart = blank(before) && (blank(Some(i + 1)) || numbered(i + 1));
        // A heading heads text: one at the very end is a signature or an end mark.
        let text_follows = lines[i + 1..].iter().any(|l| l.len() > 40);
        if (ruled || apart) && text_follows {
            out.push(words.join(" "));
        }
    }
    out
}

/// Lines in capitals that are not headings: the classification, caveats, end marks.
fn is_noise(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    [
        "UNCLAS",
        "CONFIDENTIAL",
        "SECRET",
        "SIPDIS",
        "NOFORN",
        "SENSITIVE",
        "LIMITEDOFFICIALUSE",
        "ENDSUMMARY",
        "ENDTEXT",
        "BEGINTEXT",
        "ENDQUOTE",
        "BEGINQUOTE",
        "NNNN",
        "END",
        "FOROFFICIALUSEONLY",
    ]
    .iter()
    .any(|w| squeezed.starts_with(w))
        || squeezed.contains("SECTION")
        || squeezed.starts_with("E.O.")
        || squeezed.starts_with("TAGS")
        || squeezed.starts_with("SUBJ")
        || squeezed.starts_with("REF")
        || squeezed.starts_with("XXXX")
}

/// Whether a body holds text beyond its header fields: a line of eight words or more in
/// mixed case that is no field. A body cut short after its fields (`Classified By: ...`
/// then the release's `...`) has none, and rightly no paragraph.
fn has_prose(body: &str) -> bool {
    body.lines().any(|line| {
        let t = line.trim_start().to_ascii_uppercase();
        let field = [
            "CLASSIFIED BY",
            "SUBJ",
            "REF",
            "TAGS",
            "E.O.",
            "DERIVED FROM",
        ]
        .iter()
        .any(|f| t.starts_with(f));
        !field
            && line.split_whitespace().count() >= 8
            && line.chars().any(char::is_lowercase)
            && !line.contains("Classified Website")
    })
}

/// Whether a paragraph's text holds a heading: a rule among its last words, or a heading
/// line of the body standing inside it after a sentence (not at its start, where the text
/// itself opens with capitals).
/// Whether the heading's words at `at` in a paragraph's text stand as the heading: after
/// a sentence's end, not read on (`(COMMENT: ...`, `END COMMENT`, `COMMENT: It is`).
fn stands_as_heading(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].trim_end();
    let after = text[at + len..].trim_start();
    // What follows starts anew: the text's end, a capital or a number (a heading's
    // words inside a sentence, `NORTHERN VIKING 2007 (NV07), the first`, are prose).
    let starts_anew = after.is_empty()
        || (text[at + len..].starts_with(char::is_whitespace)
            && after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    at > 0
        && before.ends_with(['.', '!', '?', '"', ')'])
        && starts_anew
        && !before.ends_with(" END")
}

/// The char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Returns what was glued, with the words before it.
fn glued(cable: &Cable, headings: &[String]) -> Option<String> {
    cable.paragraphs.iter().find_map(|p| {
        // A rule in a table or before a list is the text's own; one among the last words
        // closes a heading run into the paragraph's end.
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let tail = &words[words.len().saturating_sub(14)..];
        // Figures around a rule are a table's (`---- Jan08 Feb08`), not a heading.
        let figures = tail
            .iter()
            .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
            .count();
        let rule = tail
            .iter()
            .copied()
            .find(|w| is_rule(w))
            .filter(|_| figures < 3);
        let heading = headings.iter().find(|h| {
            p.text
                .match_indices(h.as_str())
                .any(|(at, _)| stands_as_heading(&p.text, at, h.len()))
        });
        let what = rule.or(heading.map(String::as_str))?;
        let at = p.text.find(what).unwrap_or(0);
        let from = floor(&p.text, at.saturating_sub(40));
        let to = floor(&p.text, (at + what.len() + 30).min(p.text.len()));
        Some(format!("¶{}: …{}…", p.label, &p.text[from..to]))
    })
}

/// The three counts, with the first few cables of each.
struct Counts {
    header_only: Vec<String>,
    glued: Vec<String>,
    long: Vec<String>,
}

fn counts() -> Counts {
    let mut counts = Counts {
        header_only: Vec::new(),
        glued: Vec::new(),
        long: Vec::new(),
    };
    for (row, cable) in train() {
        let id = row.reference_id.clone();
        if cable.paragraphs.is_empty() && has_prose(&row.body) {
            counts.header_only.push(id.clone());
        }
        if let Some(what) = glued(cable, &heading_lines(&row.body)) {
            counts.glued.push(format!("{id} {what}"));
        }
        if cable
            .paragraphs
            .iter()
            .any(|p| p.text.len() > LONG_PARAGRAPH)
        {
            counts.long.push(id);
        }
    }
    counts
}

#[test]
fn train_structure_counts_are_within_the_issues_bounds() {
    let total = train().len();
    assert_eq!(total, 2000, "the whole train CSV is read");
    let counts = counts();
    for (what, hit) in [
        ("body only in the header", &counts.header_only),
        ("a heading glued to a paragraph", &counts.glued),
        ("a paragraph over 20,000 characters", &counts.long),
    ] {
        eprintln!("{what}: {} of {total}", hit.len());
        for cable in hit.iter().take(40) {
            eprintln!("    {cable}");
        }
    }
    let half_percent = total / 200;
    assert!(counts.header_only.is_empty(), "{:?}", counts.header_only);
    assert!(counts.glued.len() <= half_percent, "{:?}", counts.glued);
    assert!(counts.long.len() <= half_percent, "{:?}", counts.long);
}

#[test]
fn heading_lines_are_found_as_a_reader_sees_them() {
    let body = "TAGS: X\n\n1. (C) Text that goes on for long enough to be text.\n\nITALIAN POLITICS\n-----\n2. (C) More text that goes on for long enough to be text.\n\nBACKGROUND\n\n3. Text that goes on for long enough to be text, again.\nSMITH\n";
    assert_eq!(heading_lines(body), ["ITALIAN POLITICS", "BACKGROUND"]);
}
