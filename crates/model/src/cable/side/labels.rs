//! How a tool's entity labels (spaCy's PERSON, GPE, ...) map to cableview's kinds.

use crate::cable::EntityKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Maps a tool's labels to entity kinds. The default maps spaCy's labels: PERSON to PER,
/// GPE/LOC/FAC to LOC, ORG to ORG, NORP/EVENT/LAW/PRODUCT/WORK_OF_ART/LANGUAGE to MISC,
/// and drops the numeric ones (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL).
/// A label it does not know is kept under its own name.
///
/// The config layer can change it: deserialized from a table of label to `PER`, `ORG`,
/// `LOC`, `MISC`, any other kind name, or `""` to drop the label; entries override the
/// defaults one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMap {
    labels: BTreeMap<String, Option<EntityKind>>,
}

impl Default for LabelMap {
    fn default() -> Self {
        let mut map = LabelMap {
            labels: BTreeMap::new(),
        };
        let kinds = [
            (EntityKind::Per, &["PER", "PERSON"][..]),
            (EntityKind::Org, &["ORG"][..]),
            (EntityKind::Loc, &["LOC", "GPE", "FAC"][..]),
            (
                EntityKind::Misc,
                &[
                    "MISC",
                    "NORP",
                    "EVENT",
                    "LAW",
                    "PRODUCT",
                    "WORK_OF_ART",
                    "LANGUAGE",
                ][..],
            ),
        ];
        for (kind, labels) in kinds {
            for label in labels {
                map.set(label, Some(kind.clone()));
            }
        }
        for label in [
            "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
        ] {
            map.set(label, None);
        }
        map
    }
}

impl LabelMap {
    /// Maps `label` to `kind`, or drops the label's entities when `kind` is `None`.
    pub fn set(&mut self, label: &str, kind: Option<EntityKind>) {
        self.labels.insert(label.to_ascii_uppercase(), kind);
    }

    /// The kind for a label; `None` when the label is dropped.
    #[must_use]
    pub fn kind(&self, label: &str) -> Option<EntityKind> {
        match self.labels.get(&label.to_ascii_uppercase()) {
            Some(kind) => kind.clone(),
            None => Some(EntityKind::from_label(label)),
        }
    }
}

impl<'de> Deserialize<'de> for LabelMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = BTreeMap::<String, String>::deserialize(deserializer)?;
        let mut map = LabelMap::default();
        for (label, kind) in entries {
            let kind = kind.trim();
            let kind =
                (!kind.is_empty()).then(|| EntityKind::from_label(&kind.to_ascii_uppercase()));
            map.set(&label, kind);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_map_spacy_kinds() {
        let map = LabelMap::default();
        assert_eq!(map.kind("PERSON"), Some(EntityKind::Per));
        assert_eq!(map.kind("GPE"), Some(EntityKind::Loc));
        assert_eq!(map.kind("fac"), Some(EntityKind::Loc));
        assert_eq!(map.kind("NORP"), Some(EntityKind::Misc));
        assert_eq!(map.kind("WORK_OF_ART"), Some(EntityKind::Misc));
        assert_eq!(map.kind("DATE"), None);
        assert_eq!(map.kind("ORG"), Some(EntityKind::Org));
        assert_eq!(map.kind("TITLE"), Some(EntityKind::Other("TITLE".into())));
    }

    #[test]
    fn label_map_from_config_overrides_defaults() {
        let map: LabelMap =
            serde_json::from_str(r#"{"NORP": "", "DATE": "misc", "GPE": "ORG"}"#).unwrap();
        assert_eq!(map.kind("NORP"), None);
        assert_eq!(map.kind("DATE"), Some(EntityKind::Misc));
        assert_eq!(map.kind("GPE"), Some(EntityKind::Org));
        assert_eq!(map.kind("PERSON"), Some(EntityKind::Per));
    }
}
