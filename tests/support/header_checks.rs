//! What a parsed page must hold, checked against what its body writes ([`super::oracle`]):
//! each check returns the problems it finds, so one test run lists them all.

use super::oracle::{
    body_lines, has_page_marker, numbered, reference_count, squeeze, subject_line, tag_links,
};
use cableview::cable::Cable;

/// Text that belongs to another field or to the body, never to a header field's value.
const RUN_ON: [&str; 8] = [
    "\\",
    "Classified By",
    "CLASSIFIED BY",
    "TAGS:",
    "SUBJECT:",
    "SUMMARY:",
    "Summary:",
    "SENSITIVE BUT",
];

fn run_on(value: &str) -> Option<String> {
    if has_page_marker(value) {
        return Some("a page marker".into());
    }
    RUN_ON
        .iter()
        .find(|needle| value.contains(*needle))
        .map(|needle| format!("{needle:?}"))
}

/// A subject where the body has a SUBJECT line: the text after its keyword, and nothing
/// of what follows the field.
pub fn subject(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let lines = body_lines(html);
    let Some(line) = subject_line(&lines) else {
        return Vec::new();
    };
    let Some(subject) = cable.header.subject.as_deref() else {
        return vec![format!("{stem}: no subject, the body has SUBJECT: {line}")];
    };
    // The line's own marking (`(S/NF) UK CONSIDERING ...`) is no part of the subject.
    let line = match line
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(") "))
    {
        Some((code, after)) if code.len() <= 8 && !code.contains(' ') => after.to_string(),
        _ => line,
    };
    let mut problems = Vec::new();
    let start: String = subject.chars().take(15).collect();
    if !line.starts_with(&start) {
        problems.push(format!(
            "{stem}: subject {subject:?} is not its line {line:?}"
        ));
    }
    if let Some(what) = run_on(subject).or_else(|| paragraph_start(subject)) {
        problems.push(format!("{stem}: subject {subject:?} holds {what}"));
    }
    if subject.len() > 250 {
        problems.push(format!("{stem}: subject runs on: {subject:?}"));
    }
    problems
}

/// `1. (C)` or `(C) 1.` inside a value: the first paragraph's start.
fn paragraph_start(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let number = w[0]
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_digit())
            && w[0].ends_with('.');
        let marking = |x: &str| matches!(x, "(U)" | "(C)" | "(S)" | "(SBU)" | "(S/NF)" | "(C/NF)");
        ((number && marking(w[1])) || (marking(w[0]) && number_word(w[1])))
            .then(|| format!("a paragraph start {:?}", w.join(" ")))
    })
}

fn number_word(word: &str) -> bool {
    word.ends_with('.')
        && word.len() > 1
        && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// TAGS: the page's TAGS links when it has them; else codes written on its TAGS line.
pub fn tags(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let links = tag_links(html);
    let tags = &cable.header.tags;
    if !links.is_empty() {
        return if *tags == links {
            Vec::new()
        } else {
            vec![format!("{stem}: TAGS {tags:?}, links {links:?}")]
        };
    }
    let lines = body_lines(html);
    let Some(at) = lines.iter().position(|l| {
        let upper = l.trim_start().to_ascii_uppercase();
        upper.starts_with("TAGS") || upper.starts_with("TAG ") || upper.starts_with("TAG:")
    }) else {
        return Vec::new();
    };
    let written = format!(
        "{} {}",
        lines[at],
        lines.get(at + 1).map_or("", String::as_str)
    )
    .to_ascii_uppercase();
    let words: Vec<&str> = written
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
        .collect();
    let mut problems = Vec::new();
    if tags.is_empty() {
        problems.push(format!("{stem}: no TAGS, the body has {:?}", lines[at]));
    }
    for tag in tags {
        if !words.contains(&tag.as_str()) {
            problems.push(format!(
                "{stem}: TAG {tag:?} is not on the TAGS line {:?}",
                lines[at]
            ));
        }
    }
    problems
}

/// REF items: there where the body has a REF line; each one reference, labels in order,
/// nothing of what follows the list.
pub fn references(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let mut problems = Vec::new();
    let refs = &cable.header.references;
    let ref_line = body_lines(html).into_iter().find(|line| {
        let line = line.trim_start();
        ["REF:", "REF ", "REFS:", "REFTEL:", "Ref:", "REF("]
            .iter()
            .any(|k| line.starts_with(k))
    });
    if let (Some(line), true) = (ref_line, refs.is_empty()) {
        problems.push(format!("{stem}: no REF items, the body has {line:?}"));
    }
    let labelled = refs.iter().any(|r| r.label.is_some());
    for (i, reference) in refs.iter().enumerate() {
        let text = &reference.text;
        let what = if text.is_empty() {
            Some("nothing".to_string())
        } else if reference_count(text) > 1 {
            Some("more than one reference".into())
        } else if text.len() > 200 {
            Some("more than a reference".into())
        } else {
            run_on(text).or_else(|| paragraph_start(text))
        };
        if let Some(what) = what {
            problems.push(format!(
                "{stem}: REF {:?} {text:?} holds {what}",
                reference.label
            ));
        }
        if labelled {
            let expected = char::from(b'A' + u8::try_from(i).unwrap_or(0)).to_string();
            if reference.label.as_deref() != Some(&expected) {
                problems.push(format!("{stem}: REF {i} labelled {:?}", reference.label));
            }
        }
    }
    problems
}

/// The signature: a name or none; the name on the body's last lines; and a last line
/// that is a name alone is the signature.
pub fn signature(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let lines = body_lines(html);
    let noise = |line: &str| {
        let t = line.trim();
        !t.chars().any(char::is_alphanumeric)
            || t.bytes().all(|b| b == b'N')
            || matches!(
                t,
                "BT" | "SIPDIS" | "CONFIDENTIAL" | "SECRET" | "UNCLASSIFIED" | "UNCLAS"
            )
            || t.contains("CABLE ENDS")
            || t.starts_with("Declassified/Released")
    };
    let last = lines.iter().rev().find(|l| !noise(l)).map(|l| squeeze(l));
    let mut problems = Vec::new();
    match &cable.signature {
        Some(name) => {
            let words: Vec<&str> = name.split(' ').collect();
            let is_name = words.len() <= 4
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && w.chars().all(|c| c.is_alphabetic() || ".-'".contains(c))
                        && !w.chars().all(|c| c == 'X')
                        && !matches!(*w, "SIPDIS" | "CONFIDENTIAL" | "SECRET" | "UNCLASSIFIED")
                });
            let tail: Vec<String> = lines.iter().rev().take(8).map(|l| squeeze(l)).collect();
            if !is_name || !tail.iter().any(|l| l.contains(name.as_str())) {
                problems.push(format!(
                    "{stem}: signature {name:?} is not a name on the last lines"
                ));
            }
        }
        None => {
            let alone = last.as_deref().is_some_and(|l| {
                let l = l.trim_end_matches(['\\', '#', ' ', '.']);
                !l.is_empty()
                    && !l.contains(' ')
                    && l.chars().all(|c| c.is_ascii_uppercase())
                    && !l.chars().all(|c| c == 'X')
                    && l.len() >= 3
            });
            if alone {
                problems.push(format!("{stem}: no signature, the body ends with {last:?}"));
            }
        }
    }
    problems
}

