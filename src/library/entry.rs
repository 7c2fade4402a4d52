//! What the library keeps of one cable, and how the files of one cable become one entry.
//!
//! A folder may hold a cable twice: its annotated text and its WikiLeaks page. Files that
//! share a reference ID are one cable: the file with annotations of its own (the annotated
//! text), else the one with the most mentions (a page the tagger read), is its base, giving the document, its entities and mentions; a page (the file
//! with a creation date) gives the dates and metadata; each fills what the other lacks.

use super::index::CableEntity;
use super::refs::CableKey;
use super::table::{self, Row};
use super::{FastMap, Library};
use crate::cable::merge::absorb;
use crate::cable::{Cable, Header, Reference, Warning};
use crate::input::{self, LoadError};
use std::path::{Path, PathBuf};

/// One file of a cable.
#[derive(Debug)]
pub(super) struct Source {
    pub(super) path: PathBuf,
    /// The byte offset of the cable's row when `path` is a release CSV.
    pub(super) csv_row: Option<u64>,
    /// The whole cable, only when there is no file to read it again from.
    pub(super) cable: Option<Box<Cable>>,
    /// The key of the cable's document in the library's corpus index, when it is read
    /// from there.
    pub(super) indexed: Option<u64>,
}

/// What the library keeps of one cable.
#[derive(Debug)]
pub(super) struct Entry {
    /// Its files, the base first.
    pub(super) sources: Vec<Source>,
    pub(super) row: Row,
    pub(super) haystack: String,
    pub(super) tags: Vec<String>,
    pub(super) references: Vec<Reference>,
    /// Whether its mentions are its own (inline, a side file) rather than the tagger's:
    /// such a file is the base of a cable before one with more mentions.
    annotated: bool,
    /// The header's fields (not its text), to merge with another file of the cable;
    /// dropped once the library is built.
    meta: Option<Box<Header>>,
}

impl Entry {
    /// Summarises a cable; its entities go to the index separately.
    pub(super) fn of(path: PathBuf, mut cable: Cable, keep: bool) -> (Self, Vec<CableEntity>) {
        let entities = CableEntity::of_cable(&cable);
        let row = Row::of(&cable);
        let annotated = cable.annotated();
        let haystack = table::haystack(&cable);
        let mut meta = if keep {
            cable.header.clone()
        } else {
            std::mem::take(&mut cable.header)
        };
        meta.text = String::new();
        meta.mentions = Vec::new();
        let entry = Self {
            sources: vec![Source {
                path,
                csv_row: None,
                cable: keep.then(|| Box::new(cable)),
                indexed: None,
            }],
            row,
            haystack,
            tags: meta.tags.clone(),
            references: meta.references.clone(),
            annotated,
            meta: Some(Box::new(meta)),
        };
        (entry, entities)
    }

    /// An entry of a library on the corpus index: its row comes from the index's columns,
    /// `annotated` from the provenance the index recorded.
    pub(super) fn from_index(
        source: Source,
        row: Row,
        haystack: String,
        tags: Vec<String>,
        annotated: bool,
    ) -> Self {
        Self {
            sources: vec![source],
            row,
            haystack,
            tags,
            references: Vec::new(),
            annotated,
            meta: None,
        }
    }

    /// Keeps the header fields to merge with another file of the cable.
    pub(super) fn keep_header(&mut self, header: Header) {
        self.meta = Some(Box::new(header));
    }

    /// Summarises a cable read from a file or a release CSV's row.
    pub(super) fn at(at: input::Location, cable: Cable) -> (Self, Vec<CableEntity>) {
        let (mut entry, entities) = Self::of(at.path, cable, false);
        entry.sources[0].csv_row = at.row;
        (entry, entities)
    }

    /// The reference ID's parts, when the cable has one.
    pub(super) fn key(&self) -> Option<&CableKey> {
        self.row.key()
    }

    /// The file the cable's document comes from.
    pub(super) fn path(&self) -> &Path {
        self.sources
            .first()
            .map_or(Path::new(""), |s| s.path.as_path())
    }
}

/// Merges the entries that share a reference ID into one, in the order their first file
/// was loaded, and drops the header fields kept for merging.
pub(super) fn merge(mut slim: Vec<(Entry, Vec<CableEntity>)>) -> Vec<(Entry, Vec<CableEntity>)> {
    // Per entry, the first entry of its reference ID.
    let first: Vec<usize> = {
        let mut first_of: FastMap<&CableKey, usize> =
            FastMap::with_capacity_and_hasher(slim.len(), Default::default());
        slim.iter()
            .enumerate()
            .map(|(i, (entry, _))| match entry.key() {
                Some(key) => *first_of.entry(key).or_insert(i),
                None => i,
            })
            .collect()
    };
    // Every ID once (a release, an index): nothing to merge, nothing to move.
    if first.iter().enumerate().all(|(i, &f)| f == i) {
        for (entry, _) in &mut slim {
            entry.meta = None;
        }
        return slim;
    }
    let mut groups: Vec<Vec<(Entry, Vec<CableEntity>)>> = Vec::with_capacity(slim.len());
    let mut group_of = vec![usize::MAX; slim.len()];
    for (i, item) in slim.into_iter().enumerate() {
        if first[i] == i {
            group_of[i] = groups.len();
            groups.push(vec![item]);
        } else {
            groups[group_of[first[i]]].push(item);
        }
    }
    groups.into_iter().map(merge_group).collect()
}

