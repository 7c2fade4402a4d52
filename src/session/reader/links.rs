//! Links to the other cables of a library: the header's REF items that name one, and the
//! cables whose REFs name this one. The library fills them in when it opens a cable; a
//! click on one only asks for the cable ([`super::Effect::OpenCable`]), and the library
//! follows it, so the reader knows nothing of the library.

use super::Reader;

/// A cable of the library: its index there, and its reference ID to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableLink {
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// Its reference ID (`04PARIS8983`).
    pub id: String,
}

/// One REF item of the header, with the cable it names when the library holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefItem {
    /// The item's letter, when the list is lettered.
    pub label: Option<String>,
    /// The reference as written: `04 PARIS 8983`.
    pub text: String,
    /// The cable it names, if the library holds it.
    pub target: Option<CableLink>,
}

/// What the header shows of the library around the cable being read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// The cable's REF items, in order.
    pub references: Vec<RefItem>,
    /// The cables whose REFs name this one, in library order.
    pub cited_by: Vec<CableLink>,
}

impl Links {
    /// Whether any REF item names a cable of the library.
    #[must_use]
    pub fn any_reference_link(&self) -> bool {
        self.references.iter().any(|r| r.target.is_some())
    }
}

impl Reader {
    /// Whether the reader runs inside a library session (it then knows its links).
    #[must_use]
    pub fn in_library(&self) -> bool {
        self.links.is_some()
    }
}
