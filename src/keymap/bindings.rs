//! One section's bindings, both ways round: the action of a key, the keys of an action.

use super::{Key, KeymapError, qualified};
use crate::action::Bindable;
use std::collections::{BTreeMap, HashMap};

/// One section's bindings, both ways round.
#[derive(Debug, Clone)]
pub struct Bindings<A> {
    by_key: HashMap<Key, A>,
    by_action: Vec<(A, Vec<Key>)>,
}

impl<A: Bindable> Bindings<A> {
    /// Binds each action of `A` to the keys `table` gives it; `section` qualifies the
    /// names in errors (`library.quit`).
    pub(super) fn build(
        table: &BTreeMap<String, Vec<String>>,
        section: &str,
    ) -> Result<Self, KeymapError> {
        let mut by_key: HashMap<Key, A> = HashMap::new();
        let mut by_action = Vec::new();
        for action in A::BINDABLE {
            let name = action.name().unwrap_or_default();
            let mut keys = Vec::new();
            for text in table.get(name).into_iter().flatten() {
                let key = Key::parse(text).map_err(|reason| KeymapError::BadKey {
                    action: qualified(section, name),
                    key: text.clone(),
                    reason,
                })?;
                if let Some(other) = by_key.get(&key).filter(|other| *other != action) {
                    return Err(KeymapError::Conflict {
                        key: key.to_string(),
                        first: qualified(section, other.name().unwrap_or_default()),
                        second: qualified(section, name),
                    });
                }
                by_key.insert(key, action.clone());
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            by_action.push((action.clone(), keys));
        }
        Ok(Self { by_key, by_action })
    }

    /// The action bound to a key.
    #[must_use]
    pub fn get(&self, key: &Key) -> Option<&A> {
        self.by_key.get(key)
    }

    /// Takes `key` off the action it is bound to, if any.
    pub(super) fn unbind(&mut self, key: &Key) {
        if self.by_key.remove(key).is_some() {
            for (_, keys) in &mut self.by_action {
                keys.retain(|k| k != key);
            }
        }
    }

    /// The keys bound to an action, in the order written.
    #[must_use]
    pub fn keys(&self, action: &A) -> &[Key] {
        self.by_action
            .iter()
            .find(|(a, _)| a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// Every bindable action with its keys, in help order.
    pub fn iter(&self) -> impl Iterator<Item = (&A, &[Key])> {
        self.by_action.iter().map(|(a, k)| (a, k.as_slice()))
    }
}
