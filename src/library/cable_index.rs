//! [`CableIndex`]: how the app names a cable of its library, apart from any other number.

/// A cable's place in its [`super::Library`] (load order, after files of one reference ID
/// are merged): what the session, the table's rows, the lists across cables, the links
/// between cables and the effects asking for a cable name a cable by.
///
/// It is not a row of the table (a position in the table's current order, which a sort
/// or a filter changes) nor a document of the corpus index: only the library hands them
/// out ([`super::Library::cables`], [`super::Library::find_id`], ...), so the compiler
/// stops a row position being taken for a cable.
///
/// ```compile_fail,E0308
/// let library = cableview::library::Library::default();
/// let row: usize = 0;
/// library.row(row); // a row of the table is not a cable
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CableIndex(usize);

impl CableIndex {
    /// The cable at `index` in the library's entries.
    #[must_use]
    pub(crate) const fn new(index: usize) -> Self {
        Self(index)
    }

    /// Its place in the library's entries.
    #[must_use]
    pub(crate) const fn get(self) -> usize {
        self.0
    }
}