/// Numbered paragraphs as the body numbers them: each label is a number the body opens a
/// paragraph with, in order; and a line that opens with the next number and a marking
/// (`3. (C)`, `(C) 3.`, `3.(C)`) is a paragraph.
pub fn paragraphs(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let lines = body_lines(html);
    // A heading inside a paragraph opens a part of it under the same label: one number.
    let counted: Vec<&cableview::cable::Paragraph> = cable
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            let part = *i > 0 && p.heading.is_some() && cable.paragraphs[i - 1].label == p.label;
            !part
        })
        .map(|(_, p)| p)
        .collect();
    let labels: Vec<u32> = counted
        .iter()
        .filter_map(|p| p.label.parse().ok())
        .collect();
    let mut problems = Vec::new();
    if labels.len() != counted.len() {
        problems.push(format!("{stem}: a paragraph label is not a number"));
    }
    if labels.windows(2).any(|w| w[1] < w[0] || w[1] > w[0] + 20) {
        problems.push(format!("{stem}: labels out of order: {labels:?}"));
    }
    // Each label stands at a word start as `N.` or `N)`, in order; a body that numbers
    // nothing has its blocks counted from 1.
    let text = squeeze(&lines.join("\n"));
    let unnumbered = !lines.iter().any(|l| numbered(l).is_some())
        && labels.iter().copied().eq(1..=labels.len() as u32);
    let mut from = 0;
    for label in labels.iter().filter(|_| !unnumbered) {
        let found = [format!("{label}."), format!("{label})")]
            .iter()
            .filter_map(|needle| {
                text[from..]
                    .match_indices(needle.as_str())
                    .map(|(at, _)| from + at)
                    .find(|&at| at == 0 || matches!(text.as_bytes()[at - 1], b' ' | b')'))
            })
            .min();
        match found {
            Some(at) => from = at + 1,
            None => problems.push(format!("{stem}: ¶{label} is not numbered in the body")),
        }
    }
    let style = lines
        .iter()
        .filter_map(|l| numbered(l))
        .find(|(n, marked, _)| *n == 1 && *marked)
        .map_or('.', |(_, _, style)| style);
    for line in &lines {
        if let Some((n, true, s)) = numbered(line)
            && s == style
            && (n == 1 || labels.contains(&(n - 1)))
            && !labels.contains(&n)
        {
            problems.push(format!("{stem}: ¶{n} missed: {}", squeeze(line)));
        }
    }
    problems
}

/// The text without its white space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The classifier: there where the body has a whole classifier line; its name a name,
/// inside the classifier line.
pub fn classifier(stem: &str, html: &str, cable: &Cable) -> Vec<String> {
    let header = &cable.header;
    let line = body_lines(html).into_iter().find(|line| {
        let upper = line.trim_start().to_ascii_uppercase();
        upper.starts_with("CLASSIFIED BY") && !upper.contains("LINE") && !upper.contains("...")
    });
    if let (Some(line), None) = (line, &header.classified_by) {
        return vec![format!("{stem}: no classifier, the body has {line:?}")];
    }
    match (&header.classified_by, &header.classified_by_name) {
        // White space aside: a name the teletype broke (`Hoyt Y ee`) is read mended.
        (Some(by), Some(name))
            if !squash(by).contains(&squash(name)) || name.split(' ').count() > 6 =>
        {
            vec![format!("{stem}: classifier name {name:?} of {by:?}")]
        }
        (None, Some(name)) => vec![format!(
            "{stem}: a classifier name {name:?} and no classifier"
        )],
        _ => Vec::new(),
    }
}
