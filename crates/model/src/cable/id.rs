//! A cable's reference ID as a type of its own, so it cannot be swapped with a file name,
//! a query or any other string where one is passed.

use super::CableKey;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A cable's reference ID: year (or an odd prefix such as `7575`), post and serial, as in
/// `05PARIS2333`.
///
/// It comes from the release CSV's `reference ID` column, a WikiLeaks page's table, the
/// cable's file name ([`id_from_file_name`]) or a side file's document, and is kept as
/// written there (not checked: [`CableId::key`] reads its parts when they are there). A
/// corpus index's document of a cable that had none holds the empty ID. It reads as a
/// `&str` (`Deref`) and serializes as a plain JSON string.
///
/// Where an ID is asked for, another string is not taken for one:
///
/// ```compile_fail
/// fn overlay(id: &cableview_model::cable::CableId) {}
/// overlay("05PARIS2333.txt");
/// ```
///
/// ```
/// fn overlay(id: &cableview_model::cable::CableId) {}
/// overlay(&cableview_model::cable::CableId::new("05PARIS2333"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CableId(String);

impl CableId {
    /// The ID as written.
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The ID's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ID's text, owned.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }

    /// The ID's parts (year, post, serial), when it has the shape of a reference ID.
    #[must_use]
    pub fn key(&self) -> Option<CableKey> {
        CableKey::from_id(&self.0)
    }
}

impl Deref for CableId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for CableId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for CableId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for CableId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CableId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Guesses a reference ID from a file name: `05PARIS2333.txt` gives `05PARIS2333`.
///
/// A reference ID is two or more digits (year, or an odd prefix such as `7575`),
/// upper-case letters (the post), then digits (the serial).
#[must_use]
pub fn id_from_file_name(name: &str) -> Option<CableId> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let digits = stem.bytes().take_while(u8::is_ascii_digit).count();
    let letters = stem[digits..]
        .bytes()
        .take_while(u8::is_ascii_uppercase)
        .count();
    let serial = &stem[digits + letters..];
    let looks_like_id = digits >= 2
        && letters >= 2
        && !serial.is_empty()
        && serial.bytes().all(|b| b.is_ascii_digit());
    looks_like_id.then(|| CableId::new(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_from_file_name_accepts_reference_ids() {
        assert_eq!(
            id_from_file_name("05PARIS2333.txt").as_deref(),
            Some("05PARIS2333")
        );
        assert_eq!(
            id_from_file_name("dir/7575LIBREVILLE1895.html").as_deref(),
            Some("7575LIBREVILLE1895")
        );
        assert_eq!(
            id_from_file_name("09PARTO41305").as_deref(),
            Some("09PARTO41305")
        );
    }

    #[test]
    fn id_from_file_name_rejects_other_names() {
        assert_eq!(id_from_file_name("notes.txt"), None);
        assert_eq!(id_from_file_name("PARIS2333.txt"), None);
        assert_eq!(id_from_file_name("05paris2333.txt"), None);
        assert_eq!(id_from_file_name("05PARIS.txt"), None);
        assert_eq!(id_from_file_name(""), None);
    }

    #[test]
    fn an_id_is_a_plain_json_string() {
        let id = CableId::new("05PARIS2333");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"05PARIS2333\"");
        let back: CableId = serde_json::from_str("\"05PARIS2333\"").unwrap();
        assert_eq!(back, id);
    }
}
