//! The names of the files `export --out` writes: a cable's reference ID (else its input
//! file's stem), safe for any file system, short enough for one and unique in the export.

use crate::cable::{Cable, CableId};
use std::collections::HashSet;

/// The longest stem, in bytes. File systems refuse names over 255 bytes (`NAME_MAX`); the
/// longest extension (`.displacy.json`) and a `-N` for a repeat fit in what is left.
pub const MAX_STEM: usize = 200;

/// Gives each cable its stem, one at a time in export order: the reference ID, else the
/// fallback, made safe ([`safe_stem`]) and unique (`-2`, `-3`, ... on repeats). Only the
/// stems given are kept, so a streaming export need not keep its cables.
#[derive(Debug, Default)]
pub struct Stems {
    taken: HashSet<String>,
}

impl Stems {
    /// The stem for the next cable, whose reference ID is `id` and whose input file has
    /// the stem `fallback`.
    pub fn next(&mut self, id: Option<&CableId>, fallback: Option<&str>) -> String {
        let raw = id.map(CableId::as_str).or(fallback).unwrap_or("cable");
        let base = safe_stem(raw);
        let mut stem = base.clone();
        let mut n = 1;
        while self.taken.contains(&stem) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        self.taken.insert(stem.clone());
        stem
    }
}

/// File stems for the cables: the reference ID, else the given fallback (the input's
/// file stem), made safe for a file name and unique (`-2`, `-3`, ... on repeats).
#[must_use]
pub fn stems(cables: &[Cable], fallbacks: &[String]) -> Vec<String> {
    let mut stems = Stems::default();
    cables
        .iter()
        .enumerate()
        .map(|(i, cable)| stems.next(cable.id.as_ref(), fallbacks.get(i).map(String::as_str)))
        .collect()
}

/// Keeps letters, digits, `-` and `_`; anything else becomes `_`. Never empty, never
/// hidden. A stem over [`MAX_STEM`] bytes is cut and ends with a hash of the whole `raw`,
/// so two long IDs that differ only past the cut still get names of their own.
#[must_use]
pub fn safe_stem(raw: &str) -> String {
    let mut stem: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        return "cable".to_string();
    }
    if stem.len() > MAX_STEM {
        // Only ASCII is left, so any byte is a character boundary.
        stem.truncate(MAX_STEM - 17);
        stem.push_str(&format!("-{:016x}", fnv1a(raw.as_bytes())));
    }
    stem
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and in every version, so an
/// export names its files the same way each time.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_prefer_ids_and_stay_unique() {
        let sample = crate::input::sample();
        let mut anonymous = sample.clone();
        anonymous.id = None;
        let cables = [sample.clone(), sample, anonymous.clone(), anonymous];
        let fallbacks = ["a".into(), "b".into(), "../my notes".into(), String::new()];
        assert_eq!(
            stems(&cables, &fallbacks),
            ["05PARIS2333", "05PARIS2333-2", "___my_notes", "cable"]
        );
    }

    #[test]
    fn long_ids_are_cut_and_keep_apart() {
        let long_a = CableId::new(format!("{}A", "9".repeat(299)));
        let long_b = CableId::new(format!("{}B", "9".repeat(299)));
        let mut stems = Stems::default();
        let a = stems.next(Some(&long_a), None);
        let b = stems.next(Some(&long_b), None);
        let again = stems.next(Some(&long_a), None);
        assert_eq!(a.len(), MAX_STEM);
        assert!(a.starts_with(&"9".repeat(MAX_STEM - 17)), "{a}");
        assert_ne!(a, b);
        assert_eq!(again, format!("{a}-2"));
        // The longest name an export writes still fits in 255 bytes.
        assert!(format!("{again}.displacy.json").len() <= 255);
        // A stem at the limit is left whole.
        let edge = "7".repeat(MAX_STEM);
        assert_eq!(safe_stem(&edge), edge);
        assert_eq!(safe_stem(&long_a), a);
    }
}
