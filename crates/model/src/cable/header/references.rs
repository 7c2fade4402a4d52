//! The REF list: one item per reference, with its label.
//!
//! Items are labelled `A.`, `(A)`, `A)`, `[A]`, `A.)`, `A:`, in either case, or with the
//! bare letter (`REF A MADRID 721 B MADRID 690`); labels come in order, so only the next
//! letter starts the next item and `STATE 60796 B` is not split on an unrelated letter. A
//! label written twice (`A. A) BOGOTA 8108`, the page generator's anchor before the
//! cable's own label) counts once. An unlabelled list is split at semicolons.

use super::Reference;

/// The items of a REF value (its lines already joined).
pub(super) fn read(value: &str) -> Vec<Reference> {
    // `A) ANKARA 11676;B) ANKARA 11279`, `213042,C) STATE 02034`: a label glued to the
    // separator before it.
    let spaced;
    let value = if value.contains([';', ',']) {
        spaced = value.replace(';', "; ").replace(',', ", ");
        spaced.as_str()
    } else {
        value
    };
    let mut words: Vec<&str> = value.split_whitespace().collect();
    // `Ref:  Ref A) Taipei 3393`: the keyword written again before the first label.
    if words.len() > 1 && words[0].eq_ignore_ascii_case("REF") && label(words[1]).is_some() {
        words.remove(0);
    }
    let bare = words.first() == Some(&"A") && words.get(1).is_some_and(|w| label(w).is_none());
    let labelled = bare
        || words
            .first()
            .and_then(|w| label(w))
            .is_some_and(|(l, _)| l == 'A');
    if !labelled {
        return value
            .split(';')
            .map(tidy)
            .filter(|text| !text.is_empty())
            .map(|text| Reference { label: None, text })
            .collect();
    }
    let label_of = |word: &str| {
        if bare {
            (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
                .then(|| (char::from(word.as_bytes()[0]), 1))
        } else {
            label(word)
        }
    };
    let mut items: Vec<(char, Vec<&str>)> = Vec::new();
    let mut expected = 'A';
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let next_label = words.get(i + 1).and_then(|w| label_of(w)).map(|(l, _)| l);
        match label_of(word) {
            Some((letter, len)) if letter == expected => {
                items.push((letter, Vec::new()));
                expected = next_letter(letter);
                push_rest(&mut items, word, len);
            }
            // A label doubled (`A. A)`), or a stray one before the expected label.
            Some((letter, len))
                if items
                    .last()
                    .is_some_and(|(l, w)| *l == letter && w.is_empty()) =>
            {
                push_rest(&mut items, word, len);
            }
            Some(_) if next_label == Some(expected) => {}
            _ => {
                if let Some((_, item)) = items.last_mut() {
                    item.push(word);
                }
            }
        }
        i += 1;
    }
    items
        .into_iter()
        .map(|(letter, words)| Reference {
            label: Some(letter.to_string()),
            text: tidy(&words.join(" ")),
        })
        .collect()
}

/// Text glued to a label (`(A)07 STATE 4837`) belongs to its item.
fn push_rest<'a>(items: &mut [(char, Vec<&'a str>)], word: &'a str, label_len: usize) {
    let rest = &word[label_len..];
    if let (false, Some((_, item))) = (rest.is_empty(), items.last_mut()) {
        item.push(rest);
    }
}

fn next_letter(letter: char) -> char {
    char::from_u32(letter as u32 + 1).unwrap_or(letter)
}

/// Whether `line` starts with the label that comes next in the list read so far: a REF
/// list goes on past a blank line or a line opening with `(C)` when it does.
pub(super) fn continues(so_far: &str, line: &str) -> bool {
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let Some((letter, _)) = label(first) else {
        return false;
    };
    let last = read(so_far).last().and_then(|r| r.label.clone());
    last.and_then(|l| l.chars().next())
        .is_some_and(|l| next_letter(l) == letter)
}

/// Whether a lettered list read so far ends with an item that has no number yet (`C) RIO`,
/// `D)`) and `line`, after a blank line, gives it one within its first words (`DE JANEIRO
/// 1291`): the page broke the item, so the list goes on.
pub(super) fn unfinished(so_far: &str, line: &str) -> bool {
    let last = read(so_far).pop();
    let open =
        last.is_some_and(|r| r.label.is_some() && !r.text.bytes().any(|b| b.is_ascii_digit()));
    open && line.split_whitespace().take(4).any(|w| {
        w.trim_end_matches([',', ';'])
            .bytes()
            .all(|b| b.is_ascii_digit())
    })
}

