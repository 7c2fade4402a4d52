//! Aligning a side file's own text with the cable's, so offsets into a text that differs a
//! little (a kept `¶`, an entity decoded another way, other white space) still land.

/// Side-text character index to layout byte, for the characters that align.
pub(super) struct Alignment {
    to_layout: Vec<Option<(usize, usize)>>,
}

impl Alignment {
    /// Layout bytes of the side text's chars `start..end`: from the first aligned character
    /// to the end of the last; `None` if none of them aligns.
    pub(super) fn span(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        let chars = self.to_layout.get(start..end)?;
        let first = chars.iter().flatten().next()?;
        let last = chars.iter().rev().flatten().next()?;
        Some(first.0..last.0 + last.1)
    }
}

/// How many of the longer text's non-space characters may fail to align, in percent,
/// for the side file still to be taken as written for this cable: past it, its offsets
/// would land on the wrong words. A few characters more are allowed ([`SLACK`]), so a
/// short text with one entity decoded another way (`&not;` for `¬`) still aligns.
const MAX_UNALIGNED_PERCENT: usize = 10;
/// Unaligned characters allowed beyond [`MAX_UNALIGNED_PERCENT`].
const SLACK: usize = 16;

/// Why two texts did not align.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Misaligned {
    /// The share of the longer text's non-space characters that did align, in percent.
    pub(super) aligned_percent: usize,
}

/// Aligns the non-space characters of `side` with those of `layout`, skipping small
/// differences (a character decoded differently, a `¶`); an error when more than
/// [`MAX_UNALIGNED_PERCENT`] of them do not align (another cable's text, a text reversed).
pub(super) fn align(side: &str, layout: &str) -> Result<Alignment, Misaligned> {
    let side_chars: Vec<(usize, char)> = side
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let layout_chars: Vec<(usize, char)> = layout
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let mut to_layout = vec![None; side.chars().count()];
    let (mut i, mut j, mut misses) = (0, 0, 0usize);
    let window = |a: &[(usize, char)], b: &[(usize, char)]| {
        a.len() >= 4 && b.len() >= 4 && a[..4].iter().zip(&b[..4]).all(|(x, y)| x.1 == y.1)
    };
    while i < side_chars.len() && j < layout_chars.len() {
        if side_chars[i].1 == layout_chars[j].1 {
            let (at, c) = layout_chars[j];
            to_layout[side_chars[i].0] = Some((at, c.len_utf8()));
            i += 1;
            j += 1;
            continue;
        }
        misses += 1;
        if misses > 64 + side_chars.len() / 50 {
            break;
        }
        let skip = (1..=16).find_map(|d| {
            if window(
                &side_chars[(i + d).min(side_chars.len())..],
                &layout_chars[j..],
            ) {
                Some((d, 0))
            } else if window(
                &side_chars[i..],
                &layout_chars[(j + d).min(layout_chars.len())..],
            ) {
                Some((0, d))
            } else {
                None
            }
        });
        let (di, dj) = skip.unwrap_or((1, 1));
        i += di;
        j += dj;
    }
    let aligned = to_layout.iter().flatten().count();
    let longer = side_chars.len().max(layout_chars.len());
    if (longer - aligned) * 100 > longer * MAX_UNALIGNED_PERCENT + SLACK * 100 {
        return Err(Misaligned {
            aligned_percent: (aligned * 100).checked_div(longer).unwrap_or(0),
        });
    }
    Ok(Alignment { to_layout })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_skips_small_differences() {
        let side = "¶1. (C) Met Beghal in  Paris &not; today.";
        let layout = "1. (C) Met\nBeghal in Paris ¬ today.";
        let map = align(side, layout).unwrap();
        let at = side.chars().position(|c| c == 'B').unwrap();
        let bytes = map.span(at, at + 6).unwrap();
        assert_eq!(&layout[bytes], "Beghal");
        let at = side
            .find("today")
            .map(|b| side[..b].chars().count())
            .unwrap();
        assert_eq!(&layout[map.span(at, at + 5).unwrap()], "today");
        assert_eq!(
            align(&"a".repeat(300), &"b".repeat(300)).err(),
            Some(Misaligned { aligned_percent: 0 })
        );
    }

    #[test]
    fn another_text_or_a_reversed_one_does_not_align() {
        let cable = "1. (C) The Ambassador met Interior Minister Sarkozy in Paris on Monday \
                     to discuss counterterrorism cooperation and the Beghal case.";
        let other = "2. (S) Embassy Madrid reports that the Spanish police arrested \
                     three suspects in Barcelona after a long investigation.";
        let reversed: String = cable.chars().rev().collect();
        for side in [other, reversed.as_str()] {
            let refused = align(side, cable).err().expect("refused");
            assert!(refused.aligned_percent < 60, "{refused:?} for {side}");
        }
        // The same text with a kept ¶ and other spacing still aligns.
        let near = format!("¶{}", cable.replace(' ', "  "));
        assert!(align(&near, cable).is_ok());
        // A text that is only the first half of the cable's is not this cable's text.
        assert!(align(&cable[..cable.len() / 2], cable).is_err());
    }
}
