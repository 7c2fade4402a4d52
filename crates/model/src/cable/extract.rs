//! The release's metadata block, the "partial extract" form: `id: 14485 date: 3/2/2004
//! 22:05 refid: 04BOGOTA2313 origin: Embassy Bogota classification: SECRET destination:
//! 04BOGOTA2300 header: ... header ends`, on one line or several, at the top of a page's
//! body, an annotated file or a plain text (and inside some CSV bodies).
//!
//! Whatever the input kind, the block is the authority for the reference ID, the date,
//! the origin, the classification and the REFs (its `destination`, which the release
//! fills with the IDs the cable cites), as a page's table and a CSV row's columns are.

use super::CableId;
use super::page::Meta;
use super::refs::CableKey;
use super::release::iso_date;

/// The block's keys, in the order the release writes them.
const KEYS: [&str; 7] = [
    "id",
    "date",
    "refid",
    "origin",
    "classification",
    "destination",
    "header",
];

/// What the block says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extract {
    /// The ID, date, origin and classification, as a page's table gives them.
    pub meta: Meta,
    /// The cited IDs (`destination:`), as the release's REF column writes them.
    pub references: String,
}

/// The block in `text`, if it has one: a `refid:` whose value is a reference ID, with a
/// date or a classification beside it. Words are read up to `header:` (the routing
/// header's own text follows) or the `header ends` rule, and an annotated file's entity
/// brackets (`Embassy [LOC Bogota  ]`) are taken off the values.
pub(crate) fn read(text: &str) -> Option<Extract> {
    let at = refid_key(text)?;
    // `id:` and `date:` stand before `refid:`, a line or a few words back.
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(80)
        .map_or(0, |(i, _)| i);
    let mut fields: [Vec<&str>; KEYS.len()] = Default::default();
    let mut current: Option<usize> = None;
    let mut words = text[start..].split_whitespace().peekable();
    while let Some(word) = words.next() {
        if word == "header" && words.peek().is_some_and(|w| w.starts_with("ends")) {
            break;
        }
        let key = word.strip_suffix(':').or_else(|| {
            // A tokenizer's `id :`.
            (words.peek() == Some(&":")).then_some(word)
        });
        if let Some(i) = key.and_then(|k| KEYS.iter().position(|known| *known == k)) {
            if !word.ends_with(':') {
                words.next();
            }
            if KEYS[i] == "header" {
                break;
            }
            current = Some(i);
            continue;
        }
        // Words before the first key belong to the text before the block.
        if let Some(i) = current
            && !is_bracket(word)
        {
            fields[i].push(word);
        }
    }
    let value = |key: &str| {
        let i = KEYS.iter().position(|k| *k == key)?;
        let value = fields[i].join(" ");
        (!value.is_empty()).then_some(value)
    };
    let reference_id = value("refid").filter(|id| CableKey::from_id(id).is_some())?;
    let created = value("date");
    let classification = value("classification");
    if created.is_none() && classification.is_none() {
        return None;
    }
    Some(Extract {
        meta: Meta {
            reference_id: Some(CableId::new(reference_id)),
            created: created.map(|d| iso_date(&d).unwrap_or(d)),
            released: None,
            classification,
            origin: value("origin"),
            routing: None,
        },
        references: value("destination").unwrap_or_default(),
    })
}

/// Where the first `refid:` (or `refid :`) key starts, at a word's start. Most texts
/// have none and are searched to their end, so with memchr's vector search.
fn refid_key(text: &str) -> Option<usize> {
    memchr::memmem::find_iter(text.as_bytes(), b"refid").find(|&at| {
        let after = text[at + "refid".len()..].trim_start_matches([' ', '\t']);
        let word_start = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '>');
        word_start && after.starts_with(':')
    })
}

/// An entity bracket's own token: `[LOC` opens one, `]` closes it.
fn is_bracket(word: &str) -> bool {
    word == "]"
        || word.strip_prefix('[').is_some_and(|label| {
            (2..=6).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_on_its_lines() {
        // 09QUITO103 in the release's CSV, whose body repeats the block.
        let text = "REF: QUITO 100 \n ...\n\n\nid: 191415\ndate: 2/10/2009 23:25\nrefid: \
            09QUITO103\norigin: Embassy Quito\nclassification: SECRET//NOFORN\ndestination: \
            09QUITO100\nheader:\nVZCZCXYZ0000\nOO RUEHWEB\n\n--- header ends ---\n\nS E C R E T";
        let extract = read(text).unwrap();
        assert_eq!(extract.meta.reference_id.as_deref(), Some("09QUITO103"));
        assert_eq!(extract.meta.created.as_deref(), Some("2009-02-10 23:25"));
        assert_eq!(extract.meta.origin.as_deref(), Some("Embassy Quito"));
        assert_eq!(
            extract.meta.classification.as_deref(),
            Some("SECRET//NOFORN")
        );
        assert_eq!(extract.references, "09QUITO100");
    }

    #[test]
    fn the_block_on_one_line_with_entity_brackets() {
        // 04BOGOTA2313's page body, as the annotated pipeline writes it.
        let text = "<code><pre>id: 14485 date: 3/2/2004 22:05 refid: 04BOGOTA2313 origin: \
            Embassy [LOC Bogota  ] classification: SECRET destination: header: This record is \
            a partial extract of the original cable. \n----- header ends ----- S E C R E T";
        let extract = read(text).unwrap();
        assert_eq!(extract.meta.reference_id.as_deref(), Some("04BOGOTA2313"));
        assert_eq!(extract.meta.created.as_deref(), Some("2004-03-02 22:05"));
        assert_eq!(extract.meta.origin.as_deref(), Some("Embassy Bogota"));
        assert_eq!(extract.meta.classification.as_deref(), Some("SECRET"));
        assert_eq!(extract.references, "");
    }

    #[test]
    fn words_that_only_look_like_the_block() {
        assert_eq!(read("UNCLAS\n1. (U) The refid: field is new."), None);
        assert_eq!(read("preferid: 05PARIS1 date: 1/1/2005"), None);
        assert_eq!(read("refid: 05PARIS1 origin: Embassy Paris"), None);
        assert_eq!(read(""), None);
    }
}
