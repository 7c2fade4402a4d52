//! The tagger's tokens: white-space separated words with punctuation split off, as the
//! training side cuts them too (it runs this same code), and the sentences the decoder
//! labels one at a time.

use std::ops::Range;

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its bytes in the text.
    pub bytes: Range<usize>,
    /// Whether the line it stands on has no lower-case letter: headers, and every old
    /// cable, are written in capitals, where case says nothing about names.
    pub caps_line: bool,
}

/// Words that keep their final period: titles and abbreviations before a name.
const ABBREVIATIONS: [&str; 28] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "maj", "capt", "adm", "amb", "sen", "rep",
    "gov", "pres", "jr", "sr", "no", "inc", "ltd", "co", "corp", "dept", "vs", "sgt", "prof", "mt",
];

fn opens(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '<' | '«')
}

fn closes(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '”' | '’' | ',' | ';' | ':' | '!' | '?' | '>' | '»'
    )
}

/// Cuts a text into tokens, in order.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let caps_line = !line.chars().any(char::is_lowercase);
        for word in line.split_whitespace() {
            // split_whitespace gives slices of `line`: their offset is found from the pointer.
            let start = word.as_ptr() as usize - line.as_ptr() as usize;
            split_word(word, line_start + start, caps_line, &mut tokens);
        }
        line_start += line.len();
    }
    tokens
}

fn split_word(word: &str, offset: usize, caps_line: bool, tokens: &mut Vec<Token>) {
    let push = |tokens: &mut Vec<Token>, range: Range<usize>| {
        tokens.push(Token {
            bytes: offset + range.start..offset + range.end,
            caps_line,
        });
    };
    let mut start = 0;
    let mut end = word.len();
    // Opening punctuation, one token each.
    while let Some(c) = word[start..end].chars().next() {
        if !opens(c) || start + c.len_utf8() == end {
            break;
        }
        push(tokens, start..start + c.len_utf8());
        start += c.len_utf8();
    }
    // Closing punctuation, peeled from the end and pushed afterwards in order.
    let mut trailing = Vec::new();
    loop {
        let rest = &word[start..end];
        let Some(c) = rest.chars().next_back() else {
            break;
        };
        if rest.len() == c.len_utf8() {
            break;
        }
        if closes(c) {
            end -= c.len_utf8();
            trailing.push(end..end + c.len_utf8());
        } else if c == '.' {
            let dots = rest.len() - rest.trim_end_matches('.').len();
            if dots == rest.len() {
                break;
            }
            let stem = &rest[..rest.len() - dots];
            if dots == 1 && keeps_period(stem) {
                break;
            }
            end -= dots;
            trailing.push(end..end + dots);
        } else {
            break;
        }
    }
    let rest = &word[start..end];
    // A possessive is a token of its own: `State's` is `State` `'s`.
    let possessive = ["'s", "'S", "’s", "’S"]
        .iter()
        .find(|p| rest.len() > p.len() && rest.ends_with(*p));
    let core_end = possessive.map_or(end, |p| end - p.len());
    let mut piece = start;
    for (at, infix) in infixes(&word[start..core_end]) {
        push(tokens, piece..start + at);
        push(tokens, start + at..start + at + infix.len_utf8());
        piece = start + at + infix.len_utf8();
    }
    if piece < core_end {
        push(tokens, piece..core_end);
    }
    if core_end < end {
        push(tokens, core_end..end);
    }
    for range in trailing.into_iter().rev() {
        push(tokens, range);
    }
}

/// Where a word is cut inside, as spaCy cuts it: a hyphen or slash after a letter or
/// digit and before a letter (`US-EU`, `EUR/ERA`, but `F-16` and `1/2` stay whole).
fn infixes(word: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    (1..chars.len().saturating_sub(1)).filter_map(move |i| {
        let (at, c) = chars[i];
        let cuts = matches!(c, '-' | '/')
            && chars[i - 1].1.is_alphanumeric()
            && chars[i + 1].1.is_alphabetic();
        cuts.then_some((at, c))
    })
}

/// Whether a word keeps a final period: an initial (`J.`), a dotted abbreviation
/// (`U.S.`, `E.O.`), or a title (`Mr.`).
fn keeps_period(stem: &str) -> bool {
    stem.chars().count() == 1
        || stem.contains('.')
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(stem))
}

/// The sentences of a token list, as ranges of token indices: a sentence ends after
/// `.`, `?` or `!`, at a blank line, or after 120 tokens (headers have no full stops).
#[must_use]
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    const LONGEST: usize = 120;
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let word = &text[tokens[i].bytes.clone()];
        let blank_line_after = tokens.get(i + 1).is_some_and(|next| {
            text[tokens[i].bytes.end..next.bytes.start]
                .matches('\n')
                .count()
                > 1
        });
        let ends = matches!(word, "." | "?" | "!" | "..." | "....") || blank_line_after;
        if ends || i + 1 - start >= LONGEST {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.bytes.clone()])
            .collect()
    }

    #[test]
    fn punctuation_is_split_off_but_abbreviations_keep_their_periods() {
        assert_eq!(
            words("(C) Mr. Chirac told the U.S. Embassy's DCM: \"no,\" he said."),
            [
                "(", "C", ")", "Mr.", "Chirac", "told", "the", "U.S.", "Embassy", "'s", "DCM", ":",
                "\"", "no", ",", "\"", "he", "said", "."
            ]
        );
        assert_eq!(words("ends... J. Smith"), ["ends", "...", "J.", "Smith"]);
        assert_eq!(words("EUR/PGI -----"), ["EUR", "/", "PGI", "-----"]);
        assert_eq!(
            words("US-EU F-16s Lockheed-Martin's"),
            ["US", "-", "EU", "F-16s", "Lockheed", "-", "Martin", "'s"]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_text_and_lines_in_capitals_are_flagged() {
        let text = "SUBJECT: É TEST\nthe Élysée said";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[2].bytes.clone()], "É");
        assert!(tokens[0].caps_line && tokens[3].caps_line);
        assert!(!tokens[4].caps_line);
        assert_eq!(&text[tokens[5].bytes.clone()], "Élysée");
    }

    #[test]
    fn sentences_end_at_full_stops_and_blank_lines() {
        let text = "One two. Three\n\nFour five";
        let tokens = tokenize(text);
        assert_eq!(sentences(text, &tokens), [0..3, 3..4, 4..6]);
    }
}
