//! The release's `cables.csv`, streamed row by row.
//!
//! Eight columns (`identifier, creation date, reference ID, origin, classification,
//! references, header, body`), every field in double quotes, a quote inside a field
//! escaped with a backslash (`\"`), fields spanning many lines, UTF-8. A row that does not
//! fit (a wrong number of fields, bytes that are not UTF-8, a file cut short inside a
//! field) is an error naming its line, and reading goes on with the next row.

use crate::cable::release::ReleaseRow;
use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::rc::Rc;

mod guarded;
mod long_row;
mod quotes;
mod row;
mod rows;

use guarded::Guarded;
use row::{hash, row_of};

/// The columns a row has.
pub const COLUMNS: usize = 8;

/// The longest row read: far above any cable (the longest are a few hundred KB), and a
/// quote left open cannot make the reader hold the rest of a 1.7 GB file.
pub const MAX_ROW_BYTES: u64 = 64 << 20;

/// Whether a path is read as a release CSV: by its `.csv` extension, any case.
#[must_use]
pub fn is_release_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// One good row and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// The byte offset the row starts at, for reading it again ([`read_at`]).
    pub byte: u64,
    /// How many bytes the row takes.
    pub len: u64,
    /// A hash of the row's fields, the same from run to run: an unchanged row is not
    /// parsed again when an index is updated.
    pub hash: u64,
    /// The columns.
    pub row: ReleaseRow,
}

/// A row that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// What was wrong, in a few words.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// The rows of a release CSV, in order; see [`open`].
pub struct Rows {
    reader: csv::Reader<Guarded<BufReader<File>>>,
    record: csv::ByteRecord,
    /// Where the current row began, shared with the guard that limits its length.
    row_start: Rc<Cell<u64>>,
    /// The file's length without trailing white space.
    content_end: u64,
    /// Whether the file's last non-blank byte closes a quoted field.
    ends_closed: bool,
    /// The file again, to read its last row's bytes when it does not end with a quote.
    file: File,
    finished: bool,
    /// A row read ahead while gathering a run of broken ones.
    pending: Option<Result<Located, RowError>>,
}

impl std::fmt::Debug for Rows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("position", self.reader.position())
            .finish_non_exhaustive()
    }
}

/// Opens a release CSV for reading row by row.
///
/// # Errors
/// When the file cannot be opened or read.
pub fn open(path: &Path) -> io::Result<Rows> {
    let mut file = crate::regular_file::open_stream(path)?;
    let (content_end, ends_closed) = tail(&mut file)?;
    let again = file.try_clone()?;
    file.seek(SeekFrom::Start(0))?;
    let row_start = Rc::new(Cell::new(0));
    let guarded = Guarded {
        inner: BufReader::with_capacity(1 << 20, file),
        read: 0,
        row_start: Rc::clone(&row_start),
    };
    Ok(Rows {
        reader: builder().from_reader(guarded),
        record: csv::ByteRecord::new(),
        row_start,
        content_end,
        ends_closed,
        file: again,
        finished: false,
        pending: None,
    })
}

/// Reads the one row that starts at byte `byte` (as [`Located::byte`] gave it).
///
/// # Errors
/// When the file cannot be read there or the row no longer reads as one.
pub fn read_at(path: &Path, byte: u64) -> io::Result<ReleaseRow> {
    read_hashed_at(path, byte).map(|(row, _)| row)
}

/// [`read_at`], with the row's [`Located::hash`]: the key an index keeps the row by.
///
/// # Errors
/// As [`read_at`].
pub fn read_hashed_at(path: &Path, byte: u64) -> io::Result<(ReleaseRow, u64)> {
    let mut file = crate::regular_file::open_stream(path)?;
    file.seek(SeekFrom::Start(byte))?;
    let guarded = Guarded {
        inner: BufReader::new(file),
        read: 0,
        row_start: Rc::new(Cell::new(0)),
    };
    let mut reader = builder().from_reader(guarded);
    let mut record = csv::ByteRecord::new();
    let invalid = |reason: String| io::Error::new(io::ErrorKind::InvalidData, reason);
    if !reader
        .read_byte_record(&mut record)
        .map_err(|e| invalid(e.to_string()))?
    {
        return Err(invalid(format!(
            "no row at byte {byte}: the file has changed"
        )));
    }
    let row = row_of(&record).map_err(|e| invalid(e.to_string()))?;
    Ok((row, hash(&record)))
}

/// The cable of the row at byte `byte` of a release CSV, for opening one cable of a
/// library or an index.
///
/// # Errors
/// When the row cannot be read again or is no cable.
pub fn load_at(
    path: &Path,
    byte: u64,
    tagging: crate::cable::Tagging,
) -> Result<crate::cable::Cable, super::LoadError> {
    load_at_with(path, byte, tagging, None)
}

/// [`load_at`], with the row's document from a collection's side file, if any.
///
/// # Errors
/// As [`load_at`], and when the document cannot be read again.
pub fn load_at_with(
    path: &Path,
    byte: u64,
    tagging: crate::cable::Tagging,
    corpus: Option<&super::SideCorpus>,
) -> Result<crate::cable::Cable, super::LoadError> {
    let row = read_at(path, byte).map_err(|source| super::LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let name = format!("{}@{byte}", crate::sanitize::path(path));
    match corpus {
        Some(corpus) => corpus.row_cable(&row, &name, tagging),
        None => Ok(crate::cable::release::cable(&row, &name, tagging)?),
    }
}

fn builder() -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .has_headers(false)
        .flexible(true)
        .double_quote(false)
        .escape(Some(b'\\'));
    builder
}

/// The file's length without trailing white space, and whether the last byte before it
/// is a quote (every field is quoted, so a whole file ends with one).
fn tail(file: &mut File) -> io::Result<(u64, bool)> {
    let len = file.seek(SeekFrom::End(0))?;
    let back = len.min(4096);
    file.seek(SeekFrom::Start(len - back))?;
    let mut buffer = Vec::with_capacity(4096);
    file.take(back).read_to_end(&mut buffer)?;
    let blank = buffer
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let end = len - blank as u64;
    let last = buffer.len().checked_sub(blank + 1).map(|i| buffer[i]);
    Ok((end, last == Some(b'"')))
}
