//! TAGS explained: the codes in a cable's `TAGS:` line (`PTER`, `PREL`, `FR`) with their names.
//!
//! The table is `assets/tags.tsv` (columns: code, kind, name), embedded in the binary and
//! parsed once, on first use.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// The embedded table, header line included.
const TABLE: &str = include_str!("../../../assets/tags.tsv");

/// What a TAGS code classifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TagKind {
    /// A subject (`PTER`: Terrorists and Terrorism).
    Subject,
    /// A program (`KPAO`, ...).
    Program,
    /// A country or region (`FR`: France).
    Geographic,
    /// An organization (`NATO`, ...).
    Organization,
}

impl TagKind {
    fn from_name(name: &str) -> Option<Self> {
        match name {
            "subject" => Some(Self::Subject),
            "program" => Some(Self::Program),
            "geographic" => Some(Self::Geographic),
            "organization" => Some(Self::Organization),
            _ => None,
        }
    }

    /// The kind as the table writes it: `subject`, `program`, `geographic`, `organization`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Subject => "subject",
            Self::Program => "program",
            Self::Geographic => "geographic",
            Self::Organization => "organization",
        }
    }
}

impl fmt::Display for TagKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One known TAGS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagInfo {
    /// The code, upper-case: `PTER`.
    pub code: &'static str,
    /// What it classifies.
    pub kind: TagKind,
    /// Its name: `Terrorists and Terrorism`.
    pub name: &'static str,
}

/// A line of the table that could not be read, for the test that guards the asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number in `tags.tsv`.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Parses a tags table: a header line, then `code<TAB>kind<TAB>name` lines.
///
/// Returns the codes read and the lines that were not understood; a later line with
/// the same code is reported and ignored, so the first one wins.
#[must_use]
pub fn parse_table(table: &'static str) -> (HashMap<&'static str, TagInfo>, Vec<BadLine>) {
    let mut map = HashMap::new();
    let mut bad = Vec::new();
    for (index, line) in table.lines().enumerate().skip(1) {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, kind, name] = fields[..] else {
            bad.push(BadLine {
                line: number,
                message: format!("expected 3 tab-separated fields, found {}", fields.len()),
            });
            continue;
        };
        let Some(kind) = TagKind::from_name(kind) else {
            bad.push(BadLine {
                line: number,
                message: format!("unknown kind {kind:?}"),
            });
            continue;
        };
        if code.is_empty() || name.is_empty() {
            bad.push(BadLine {
                line: number,
                message: "empty code or name".to_string(),
            });
            continue;
        }
        if map.contains_key(code) {
            bad.push(BadLine {
                line: number,
                message: format!("duplicate code {code}"),
            });
            continue;
        }
        map.insert(code, TagInfo { code, kind, name });
    }
    (map, bad)
}

static TAGS: LazyLock<HashMap<&'static str, TagInfo>> = LazyLock::new(|| parse_table(TABLE).0);

/// The problems in the embedded table (empty when the asset is sound).
#[must_use]
pub fn embedded_table_problems() -> Vec<BadLine> {
    parse_table(TABLE).1
}

/// Looks a TAGS code up, ignoring case and surrounding spaces; unknown codes give `None`.
#[must_use]
pub fn lookup(code: &str) -> Option<TagInfo> {
    let code = code.trim();
    TAGS.get(code)
        .or_else(|| TAGS.get(code.to_ascii_uppercase().as_str()))
        .copied()
}

/// `PTER: Terrorists and Terrorism` for a known code, the code as it is otherwise.
#[must_use]
pub fn explain(code: &str) -> String {
    match lookup(code) {
        Some(info) => format!("{}: {}", info.code, info.name),
        None => code.to_string(),
    }
}

/// How many codes the embedded table knows.
#[must_use]
pub fn len() -> usize {
    TAGS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_sound() {
        assert_eq!(embedded_table_problems(), Vec::new());
        assert!(len() > 1000, "only {} codes", len());
    }

    #[test]
    fn sample_codes_have_names() {
        let pter = lookup("PTER").unwrap();
        assert_eq!(pter.name, "Terrorists and Terrorism");
        assert_eq!(pter.kind, TagKind::Subject);
        assert_eq!(lookup("FR").unwrap().name, "France");
        assert_eq!(lookup("FR").unwrap().kind, TagKind::Geographic);
        assert_eq!(lookup("prel").unwrap().code, "PREL");
        assert_eq!(lookup(" PREL ").unwrap().code, "PREL");
    }

    #[test]
    fn unknown_codes_are_none() {
        assert_eq!(lookup("ZZZZQ"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(explain("ZZZZQ"), "ZZZZQ");
        assert_eq!(explain("PTER"), "PTER: Terrorists and Terrorism");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let (map, bad) = parse_table(
            "code\tkind\tname\nAB\tsubject\tA b\nCD\tweird\tC d\nEF only\nAB\tsubject\tAgain\n",
        );
        assert_eq!(map.len(), 1);
        assert_eq!(map["AB"].name, "A b");
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(bad[0].message.contains("weird"));
        assert!(bad[2].message.contains("duplicate"));
    }
}
