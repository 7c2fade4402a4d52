//! Finding where words and runs of plain words end, fast: most bytes of a cable pass here.

use super::starts_tag;

/// Where the word starting at `start` ends: at the next space or tab, or at a tag glued
/// onto it (`PTER</a>`). A word has at least its first character, so the lexer advances.
pub(super) fn word_end(line: &str, start: usize) -> usize {
    let bytes = line.as_bytes();
    let mut end = start + utf8_len(bytes[start]);
    loop {
        while end < bytes.len() && !ENDS_WORD[usize::from(bytes[end])] {
            end += 1;
        }
        match bytes.get(end) {
            // A `<` is ASCII, so slicing the line there is always on a char boundary.
            Some(b'<') if !starts_tag(&line[end..]) => end += 1,
            _ => return bytes.len().min(end),
        }
    }
}

/// Bytes that may end a word: space, tab, and `<` when it opens a tag.
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    table[b' ' as usize] = true;
    table[b'\t' as usize] = true;
    table[b'<' as usize] = true;
    table
};

// Where the run of plain words starting at `start` ends: at a tab, at a tag, or at a
// space not followed by a plain word (a double space, `(`, a mention, the line end). A
// comma or period standing alone after a space (` ,` ` .` before a space, a tab or the
// line's end, as the tagger split them) ends the run with it: it attaches to the word
// before, so the detokenizer only drops the space before it.
//
// Most of a cable is such runs, so they are scanned many bytes at a time: looking at
// each byte made the end of every word a mispredicted branch.
#[cfg(not(target_arch = "x86_64"))]
pub(super) use run_end_by_eights as run_end;
#[cfg(target_arch = "x86_64")]
pub(super) use sixteens::run_end;

/// [`run_end`] sixteen bytes at a time with SSE2, which every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
mod sixteens {
    use super::{run_end_by_eights, starts_tag};
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };

    /// Where the run of plain words starting at `start` ends (see [`run_end_by_eights`]).
    pub(in super::super) fn run_end(line: &str, start: usize) -> usize {
        let bytes = line.as_bytes();
        let mut at = start;
        let (stops, lone) = loop {
            if let Some(chunk) = bytes.get(at..at + 16) {
                // SAFETY: SSE2 is part of the x86-64 baseline: every target of this arch has it.
                let (stops, lone) = unsafe { run_stops(chunk) };
                let (stops, lone) = (stops & 0x3FFF, lone & 0x3FFF);
                if stops | lone != 0 {
                    break (stops, lone);
                }
                // Bytes 14 and 15 lack the two bytes after them here: next round has them.
                at += 14;
                continue;
            }
            // The last bytes, padded with tabs: the first tab is where the line ends, and
            // reads as the line's end does.
            let tail = &bytes[at.min(bytes.len())..];
            let mut padded = [b'\t'; 16];
            padded[..tail.len()].copy_from_slice(tail);
            // SAFETY: as above.
            break unsafe { run_stops(&padded) };
        };
        let (first_stop, first_lone) = (stops.trailing_zeros(), lone.trailing_zeros());
        if first_lone < first_stop {
            return (at + first_lone as usize + 2).min(bytes.len());
        }
        let stop = (at + first_stop as usize).min(bytes.len());
        if bytes.get(stop) == Some(&b'<') && !starts_tag(&line[stop..]) {
            // Rare: finish this run the portable way.
            return run_end_by_eights(line, stop + 1);
        }
        stop
    }

    /// Bits for bytes 0..15 of `chunk`: where a run stops (a tab, a `<`, a space before a
    /// byte that cannot start a plain word) and where a space stands before a lone comma
    /// or period (the run ends two bytes later). Bytes 14 and 15 are only right when the
    /// chunk ends in tabs.
    #[target_feature(enable = "sse2")]
    fn run_stops(chunk: &[u8]) -> (u32, u32) {
        let half = |range: std::ops::Range<usize>| {
            i64::from_le_bytes(chunk[range].try_into().unwrap_or_default())
        };
        let v = _mm_set_epi64x(half(8..16), half(0..8));
        let splat = |byte: u8| _mm_set1_epi8(i8::from_ne_bytes([byte]));
        let mask = |m: __m128i| u32::from(_mm_movemask_epi8(m).cast_unsigned() as u16);
        let equal = |byte: u8| mask(_mm_cmpeq_epi8(v, splat(byte)));
        // Signed compares: bytes from 0x80 up are negative, so never in an ASCII range.
        let in_range = |low: u8, high: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, splat(low - 1)),
                _mm_cmplt_epi8(v, splat(high + 1)),
            )
        };
        let alphanumeric = _mm_or_si128(
            _mm_or_si128(in_range(b'0', b'9'), in_range(b'A', b'Z')),
            in_range(b'a', b'z'),
        );
        let plain = mask(alphanumeric) & !equal(b'n');
        let (spaces, tabs) = (equal(b' '), equal(b'\t'));
        let lone = spaces & ((equal(b',') | equal(b'.')) >> 1) & ((spaces | tabs) >> 2);
        let stops = tabs | equal(b'<') | (spaces & !(plain >> 1) & !lone);
        (stops, lone)
    }
}

