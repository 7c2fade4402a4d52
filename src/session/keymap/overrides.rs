//! The key tables of a keymap file or a config's `[keys]`: the reader's actions at the
//! top level, the library's in a `library` table.

use super::LIBRARY;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Key lists by action name, as a keymap file or a config's `[keys]` writes them: the
/// reader's actions at the top level, the library's in a `library` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KeyOverrides {
    /// The reader's actions.
    #[serde(flatten)]
    pub reader: BTreeMap<String, Vec<String>>,
    /// The library's actions.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub library: BTreeMap<String, Vec<String>>,
}

impl<'de> Deserialize<'de> for KeyOverrides {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let sections: Sections<String, Vec<String>> = Sections::deserialize(deserializer)?;
        Ok(Self {
            reader: sections.reader,
            library: sections.library,
        })
    }
}

/// A key table split into its two sections. Read entry by entry, so an error in a
/// value keeps the place the TOML reader gives it (`quit = "q"` at 2:8).
#[derive(Debug)]
pub(crate) struct Sections<K, V> {
    /// Entries at the top level.
    pub reader: BTreeMap<K, V>,
    /// Entries of the `library` table.
    pub library: BTreeMap<K, V>,
}

/// A key of a key table that can say its name (a plain or a spanned string).
pub(crate) trait EntryName {
    /// The name as written.
    fn entry_name(&self) -> &str;
}

impl EntryName for String {
    fn entry_name(&self) -> &str {
        self
    }
}

impl EntryName for toml::Spanned<String> {
    fn entry_name(&self) -> &str {
        self.get_ref()
    }
}

impl<'de, K, V> Deserialize<'de> for Sections<K, V>
where
    K: Deserialize<'de> + Ord + EntryName,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SectionsVisitor<K, V>(std::marker::PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for SectionsVisitor<K, V>
        where
            K: Deserialize<'de> + Ord + EntryName,
            V: Deserialize<'de>,
        {
            type Value = Sections<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of action = [keys], with a [library] table")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut reader = BTreeMap::new();
                let mut library = BTreeMap::new();
                while let Some(name) = map.next_key::<K>()? {
                    if name.entry_name() == LIBRARY {
                        let entries: BTreeMap<K, V> = map.next_value()?;
                        library.extend(entries);
                    } else {
                        let value: V = map.next_value()?;
                        reader.insert(name, value);
                    }
                }
                Ok(Sections { reader, library })
            }
        }

        deserializer.deserialize_map(SectionsVisitor(std::marker::PhantomData))
    }
}
