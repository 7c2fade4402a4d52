//! The library's cables by reference ID: a table of entry indices hashed by their key,
//! which holds no copy of the keys (a library of the whole release would hold 250,000).

use super::entry::Entry;
use super::refs::CableKey;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Entry indices by their cable's [`CableKey`].
#[derive(Default)]
pub(super) struct ByKey {
    table: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for ByKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ByKey({} cables)", self.table.len())
    }
}

impl ByKey {
    /// Every entry with a key; of entries sharing one, the first.
    pub(super) fn of(entries: &[Entry]) -> Self {
        let mut by_key = Self {
            table: HashTable::with_capacity(entries.len()),
            hasher: foldhash::fast::RandomState::default(),
        };
        for (i, entry) in entries.iter().enumerate() {
            let (Some(key), Ok(i)) = (entry.key(), u32::try_from(i)) else {
                continue;
            };
            let hash = by_key.hasher.hash_one(key);
            let key_of = |j: &u32| entries[*j as usize].key();
            if by_key
                .table
                .find(hash, |j| key_of(j) == Some(key))
                .is_none()
            {
                let hasher = &by_key.hasher;
                by_key
                    .table
                    .insert_unique(hash, i, |j| key_of(j).map_or(0, |k| hasher.hash_one(k)));
            }
        }
        by_key
    }

    /// The entry whose cable has this key.
    pub(super) fn get(&self, entries: &[Entry], key: &CableKey) -> Option<super::CableIndex> {
        let hash = self.hasher.hash_one(key);
        self.table
            .find(hash, |&j| entries[j as usize].key() == Some(key))
            .map(|&j| super::CableIndex::new(j as usize))
    }
}