fn merge_group(mut group: Vec<(Entry, Vec<CableEntity>)>) -> (Entry, Vec<CableEntity>) {
    // Stable: annotations of its own first, then most mentions, then the first loaded.
    group.sort_by_key(|(entry, _)| std::cmp::Reverse((entry.annotated, entry.row.mentions)));
    let mut files = group.into_iter();
    let Some((mut base, entities)) = files.next() else {
        unreachable!("a group holds at least one entry")
    };
    let Some(mut header) = base.meta.take() else {
        return (base, entities);
    };
    if files.len() == 0 {
        return (base, entities);
    }
    for (other, _) in files {
        if let Some(meta) = &other.meta {
            crate::cable::merge::merge_header(&mut header, meta);
        }
        base.sources.extend(other.sources);
        base.haystack.push_str(&other.haystack);
    }
    let id = base.row.id.clone();
    base.row = Row::from_parts(
        &id,
        Some(&id),
        &header,
        base.row.paragraphs,
        base.row.mentions,
    );
    base.tags.clone_from(&header.tags);
    base.references.clone_from(&header.references);
    (base, entities)
}

impl Library {
    /// Reads one file of a cable again (or clones the cable kept whole).
    pub(super) fn read(&self, source: &Source) -> Result<Cable, LoadError> {
        if let (Some(key), Some(index)) = (source.indexed, &self.index) {
            let cable = index
                .0
                .load_document(key)
                .map_err(|e| LoadError::Unreadable {
                    path: source.path.clone(),
                    source: std::io::Error::other(e.to_string()),
                })?;
            // Aliases and corrections apply as to a file read again.
            return self.options.adjust(cable);
        }
        if let Some(byte) = source.csv_row {
            // A CSV row gets them too, as a row read with the rest of its file did.
            let cable = input::release_csv::load_at_with(
                &source.path,
                byte,
                self.options.tagging,
                self.options.corpus.as_deref(),
            )?;
            return self.options.adjust(cable);
        }
        match &source.cable {
            // A cable kept whole gets the user's aliases and corrections as a file does.
            Some(cable) => self.options.adjust(Cable::clone(cable)),
            None => input::load_with(&source.path, &self.options),
        }
    }

    /// Reads every file of an entry into one cable: the base's document with the others'
    /// header fields merged in and their text for the source view. A file that cannot be
    /// read again is a warning, not a failure: the base alone is still the cable.
    pub(super) fn read_all(&self, entry: &Entry) -> Result<Cable, LoadError> {
        let [base, others @ ..] = entry.sources.as_slice() else {
            return Err(LoadError::Missing(PathBuf::new()));
        };
        let mut cable = self.read(base)?;
        if others.is_empty() {
            return Ok(cable);
        }
        cable.source_name = Some(self.source_name(base));
        for source in others {
            match self.read(source) {
                Ok(other) => absorb(&mut cable, self.source_name(source), other),
                Err(e) => cable.warnings.push(Warning {
                    line: None,
                    message: format!("another file of this cable could not be read: {e}"),
                }),
            }
        }
        Ok(cable)
    }

    /// A file's name as the source view's title shows it (a CSV's with its row).
    fn source_name(&self, source: &Source) -> String {
        let indexed = source
            .indexed
            .zip(self.index.as_ref())
            .and_then(|(key, index)| index.0.document_source(key).ok())
            .map(|(path, row)| (PathBuf::from(path), row));
        let (path, row) = match &indexed {
            Some((path, row)) => (path.as_path(), *row),
            None => (source.path.as_path(), source.csv_row),
        };
        crate::input::source_name(path, row)
    }
}

/// One file's entities, for an entity index built without a library (`cableview entities
/// DIR`), which counts the files of one cable once as the library does.
#[derive(Debug)]
pub struct FileEntities {
    key: Option<CableKey>,
    /// Annotated, then how many mentions: which file of a cable gives its entities.
    rank: (bool, usize),
    entities: Vec<CableEntity>,
}

impl FileEntities {
    /// What the index needs of a cable read from one file.
    #[must_use]
    pub fn of(cable: &Cable) -> Self {
        Self {
            key: cable.id.as_deref().and_then(CableKey::from_id),
            rank: (cable.annotated(), cable.mention_count()),
            entities: CableEntity::of_cable(cable),
        }
    }

    /// As [`FileEntities::of`], moving the cable's entity names rather than copying them.
    #[must_use]
    pub fn from_cable(cable: Cable) -> Self {
        Self {
            key: cable.id.as_deref().and_then(CableKey::from_id),
            rank: (cable.annotated(), cable.mention_count()),
            entities: CableEntity::from_cable(cable),
        }
    }
}

impl super::EntityIndex {
    /// Indexes files, one cable per reference ID: of the files sharing one, the base
    /// (annotated, then most mentions, then first) gives the entities, as in a library.
    #[must_use]
    pub fn build_files(files: Vec<FileEntities>) -> Self {
        let mut kept: Vec<FileEntities> = Vec::with_capacity(files.len());
        let mut at: FastMap<CableKey, usize> = FastMap::default();
        for file in files {
            let Some(key) = file.key.clone() else {
                kept.push(file);
                continue;
            };
            match at.get(&key) {
                Some(&i) if kept[i].rank < file.rank => kept[i] = file,
                Some(_) => {}
                None => {
                    at.insert(key, kept.len());
                    kept.push(file);
                }
            }
        }
        Self::build(kept.into_iter().map(|f| f.entities).collect())
    }
}
