//! Portion markings (`(S/NF)`) and cable classifications (`S E C R E T`).

use nom::bytes::complete::{tag, take_while1};
use nom::combinator::opt;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::{Serialize, Serializer};
use std::fmt;

/// A classification level, lowest to highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Classification {
    /// UNCLASSIFIED (`U`, `UNCLAS`).
    Unclassified,
    /// SENSITIVE BUT UNCLASSIFIED (`SBU`).
    SensitiveButUnclassified,
    /// CONFIDENTIAL (`C`).
    Confidential,
    /// SECRET (`S`).
    Secret,
    /// TOP SECRET (`TS`).
    TopSecret,
}

impl Classification {
    /// The level written out, as a banner shows it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Unclassified => "UNCLASSIFIED",
            Self::SensitiveButUnclassified => "SENSITIVE BUT UNCLASSIFIED",
            Self::Confidential => "CONFIDENTIAL",
            Self::Secret => "SECRET",
            Self::TopSecret => "TOP SECRET",
        }
    }

    /// Reads a level from a portion-marking abbreviation (`S`, `TS`, `SBU`) or a full name.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        // Upper-cased without white space into a stack buffer: this runs for every
        // paragraph, and the longest name has 24 letters.
        let mut letters = [0u8; 24];
        let mut len = 0;
        for c in code.chars().filter(|c| !c.is_whitespace()) {
            if !c.is_ascii() || len == letters.len() {
                return None;
            }
            letters[len] = c.to_ascii_uppercase() as u8;
            len += 1;
        }
        match &letters[..len] {
            b"U" | b"UNCLAS" | b"UNCLASSIFIED" => Some(Self::Unclassified),
            b"SBU" | b"SENSITIVEBUTUNCLASSIFIED" => Some(Self::SensitiveButUnclassified),
            b"C" | b"CONFIDENTIAL" => Some(Self::Confidential),
            b"S" | b"SECRET" => Some(Self::Secret),
            b"TS" | b"TOPSECRET" => Some(Self::TopSecret),
            _ => None,
        }
    }
}

impl fmt::Display for Classification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A paragraph's portion marking: `S`, `S/NF`, `U//FOUO`, `S/REL NATO`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marking {
    /// The marking as written, upper-cased, without parentheses: `S/NF`.
    pub code: String,
    /// The level it starts with.
    pub level: Classification,
}

impl Marking {
    /// Builds a marking from its code, if the code starts with a known level.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_uppercase();
        let level_part = code.split('/').next().unwrap_or(&code);
        let level = Classification::from_code(level_part)?;
        Some(Self { code, level })
    }
}

impl fmt::Display for Marking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

impl Serialize for Marking {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code)
    }
}

/// The level abbreviations, longest first so `SBU` is not read as `S`.
const LEVEL_CODES: [&[u8]; 5] = [b"SBU", b"TS", b"S", b"C", b"U"];

/// `(S/NF)` or `( C )` at the start of `input`: the code as written and the rest of the
/// input (leading spaces removed). The code is a level, then optionally slashes and
/// caveat words (letters, digits, spaces, slashes).
///
/// Written over bytes rather than with combinators: every paragraph anchor is tried here,
/// and `tag_no_case` upper-cases char by char.
fn marking_code(input: &str) -> IResult<&str, &str> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag));
    let bytes = input.as_bytes();
    if bytes.first() != Some(&b'(') {
        return Err(fail());
    }
    let code_start = 1 + spaces(&bytes[1..]);
    let level = &bytes[code_start..];
    let level_len = LEVEL_CODES
        .iter()
        .find(|code| {
            level
                .get(..code.len())
                .is_some_and(|l| l.eq_ignore_ascii_case(code))
        })
        .ok_or_else(fail)?
        .len();
    let mut code_end = code_start + level_len;
    if bytes.get(code_end) == Some(&b'/') {
        code_end += bytes[code_end..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b' ' || b == b'/')
            .count();
    }
    let close = code_end + spaces(&bytes[code_end..]);
    if bytes.get(close) != Some(&b')') {
        return Err(fail());
    }
    let rest = close + 1 + spaces(&bytes[close + 1..]);
    // Every position here follows an ASCII byte, so it is a char boundary.
    Ok((&input[rest..], &input[code_start..code_end]))
}