/// A label at the start of a word: the letter (upper-cased) and the label's length.
/// `(A)` and `[A]` may have text glued to them; the other shapes end the word.
pub(super) fn label(word: &str) -> Option<(char, usize)> {
    // `¶B.`: the page generator's anchor mark before the label.
    if let Some(rest) = word.strip_prefix('¶') {
        return label(rest).map(|(letter, len)| (letter, len + '¶'.len_utf8()));
    }
    let bytes = word.as_bytes();
    let letter_at = |i: usize| bytes.get(i).filter(|b| b.is_ascii_alphabetic());
    if let (Some(open), Some(&letter), Some(close)) = (bytes.first(), letter_at(1), bytes.get(2)) {
        let enclosed = matches!((open, close), (b'(', b')') | (b'[', b']'));
        if enclosed {
            let len = if bytes.get(3) == Some(&b'.') { 4 } else { 3 };
            return Some((char::from(letter.to_ascii_uppercase()), len));
        }
    }
    let &letter = letter_at(0)?;
    let shape_ok = matches!(&bytes[1..], b"." | b")" | b":" | b".)" | b".:");
    shape_ok.then(|| (char::from(letter.to_ascii_uppercase()), bytes.len()))
}

/// An item's text: single spaces, no trailing separator.
fn tidy(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.trim_end_matches([',', ';', '.', ' ', '"'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(value: &str) -> Vec<(Option<String>, String)> {
        read(value).into_iter().map(|r| (r.label, r.text)).collect()
    }

    fn labelled(pairs: &[(&str, &str)]) -> Vec<(Option<String>, String)> {
        pairs
            .iter()
            .map(|(l, t)| (Some((*l).to_string()), (*t).to_string()))
            .collect()
    }

    #[test]
    fn every_label_shape_splits_one_item_each() {
        let expected = labelled(&[("A", "MADRID 721"), ("B", "MADRID 690")]);
        for value in [
            "A. MADRID 721 B. MADRID 690",
            "(A) MADRID 721 (B) MADRID 690",
            "A) MADRID 721 B) MADRID 690",
            "[A] MADRID 721 [B] MADRID 690",
            "A.) MADRID 721 B.) MADRID 690",
            "A: MADRID 721 B: MADRID 690",
            "a. MADRID 721 b. MADRID 690",
            "A MADRID 721 B MADRID 690",
            "A. MADRID 721, B. MADRID 690;",
            "(A)MADRID 721 (B)MADRID 690",
            "A) MADRID 721;B) MADRID 690",
            "A. MADRID 721 ¶B. MADRID 690",
        ] {
            assert_eq!(items(value), expected, "{value}");
        }
    }

    #[test]
    fn doubled_and_stray_labels_count_once() {
        assert_eq!(
            items("A. A) BOGOTA 8108 B. B) BOGOTA 9795"),
            labelled(&[("A", "BOGOTA 8108"), ("B", "BOGOTA 9795")])
        );
        assert_eq!(
            items("A. A. STATE 1 B. STATE 2 C. STATE 3 B. D. STATE 4"),
            labelled(&[
                ("A", "STATE 1"),
                ("B", "STATE 2"),
                ("C", "STATE 3"),
                ("D", "STATE 4")
            ])
        );
    }

    #[test]
    fn letters_out_of_order_are_text() {
        assert_eq!(
            items("A. STATE 60796 C. PARIS 280 B. 04 PARIS 8983"),
            labelled(&[("A", "STATE 60796 C. PARIS 280"), ("B", "04 PARIS 8983")])
        );
        assert_eq!(
            items("A. SECTION 38(B)(1) OF THE ACT"),
            labelled(&[("A", "SECTION 38(B)(1) OF THE ACT")])
        );
    }

    #[test]
    fn unlabelled_lists_split_at_semicolons() {
        let refs = items("SECSTATE 10152; 08 LUANDA 536");
        assert_eq!(
            refs,
            [
                (None, "SECSTATE 10152".to_string()),
                (None, "08 LUANDA 536".to_string())
            ]
        );
        assert_eq!(items("PARIS 8760 AND PREVIOUS").len(), 1);
    }

    #[test]
    fn a_label_glued_to_a_comma_and_the_keyword_again_before_the_first() {
        // 02HARARE81, 05TAIPEI4305.
        assert_eq!(
            items("A) STATE 201265, B) STATE 213042,C) STATE 02034"),
            labelled(&[
                ("A", "STATE 201265"),
                ("B", "STATE 213042"),
                ("C", "STATE 02034")
            ])
        );
        assert_eq!(
            items("Ref A) Taipei 3393 B) Taipei 03793"),
            labelled(&[("A", "Taipei 3393"), ("B", "Taipei 03793")])
        );
    }

    #[test]
    fn an_item_without_its_number_is_unfinished() {
        assert!(unfinished("A) BRASILIA 2605, B) RIO", "DE JANEIRO 1291"));
        assert!(unfinished(
            "A) Taipei 3393 B)",
            "Taipei 03196 C) Taipei 03197"
        ));
        assert!(!unfinished("A) BRASILIA 2605", "DE JANEIRO 1291"));
        assert!(!unfinished(
            "A) EMBASSY PARIS REPORT",
            "The ambassador met him on 12 May"
        ));
        assert!(!unfinished("EMBASSY PARIS REPORT", "STATE 1234"));
    }

    #[test]
    fn the_next_label_continues_a_list() {
        assert!(continues("A. STATE 1", "B. STATE 2"));
        assert!(continues("(A) STATE 1 (B) STATE 2", "(C) STATE 3"));
        assert!(!continues("A. STATE 1", "(U) This"));
        assert!(!continues("STATE 1", "B. STATE 2"));
    }
}
