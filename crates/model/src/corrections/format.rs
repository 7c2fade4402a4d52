//! The overlay's text: brat standoff `T` lines and `AnnotatorNotes` saying what each does.

use super::{Correction, CorrectionsError, Span};
use crate::cable::EntityKind;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The note's prefix: notes without it are the user's own and are skipped.
const PREFIX: &str = "cableview ";

/// The overlay for `list`, numbered from 1.
pub(super) fn render(list: &[Correction]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut t = |out: &mut String, span: &Span, kind: &EntityKind| {
        next += 1;
        let text: String = span
            .text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "T{next}\t{kind} {} {}\t{text}", span.start, span.end);
        next
    };
    for (n, correction) in list.iter().enumerate() {
        let n = n + 1;
        let (id, note) = match correction {
            Correction::Relabel { mention, to } => (
                t(&mut out, mention, to),
                format!("relabel {}", mention.kind),
            ),
            Correction::NotAnEntity { mention } => (
                t(&mut out, mention, &mention.kind),
                "not-an-entity".to_string(),
            ),
            Correction::Join { mention, with } => {
                let id = t(&mut out, mention, &mention.kind);
                let other = t(&mut out, with, &with.kind);
                (id, format!("join T{other}"))
            }
            Correction::Add { mention } => (t(&mut out, mention, &mention.kind), "add".to_string()),
        };
        let _ = writeln!(out, "#{n}\tAnnotatorNotes T{id}\t{PREFIX}{note}");
    }
    out
}

/// The corrections an overlay holds, in note order. Any line out of shape is an error
/// naming it; the file itself is never changed here.
pub(super) fn parse(text: &str, file: &str) -> Result<Vec<Correction>, CorrectionsError> {
    let error = |line: usize, message: String| CorrectionsError::Syntax {
        file: file.to_string(),
        line,
        message,
    };
    let mut spans: HashMap<&str, Span> = HashMap::new();
    let mut list = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        match line.chars().next() {
            Some('T') => {
                let [id, spec, mention] = fields[..] else {
                    return Err(error(
                        line_no,
                        "expected `T1<TAB>KIND START END<TAB>TEXT`".to_string(),
                    ));
                };
                let parts: Vec<&str> = spec.split(' ').collect();
                let parsed = match parts[..] {
                    [kind, start, end] => start
                        .parse()
                        .ok()
                        .zip(end.parse().ok())
                        .map(|(s, e)| (EntityKind::from_label(kind), s, e)),
                    _ => None,
                };
                let Some((kind, start, end)) = parsed.filter(|(_, s, e)| s < e) else {
                    return Err(error(
                        line_no,
                        format!("expected `KIND START END` with START < END, found {spec:?}"),
                    ));
                };
                spans.insert(
                    id,
                    Span {
                        kind,
                        start,
                        end,
                        text: mention.to_string(),
                    },
                );
            }
            Some('#') => {
                let [_, target, note] = fields[..] else {
                    return Err(error(
                        line_no,
                        "expected `#1<TAB>AnnotatorNotes T1<TAB>NOTE`".to_string(),
                    ));
                };
                let Some(command) = note.strip_prefix(PREFIX) else {
                    continue;
                };
                let span = |id: &str| {
                    spans.get(id).cloned().ok_or_else(|| {
                        error(
                            line_no,
                            format!("the note names {id}, which no T line above defines"),
                        )
                    })
                };
                let id = target.strip_prefix("AnnotatorNotes ").unwrap_or(target);
                let mention = span(id)?;
                let words: Vec<&str> = command.split(' ').collect();
                let correction = match words[..] {
                    ["relabel", from] => Correction::Relabel {
                        to: mention.kind.clone(),
                        mention: Span {
                            kind: EntityKind::from_label(from),
                            ..mention
                        },
                    },
                    ["not-an-entity"] => Correction::NotAnEntity { mention },
                    ["join", other] => Correction::Join {
                        mention,
                        with: span(other)?,
                    },
                    ["add"] => Correction::Add { mention },
                    _ => {
                        return Err(error(
                            line_no,
                            format!(
                                "unknown correction {command:?}, expected `relabel KIND`, \
                                 `not-an-entity`, `join T2` or `add`"
                            ),
                        ));
                    }
                };
                list.push(correction);
            }
            // Blank lines, and brat's relations, events and attributes, which the
            // overlay does not use.
            _ => {}
        }
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: EntityKind, start: usize, text: &str) -> Span {
        Span {
            kind,
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
        }
    }

    #[test]
    fn every_correction_round_trips() {
        let list = vec![
            Correction::Relabel {
                mention: span(EntityKind::Per, 10, "Chirac"),
                to: EntityKind::Org,
            },
            Correction::NotAnEntity {
                mention: span(EntityKind::Loc, 40, "Bilaterally"),
            },
            Correction::Join {
                mention: span(EntityKind::Org, 60, "GOF"),
                with: span(EntityKind::Org, 90, "French government"),
            },
            Correction::Add {
                mention: span(EntityKind::Loc, 120, "Lyon"),
            },
        ];
        let text = render(&list);
        assert!(
            text.starts_with(
                "T1\tORG 10 16\tChirac\n#1\tAnnotatorNotes T1\tcableview relabel PER\n"
            )
        );
        assert_eq!(parse(&text, "x.ann").unwrap(), list);
    }

    #[test]
    fn bad_lines_are_named() {
        let error = parse("T1\tPER 10 x\tChirac\n", "x.ann").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.ann:1: expected `KIND START END` with START < END, found \"PER 10 x\""
        );
        let error = parse(
            "T1\tPER 1 2\tC\n#1\tAnnotatorNotes T9\tcableview add\n",
            "x.ann",
        )
        .unwrap_err();
        assert!(
            error.to_string().starts_with("x.ann:2: the note names T9"),
            "{error}"
        );
        let error = parse(
            "T1\tPER 1 2\tC\n#1\tAnnotatorNotes T1\tcableview paint\n",
            "x.ann",
        )
        .unwrap_err();
        assert!(
            error.to_string().starts_with("x.ann:2: unknown correction"),
            "{error}"
        );
        // The user's own notes are theirs.
        let fine = parse("T1\tPER 1 2\tC\n#1\tAnnotatorNotes T1\tchecked\n", "x.ann").unwrap();
        assert!(fine.is_empty());
    }
}