/// How many spaces and tabs `bytes` starts with.
fn spaces(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Whether `input` starts with a portion marking; [`portion_marking`] without building it.
pub(crate) fn starts_with_portion_marking(input: &str) -> bool {
    marking_code(input).is_ok_and(|(_, code)| {
        let code = code.trim();
        Classification::from_code(code.split('/').next().unwrap_or(code)).is_some()
    })
}

/// Parses a portion marking in parentheses at the start of `input`, such as `(S/NF)` or
/// `( C )`, and returns it with the rest of the input (leading spaces removed).
pub(crate) fn portion_marking(input: &str) -> IResult<&str, Marking> {
    let (rest, code) = marking_code(input)?;
    match Marking::from_code(code.trim_end()) {
        Some(marking) => Ok((rest, marking)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Parses a cable classification at the start of a header, spaced out or not:
/// `S E C R E T`, `C O N F I D E N T I A L`, `UNCLAS`, `SECRET//NOFORN`, `S e c r e t`.
/// Returns the level and any `//` caveat.
pub(crate) fn classification(input: &str) -> IResult<&str, (Classification, Option<String>)> {
    const NAMES: [&str; 5] = [
        "TOP SECRET",
        "UNCLASSIFIED",
        "UNCLAS",
        "CONFIDENTIAL",
        "SECRET",
    ];
    let trimmed = input.trim_start();
    for name in NAMES {
        if let Some(rest) = spaced_word(trimmed, name) {
            let level = Classification::from_code(name).unwrap_or(Classification::Unclassified);
            let (rest, caveat) = opt(preceded(
                tag("//"),
                take_while1(|c: char| c.is_ascii_alphanumeric() || c == '/'),
            ))
            .parse(rest)?;
            return Ok((rest, (level, caveat.map(str::to_ascii_uppercase))));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// Matches `word` at the start of `input` case-insensitively, either written plainly or
/// with one space between letters, and ending at a word boundary.
fn spaced_word<'a>(input: &'a str, word: &str) -> Option<&'a str> {
    let plain = word.len();
    if input.len() >= plain
        && input.is_char_boundary(plain)
        && input[..plain].eq_ignore_ascii_case(word)
        && !input[plain..].starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return Some(&input[plain..]);
    }
    let mut rest = input;
    for (i, letter) in word.chars().filter(|c| *c != ' ').enumerate() {
        if i > 0 {
            rest = rest.strip_prefix(' ')?;
        }
        let first = rest.chars().next()?;
        if !first.eq_ignore_ascii_case(&letter) {
            return None;
        }
        rest = &rest[first.len_utf8()..];
    }
    (!rest.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::branch::alt;
    use nom::bytes::complete::{tag_no_case, take_while};
    use nom::character::complete::{char, space0};
    use nom::combinator::recognize;
    use nom::sequence::delimited;
    use proptest::prelude::*;

    /// The marking grammar written with combinators, to check the byte version against.
    fn reference_marking_code(input: &str) -> IResult<&str, &str> {
        let level = alt((
            tag_no_case("SBU"),
            tag_no_case("TS"),
            tag_no_case("S"),
            tag_no_case("C"),
            tag_no_case("U"),
        ));
        let caveat = recognize((
            take_while1(|c| c == '/'),
            take_while(|c: char| c.is_ascii_alphanumeric() || c == ' ' || c == '/'),
        ));
        let (rest, code) = delimited(
            (char('('), space0),
            recognize((level, opt(caveat))),
            (space0, char(')')),
        )
        .parse(input)?;
        let (rest, _) = space0(rest)?;
        Ok((rest, code))
    }

    proptest! {
        #[test]
        fn byte_grammar_matches_the_combinators(
            input in "[( )/\tSsBbTtCcUuNnFfXé.]{0,12}[a-z ]{0,3}"
        ) {
            prop_assert_eq!(
                marking_code(&input).ok(),
                reference_marking_code(&input).ok()
            );
        }
    }

    #[test]
    fn portion_markings_with_and_without_spaces() {
        let (rest, m) = portion_marking("(S) Summary").unwrap();
        assert_eq!(
            (m.code.as_str(), m.level, rest),
            ("S", Classification::Secret, "Summary")
        );
        let (_, m) = portion_marking("( S/NF ) Embassy").unwrap();
        assert_eq!(m.code, "S/NF");
        let (_, m) = portion_marking("(SBU) x").unwrap();
        assert_eq!(m.level, Classification::SensitiveButUnclassified);
        let (_, m) = portion_marking("(U//FOUO) x").unwrap();
        assert_eq!(m.code, "U//FOUO");
        let (_, m) = portion_marking("(S/REL NATO) x").unwrap();
        assert_eq!(m.code, "S/REL NATO");
        let (_, m) = portion_marking("( u ) this").unwrap();
        assert_eq!(m.code, "U");
        let (_, m) = portion_marking("(TS) x").unwrap();
        assert_eq!(m.level, Classification::TopSecret);
    }

    #[test]
    fn parentheses_that_are_not_markings() {
        assert!(portion_marking("(ICE) agents").is_err());
        assert!(portion_marking("(Sarkozy) said").is_err());
        assert!(portion_marking("S) x").is_err());
        assert!(portion_marking("(S").is_err());
    }

    #[test]
    fn the_quick_test_agrees_with_the_parser() {
        for text in [
            "(S) Summary",
            "( S/NF ) x",
            "(SBU) x",
            "(sbu//noforn) x",
            "(S/REL NATO)",
            "(ICE) x",
            "(Sarkozy)",
            "S) x",
            "(S",
            "( u )",
            "(TS)",
            "(C/ /)",
            "(U//FOUO) x",
            "(SX) x",
            "(",
        ] {
            assert_eq!(
                starts_with_portion_marking(text),
                portion_marking(text).is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn classifications_spaced_and_plain() {
        let (rest, (level, caveat)) = classification("S E C R E T SECTION 01").unwrap();
        assert_eq!(
            (level, caveat, rest),
            (Classification::Secret, None, " SECTION 01")
        );
        let (_, (level, _)) = classification("C O N F I D E N T I A L MADRID").unwrap();
        assert_eq!(level, Classification::Confidential);
        let (_, (level, _)) = classification("UNCLAS SECTION").unwrap();
        assert_eq!(level, Classification::Unclassified);
        let (_, (level, caveat)) = classification("SECRET//NOFORN x").unwrap();
        assert_eq!(
            (level, caveat.as_deref()),
            (Classification::Secret, Some("NOFORN"))
        );
        let (_, (level, _)) = classification("S e c r e t berlin").unwrap();
        assert_eq!(level, Classification::Secret);
        assert!(classification("SECRETARY RICE").is_err());
        assert!(classification("STATE 124636").is_err());
    }
}
