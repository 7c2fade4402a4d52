//! brat standoff: a `.txt` (the flattened clean text) and an `.ann` per cable.
//!
//! `.ann` lines are text-bound annotations, `T1<TAB>PER 10 15<TAB>Beghal`, with character
//! offsets into the `.txt` (brat counts Unicode scalar values, as Python does). A mention
//! not from the file's own brackets has a note saying where it comes from:
//! `#1<TAB>AnnotatorNotes T1<TAB>source: tagger`.

mod conf;

pub use conf::{ConfFile, Kinds, annotation_conf, conf_files, conf_files_of, visual_conf};

use super::document::flatten;
use crate::cable::{Cable, MentionSource};
use std::fmt::Write as _;

/// The `.txt` and `.ann` pair for one cable.
#[must_use]
pub fn brat(cable: &Cable) -> (String, String) {
    let doc = flatten(cable);
    let mut ann = String::new();
    let mut notes = 0;
    for (i, m) in doc.mentions.iter().enumerate() {
        // A mention never spans a line in the model; a line break in the text field would
        // break the .ann line, so it is shown as a space there (the offsets stay exact).
        let shown: String = m
            .text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(
            ann,
            "T{}\t{} {} {}\t{shown}",
            i + 1,
            m.kind.label(),
            m.start,
            m.end
        );
        if m.source != MentionSource::Inline {
            notes += 1;
            let _ = writeln!(
                ann,
                "#{notes}\tAnnotatorNotes T{}\tsource: {}",
                i + 1,
                m.source.name()
            );
        }
    }
    (doc.text, ann)
}

/// Only the `.ann` part.
#[must_use]
pub fn ann(cable: &Cable) -> String {
    brat(cable).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ann_offsets_slice_the_txt() {
        let (txt, ann) = brat(&crate::input::sample());
        let chars: Vec<char> = txt.chars().collect();
        assert_eq!(ann.lines().count(), 169);
        assert!(
            !ann.contains("AnnotatorNotes"),
            "inline mentions need no note"
        );
        for line in ann.lines() {
            let [id, span, text] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("bad line {line:?}");
            };
            assert!(id.starts_with('T'));
            let [_, start, end] = span.split(' ').collect::<Vec<_>>()[..] else {
                panic!("bad span {span:?}");
            };
            let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
            assert_eq!(chars[start..end].iter().collect::<String>(), text);
        }
    }
}
