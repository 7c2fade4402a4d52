//! The TAGS line read into tags: codes, codes glued together (`PHUMBA`), subject tags
//! written out in words (`HUMAN RIGHTS`) and names in parentheses, in order, once each.

use super::marking;
use crate::tags::lookup;

/// One word of the TAGS value, or a group in parentheses (`(STEINBERG, JAMES B.)`).
struct Token<'a> {
    text: &'a str,
    group: bool,
    comma_before: bool,
}

/// TAGS, upper-cased, in order, once each. Codes are written all in capitals (or all in
/// lower case in a lower-cased cable): the first word that is not one ends them.
pub(super) fn read(value: &str) -> Vec<String> {
    let mut tags = Tags::default();
    let mut lower_case = None;
    for token in tokens(value) {
        if token.comma_before {
            tags.flush();
        }
        if token.group {
            tags.flush();
            tags.push(
                token
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_ascii_uppercase(),
            );
            continue;
        }
        // `(SBU) The Charge spoke`: the first paragraph, not tags; `SUBJECT:` a new field.
        if marking::starts_with_portion_marking(token.text) || token.text.ends_with(':') {
            break;
        }
        let code = token.text.trim_matches(|c: char| !c.is_alphanumeric());
        if code.is_empty() {
            continue;
        }
        let is_code = code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let has_upper = code.chars().any(|c| c.is_ascii_uppercase());
        let has_lower = code.chars().any(|c| c.is_ascii_lowercase());
        let lower = *lower_case.get_or_insert(has_lower && !has_upper);
        let same_case = if lower { !has_upper } else { !has_lower };
        if !is_code || !same_case {
            break;
        }
        let code = code.to_ascii_uppercase();
        if code == "SIPDIS" {
            // The distribution caveat written on the TAGS line is no tag.
            tags.flush();
        } else if lookup(&code).is_some() {
            tags.flush();
            tags.push(code);
        } else if let Some(pieces) = unglue(&code) {
            tags.flush();
            pieces
                .into_iter()
                .for_each(|piece| tags.push(piece.to_string()));
        } else {
            tags.run.push(code);
        }
    }
    tags.flush();
    tags.list
}

/// The tags read so far, and the words not known as codes waiting to be joined.
#[derive(Default)]
struct Tags {
    list: Vec<String>,
    run: Vec<String>,
    last: Option<String>,
}

impl Tags {
    fn push(&mut self, tag: String) {
        self.last = Some(tag.clone());
        if !self.list.contains(&tag) {
            self.list.push(tag);
        }
    }

    /// Words that are no codes make one tag when they read as words (`HUMAN RIGHTS`,
    /// `ECONOMY AND FINANCE`); two after `OVIP` are a visitor's name (`BIDEN, JOSEPH`).
    /// Short unknown codes side by side stay apart.
    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        let words = run.len() >= 2
            && run.iter().any(|w| w.len() >= 5)
            && run
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'));
        if !words {
            run.into_iter().for_each(|w| self.push(w));
        } else if run.len() == 2 && self.last.as_deref() == Some("OVIP") {
            self.push(format!("{}, {}", run[0], run[1]));
        } else {
            self.push(run.join(" "));
        }
    }
}

/// Splits the value into words and parenthesised groups, noting the commas between.
fn tokens(value: &str) -> Vec<Token<'_>> {
    let separator = |c: char| c == ',' || c.is_whitespace();
    let mut out = Vec::new();
    let mut rest = value;
    loop {
        let trimmed = rest.trim_start_matches(separator);
        let comma_before = rest[..rest.len() - trimmed.len()].contains(',');
        rest = trimmed;
        if rest.is_empty() {
            return out;
        }
        if rest.starts_with('(')
            && !marking::starts_with_portion_marking(rest)
            && let Some(end) = rest.find(')')
        {
            out.push(Token {
                text: &rest[1..end],
                group: true,
                comma_before,
            });
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest.find(separator).unwrap_or(rest.len());
        out.push(Token {
            text: &rest[..end],
            group: false,
            comma_before,
        });
        rest = &rest[end..];
    }
}

/// Codes written without a space between them (`KFRDKIRFCVIS`, `PHUMBA`): the known codes
/// of four letters and country codes of two that make up the whole word, one of four at
/// least, so that an ordinary word is not cut into country codes.
fn unglue(word: &str) -> Option<Vec<&str>> {
    if word.len() < 6 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let pieces = split_known(word)?;
    pieces.iter().any(|p| p.len() >= 4).then_some(pieces)
}

/// The first split of `word` into known codes of four or two letters, four tried first.
fn split_known(word: &str) -> Option<Vec<&str>> {
    if word.is_empty() {
        return Some(Vec::new());
    }
    [4, 2]
        .into_iter()
        .filter(|&n| n <= word.len())
        .find_map(|n| {
            let (head, tail) = word.split_at(n);
            lookup(head)?;
            let mut rest = split_known(tail)?;
            rest.insert(0, head);
            Some(rest)
        })
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn codes_glued_together_are_split_into_known_codes() {
        // 09CAIRO2205 and 06SANJOSE2802.
        assert_eq!(
            read("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG"),
            [
                "KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"
            ]
        );
        assert_eq!(
            read("KCRM KWMN ASEC PHUMBA"),
            ["KCRM", "KWMN", "ASEC", "PHUM", "BA"]
        );
        // 02VATICAN5607: the glued repeat adds nothing new.
        assert_eq!(
            read("PREL PGOV PHUM VT VE VEPREL"),
            ["PREL", "PGOV", "PHUM", "VT", "VE"]
        );
    }

    #[test]
    fn subject_tags_in_words_stay_one_tag() {
        // 06TELAVIV2787 and 02ROME1196.
        assert_eq!(
            read("ECON ETRD PREL PGOV PTER KWBG JO IS ECONOMY AND FINANCE"),
            [
                "ECON",
                "ETRD",
                "PREL",
                "PGOV",
                "PTER",
                "KWBG",
                "JO",
                "IS",
                "ECONOMY AND FINANCE"
            ]
        );
        assert_eq!(
            read("PHUM, OPRC, OPRC, IT, ITPHUM, HUMAN RIGHTS"),
            ["PHUM", "OPRC", "IT", "HUMAN RIGHTS"]
        );
        // 05TELAVIV1580: a comma ends one.
        assert_eq!(
            read("IS, COUNTERTERRORISM, GOI EXTERNAL"),
            ["IS", "COUNTERTERRORISM", "GOI EXTERNAL"]
        );
    }

    #[test]
    fn a_visitors_name_and_a_name_in_parentheses_are_one_tag() {
        // 09SANTIAGO331; the peer's case of a lower-cased cable.
        assert_eq!(
            read("OVIP BIDEN JOSEPH PREL"),
            ["OVIP", "BIDEN, JOSEPH", "PREL"]
        );
        assert_eq!(
            read("ovip (steinberg, james b.), prel, parm"),
            ["OVIP", "STEINBERG, JAMES B.", "PREL", "PARM"]
        );
    }

    #[test]
    fn sipdis_and_unknown_short_codes_are_not_joined_or_kept() {
        // 05OTTAWA3726.
        assert_eq!(
            read("ECON ETRD PGOV CA MX SIPDIS"),
            ["ECON", "ETRD", "PGOV", "CA", "MX"]
        );
        assert_eq!(read("PREL XXYY ZZQQ"), ["PREL", "XXYY", "ZZQQ"]);
        // 04SANAA2346: a word is not cut into codes (`CO` `UNTER`).
        assert_eq!(read("YM COUNTER TERRORISM"), ["YM", "COUNTER TERRORISM"]);
    }
}
