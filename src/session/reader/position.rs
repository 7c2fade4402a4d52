//! Where the reader is: an anchor that survives resizing, marks, and the saved position.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A place in the reading view: a block (0 is the header, n is the cable's n-th
/// paragraph) and a row offset within it, so a new width keeps the same text in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// 0 for the header, n for the n-th paragraph (1-based), n+1 for the signature.
    pub paragraph: usize,
    /// Rows into that block at the current width.
    pub row: usize,
}

/// An entity named by kind and name, stable across runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// The kind label: `PER`, `ORG`, ...
    pub kind: String,
    /// The entity's display name.
    pub name: String,
}

/// How the entity sidebar orders its entities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityOrder {
    /// Grouped under their kinds, most frequent first in each.
    #[default]
    Kind,
    /// Most frequent first, whatever their kind.
    Count,
}

/// Which entities the sidebar lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityScope {
    /// Every entity of the cable.
    #[default]
    Cable,
    /// Those named in the paragraph in view.
    Paragraph,
}

/// Everything about a reading session worth saving: restore it with `Reader::restore`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingPosition {
    /// 0 for the header, n for the n-th paragraph (1-based), n+1 for the signature.
    pub paragraph: usize,
    /// The scroll offset in rows from the paragraph's first row (the blank or heading
    /// rows before its text count), at the width it was saved.
    pub row: usize,
    /// The selected entity, if any.
    pub entity: Option<EntityRef>,
    /// Kind labels whose highlights are hidden.
    pub hidden_kinds: Vec<String>,
    /// Marks set with `m` + letter.
    pub marks: BTreeMap<char, Anchor>,
    /// The entity sidebar's order.
    pub entity_order: EntityOrder,
    /// The entity sidebar's scope.
    pub entity_scope: EntityScope,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_through_json_and_toml() {
        let mut position = ReadingPosition {
            paragraph: 5,
            row: 2,
            entity: Some(EntityRef {
                kind: "ORG".into(),
                name: "Hezbollah".into(),
            }),
            hidden_kinds: vec!["MISC".into()],
            marks: BTreeMap::new(),
            entity_order: EntityOrder::Count,
            entity_scope: EntityScope::Paragraph,
        };
        position.marks.insert(
            'a',
            Anchor {
                paragraph: 3,
                row: 0,
            },
        );
        let json = serde_json::to_string(&position).unwrap();
        assert_eq!(
            serde_json::from_str::<ReadingPosition>(&json).unwrap(),
            position
        );
        let toml_text = toml::to_string(&position).unwrap();
        assert_eq!(
            toml::from_str::<ReadingPosition>(&toml_text).unwrap(),
            position
        );
        assert!(json.contains(r#""entity_order":"count","entity_scope":"paragraph""#));
        assert_eq!(
            serde_json::from_str::<ReadingPosition>("{}").unwrap(),
            ReadingPosition::default()
        );
    }
}