/// Where the run of plain words starting at `start` ends, eight bytes at a time in
/// portable code.
pub(super) fn run_end_by_eights(line: &str, start: usize) -> usize {
    let bytes = line.as_bytes();
    let mut at = start;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let (stops, lone) = run_stops(word);
        // Bytes 0..5 only: the last two lack the two bytes after them here.
        let (stops, lone) = (stops & 0x0000_8080_8080_8080, lone & 0x0000_8080_8080_8080);
        if stops | lone == 0 {
            at += 6;
            continue;
        }
        let (first_stop, first_lone) = (stops.trailing_zeros(), lone.trailing_zeros());
        if first_lone < first_stop {
            return at + first_lone as usize / 8 + 2;
        }
        let stop = at + first_stop as usize / 8;
        if bytes[stop] == b'<' && !starts_tag(&line[stop..]) {
            at = stop + 1;
            continue;
        }
        return stop;
    }
    run_end_bytewise(line, at)
}

/// Whether `bytes[at]` is a comma or period standing alone: followed by a space, a tab
/// or the line's end.
fn is_lone_punctuation(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b',' | b'.'))
        && matches!(bytes.get(at + 1), None | Some(b' ' | b'\t'))
}

/// [`run_end`] one byte at a time, from any position inside the run.
fn run_end_bytewise(line: &str, from: usize) -> usize {
    let bytes = line.as_bytes();
    for at in from..bytes.len() {
        let stops = match bytes[at] {
            b'\t' => true,
            b' ' if is_lone_punctuation(bytes, at + 1) => return at + 2,
            b' ' => !bytes.get(at + 1).is_some_and(|&b| is_plain_start(b)),
            b'<' => starts_tag(&line[at..]),
            _ => false,
        };
        if stops {
            return at;
        }
    }
    bytes.len()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The high bits of bytes 0..7 (little-endian) where a run stops (a tab, a `<`, a space
/// before a byte that cannot start a plain word) and where a space stands before a lone
/// comma or period (the run ends two bytes later). Bytes 6 and 7 lack the bytes after them.
fn run_stops(word: u64) -> (u64, u64) {
    let spaces = bytes_equal(word, b' ');
    let tabs = bytes_equal(word, b'\t');
    let not_plain = !plain_bytes(word) & HIGH_BITS;
    let punctuation = bytes_equal(word, b',') | bytes_equal(word, b'.');
    let lone = spaces & (punctuation >> 8) & ((spaces | tabs) >> 16);
    let stops = tabs | bytes_equal(word, b'<') | (spaces & (not_plain >> 8) & !lone);
    (stops, lone)
}

/// The high bit of every byte equal to `byte` (exact: no carries between bytes).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let diff = word ^ (ONES * u64::from(byte));
    !(((diff & LOW_BITS) + LOW_BITS) | diff) & HIGH_BITS
}

/// The high bit of every byte that [`is_plain_start`] accepts: an ASCII letter or digit
/// other than `n`.
fn plain_bytes(word: u64) -> u64 {
    // For a byte below 0x80, adding 0x80 - low sets its high bit exactly when it is >= low.
    let at_least = |low: u8| ((word & LOW_BITS) + ONES * u64::from(0x80 - low)) & HIGH_BITS;
    let in_range = |low: u8, high: u8| at_least(low) & !at_least(high + 1);
    let alphanumeric = in_range(b'0', b'9') | in_range(b'A', b'Z') | in_range(b'a', b'z');
    alphanumeric & !bytes_equal(word, b'n') & !(word & HIGH_BITS)
}

/// Whether a word starting with this byte can join a run: it neither closes onto the
/// word before (`,` `)` `'s` `n't`) nor opens onto the next (`(` `$` `“`), and is no
/// mention, tag or quote.
pub(super) fn is_plain_start(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() && byte != b'n'
}

/// The length of the UTF-8 sequence a leading byte opens.
fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_scanned_by_eights_end_where_bytewise_scanning_does() {
        let pieces = [
            "a",
            "Word",
            "n",
            "9",
            " ",
            "  ",
            "\t",
            ",",
            "(",
            "<",
            "<br>",
            "é",
            "’",
            "[",
            "x",
            "<a id='par2' href='#par2'>¶</a>2",
            "\u{7f}",
            "Z",
            "z",
            " , ",
            " .",
            ".",
            " ,",
            "U.S.",
            "{",
            "@",
            "`",
        ];
        let mut seed: u64 = 7;
        for _ in 0..20_000 {
            let mut line = String::from("A");
            for _ in 0..(seed % 48) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let expected = run_end_bytewise(&line, 0);
            assert_eq!(run_end(&line, 0), expected, "{line:?}");
            assert_eq!(run_end_by_eights(&line, 0), expected, "{line:?}");
        }
    }

    #[test]
    fn plain_bytes_are_ascii_letters_and_digits_but_n() {
        for byte in 0..=255u8 {
            let word = u64::from(byte) << 16;
            let plain = plain_bytes(word) & (0x80 << 16) != 0;
            assert_eq!(plain, is_plain_start(byte), "byte {byte:#x}");
            let equal = bytes_equal(word, byte) & (0x80 << 16) != 0;
            assert!(equal, "byte {byte:#x}");
        }
    }
}
