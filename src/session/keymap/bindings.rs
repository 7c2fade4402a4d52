//! One section's bindings, both ways round: the action of a key, the keys of an action.

use super::{Key, KeymapError, qualified};
use crate::session::action::{Action, Context};
use std::collections::{BTreeMap, HashMap};

/// One section's bindings, both ways round.
#[derive(Debug, Clone)]
pub struct Bindings {
    by_key: HashMap<Key, Action>,
    by_action: Vec<(&'static crate::session::action::Binding, Vec<Key>)>,
}

impl Bindings {
    /// Binds each action of `context` to the keys `table` gives it; `section` qualifies
    /// the names in errors (`library.quit`).
    pub(super) fn build(
        table: &BTreeMap<String, Vec<String>>,
        context: Context,
        section: &str,
    ) -> Result<Self, KeymapError> {
        let mut by_key: HashMap<Key, Action> = HashMap::new();
        let mut by_action = Vec::new();
        for binding in context.bindable() {
            let (action, name) = (&binding.action, binding.name);
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
                        first: qualified(section, context.binding(other).map_or("", |b| b.name)),
                        second: qualified(section, name),
                    });
                }
                by_key.insert(key, action.clone());
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            by_action.push((binding, keys));
        }
        Ok(Self { by_key, by_action })
    }

    /// The action bound to a key.
    #[must_use]
    pub fn get(&self, key: &Key) -> Option<&Action> {
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
    pub fn keys(&self, action: &Action) -> &[Key] {
        self.by_action
            .iter()
            .find(|(b, _)| b.action == *action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// Every bindable action with its keys, in help order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static crate::session::action::Binding, &[Key])> {
        self.by_action.iter().map(|(b, k)| (*b, k.as_slice()))
    }
}
