//! The user's aliases (`aliases.toml` in the config dir): spellings that name one entity.
//!
//! ```toml
//! "United States" = ["U.S.", "US", "USA"]
//! ```
//!
//! Each key is the name an entity is shown by; its spellings, and the name itself, join
//! whatever their case and punctuation ([`spelling_key`]) and whatever the kind (an alias
//! never makes a LOC of an ORG: each kind joins on its own).
//!
//! Only the text is parsed here: the shell reads the file, so the parser's grouping,
//! which takes an [`Aliases`], depends on no module doing I/O.
//!
//! An empty list drops the name everywhere, whatever its kind: `"Embassy" = []` (applied
//! with the corrections for every cable, [`crate::corrections::Everywhere`]).

use crate::cable::entities::spelling_key;
use crate::file_error::FileError;
use std::collections::BTreeMap;
use toml::Spanned;

/// The file's name in the config dir.
pub const ALIASES_FILE: &str = "aliases.toml";

/// The alias table: spelling keys to the name they are shown by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    names: Vec<String>,
    by_key: BTreeMap<String, usize>,
    /// Each alias's name and spellings, as the file writes them.
    spellings: Vec<Vec<String>>,
    /// The names given an empty list: no entity anywhere.
    dropped: Vec<String>,
}

impl Aliases {
    /// Parses the text of an aliases file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, FileError> {
        let table: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>> =
            toml::from_str(text).map_err(|e| FileError::from_toml(file, text, &e))?;
        // The table's order is by name; report a problem at its first place in the file.
        let mut entries: Vec<_> = table.into_iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        let mut aliases = Self::default();
        for (name, spellings) in entries {
            let id = aliases.names.len();
            let shown = name.get_ref().trim().to_string();
            let place = |aliases: &mut Self, spelling: &Spanned<String>| {
                let key = spelling_key(spelling.get_ref());
                let error = |problem: String, expected: &str| {
                    FileError::at_span(
                        file,
                        text,
                        Some(spelling.span()),
                        problem,
                        Some(expected.to_string()),
                    )
                };
                if key.is_empty() {
                    return Err(error(
                        format!("no letter or digit in {:?}", spelling.get_ref()),
                        "a name or spelling with letters or digits",
                    ));
                }
                match aliases.by_key.get(&key) {
                    Some(&other) if other != id => {
                        let owner = &aliases.names[other];
                        // Say which it clashes with: an entry's name itself, or a spelling
                        // under it (`"A" is already a spelling of "A"` read as nonsense).
                        let taken = if spelling_key(owner) == key {
                            format!("already the name of the entry {owner:?}")
                        } else {
                            format!("already a spelling of {owner:?}")
                        };
                        Err(error(
                            format!("{:?} is listed twice: {taken}", spelling.get_ref()),
                            "each spelling under one name",
                        ))
                    }
                    _ => {
                        aliases.by_key.insert(key, id);
                        aliases.spellings[id].push(spelling.get_ref().trim().to_string());
                        Ok(())
                    }
                }
            };
            if spellings.get_ref().is_empty() {
                aliases.dropped.push(shown.clone());
            }
            aliases.names.push(shown);
            aliases.spellings.push(Vec::new());
            place(&mut aliases, &name)?;
            for spelling in spellings.get_ref() {
                place(&mut aliases, spelling)?;
            }
        }
        Ok(aliases)
    }

    /// The alias a spelling key belongs to, if any.
    #[must_use]
    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The name an alias is shown by.
    #[must_use]
    pub fn name(&self, alias: usize) -> &str {
        self.names.get(alias).map_or("", String::as_str)
    }

    /// An alias's name and its spellings, as the file writes them (the name first).
    #[must_use]
    pub fn spellings(&self, alias: usize) -> &[String] {
        self.spellings.get(alias).map_or(&[], Vec::as_slice)
    }

    /// The names given an empty list (`"Embassy" = []`): they are no entity anywhere.
    pub fn dropped(&self) -> impl Iterator<Item = &str> {
        self.dropped.iter().map(String::as_str)
    }

    /// Whether the table is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_find_their_name() {
        let aliases = Aliases::parse(
            "\"United States\" = [\"U.S.\", \"US\", \"USA\"]\n",
            "a.toml",
        )
        .unwrap();
        let us = aliases.find("us").unwrap();
        assert_eq!(aliases.name(us), "United States");
        assert_eq!(aliases.find("united states"), Some(us));
        assert_eq!(aliases.find("usa"), Some(us));
        assert_eq!(aliases.find("france"), None);
    }

    #[test]
    fn an_empty_list_drops_the_name() {
        let aliases = Aliases::parse("Embassy = []\nUS = [\"U.S.\"]\n", "a.toml").unwrap();
        assert_eq!(aliases.dropped().collect::<Vec<_>>(), ["Embassy"]);
    }

    #[test]
    fn errors_say_where() {
        let error = Aliases::parse("a = [\"x\"]\nb = [\"X\"]\n", "aliases.toml").unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"X\" is listed twice: already a spelling of \"a\" in aliases.toml at 2:6, expected each spelling under one name"
        );
        // A name given again as another entry's spelling, and a spelling given twice.
        let error = Aliases::parse("A = [\"x\"]\nB = [\"A\"]\n", "aliases.toml").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("\"A\" is listed twice: already the name of the entry \"A\""),
            "{error}"
        );
        let error = Aliases::parse("A = [\"x\"]\nB = [\"X\"]\n", "aliases.toml").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("\"X\" is listed twice: already a spelling of \"A\""),
            "{error}"
        );
        let error = Aliases::parse("a = \"x\"\n", "aliases.toml").unwrap_err();
        assert_eq!(error.at, Some((1, 5)));
        let error = Aliases::parse("a = [\"..\"]\n", "aliases.toml").unwrap_err();
        assert!(error.to_string().contains("no letter or digit"), "{error}");
    }
}
