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

mod long_row;
mod quotes;

/// The columns a row has.
pub const COLUMNS: usize = 8;

/// The longest row read: far above any cable (the longest are a few hundred KB), and a
/// quote left open cannot make the reader hold the rest of a 1.7 GB file.
pub const MAX_ROW_BYTES: u64 = 64 << 20;

const NAMES: [&str; COLUMNS] = [
    "identifier",
    "creation date",
    "reference ID",
    "origin",
    "classification",
    "references",
    "header",
    "body",
];

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

impl Iterator for Rows {
    type Item = Result<Located, RowError>;

    /// A run of rows with the wrong number of fields is one error: a quote not escaped
    /// puts the reader out of step until the next quote, and one message says so better
    /// than one per line.
    fn next(&mut self) -> Option<Self::Item> {
        let first = match self.pending.take() {
            Some(item) => item,
            None => self.read()?,
        };
        let Err(error) = first else {
            return Some(first);
        };
        if !error.reason.starts_with("expected ") {
            return Some(Err(error));
        }
        let mut last_line = error.line;
        let mut more = 0;
        loop {
            match self.read() {
                Some(Err(e)) if e.reason.starts_with("expected ") => {
                    last_line = e.line;
                    more += 1;
                }
                other => {
                    self.pending = other;
                    break;
                }
            }
        }
        if more == 0 {
            return Some(Err(error));
        }
        Some(Err(RowError {
            line: error.line,
            reason: format!(
                "{} (and {more} more broken rows up to line {last_line}); a quote not escaped as \\\"?",
                error.reason.split(';').next().unwrap_or(&error.reason)
            ),
        }))
    }
}

impl Rows {
    fn read(&mut self) -> Option<Result<Located, RowError>> {
        loop {
            if self.finished {
                return None;
            }
            let start = self.reader.position().clone();
            self.row_start.set(start.byte());
            let line = start.line();
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => {
                    self.finished = true;
                    return None;
                }
                Ok(true) => {}
                Err(error) => {
                    let reason = match error.into_kind() {
                        csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::FileTooLarge => {
                            // Only this row is too long: step over it to the rows after.
                            return Some(Err(self.skip_long_row(&start)));
                        }
                        csv::ErrorKind::Io(e) => format!("cannot read: {e}"),
                        other => format!("{other:?}"),
                    };
                    // An I/O error leaves no place to go on from.
                    self.finished = true;
                    return Some(Err(RowError { line, reason }));
                }
            }
            let end = self.reader.position().byte();
            // A blank line between rows reads as one empty field: not a row.
            if self.record.len() == 1 && self.record[0].iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // A file that does not end with a quote was cut short inside a field, or its
            // last row is written without quotes and reads as any row does.
            if end >= self.content_end
                && !self.ends_closed
                && quotes::ends_in_quote(&self.file, start.byte(), end).unwrap_or(true)
            {
                self.finished = true;
                let reason = "the file ends inside a quoted field: cut short?".to_string();
                return Some(Err(RowError { line, reason }));
            }
            if line == 1 && is_heading(&self.record) {
                continue;
            }
            let located = row_of(&self.record).map(|row| Located {
                line,
                byte: start.byte(),
                len: end - start.byte(),
                hash: hash(&self.record),
                row,
            });
            return Some(located.map_err(|shape| RowError {
                line,
                reason: shape.to_string(),
            }));
        }
    }
}

impl Rows {
    /// Steps over the row that starts at `start`, longer than [`MAX_ROW_BYTES`], to where
    /// the next row starts, without holding it: its bytes go through a CSV parser of the
    /// same dialect that keeps nothing. The error says which row and how long.
    fn skip_long_row(&mut self, start: &csv::Position) -> RowError {
        let line = start.line();
        let over = |reason: String| RowError { line, reason };
        let limit = MAX_ROW_BYTES >> 20;
        let end = match long_row::row_end(&mut self.reader.get_mut().inner, start.byte()) {
            Ok(end) => end,
            Err(e) => {
                self.finished = true;
                return over(format!(
                    "a row longer than {limit} MB, then cannot read: {e}"
                ));
            }
        };
        let megabytes = (end.byte - start.byte() + (1 << 19)) >> 20;
        if end.at_eof {
            self.finished = true;
            return over(format!(
                "a row longer than {limit} MB ({megabytes} MB) runs to the end of the file: a quote left open?"
            ));
        }
        let mut next = csv::Position::new();
        next.set_byte(end.byte)
            .set_line(line + end.lines)
            .set_record(start.record() + 1);
        if let Err(e) = self.reader.seek(next) {
            self.finished = true;
            return over(format!(
                "a row longer than {limit} MB, then cannot read: {e}"
            ));
        }
        over(format!(
            "a row of {megabytes} MB, longer than the {limit} MB limit: skipped"
        ))
    }
}

/// A first row of column names (some copies of the release have one).
fn is_heading(record: &csv::ByteRecord) -> bool {
    record.len() == COLUMNS
        && matches!(
            record[0].to_ascii_lowercase().as_slice(),
            b"identifier" | b"id"
        )
}

/// Why a row is not a release row.
#[derive(Debug, thiserror::Error)]
enum RowShape {
    /// Not the release's number of fields.
    #[error("expected {COLUMNS} fields, found {found}{}", if *.found > COLUMNS { "; a quote not escaped as \\\"?" } else { "" })]
    Fields {
        /// How many the row has.
        found: usize,
    },
    /// A field's bytes are not UTF-8.
    #[error("the {field} field is not UTF-8 (byte {byte} of it)")]
    NotUtf8 {
        /// The field's name.
        field: &'static str,
        /// The first byte that is not, counted from 1.
        byte: usize,
    },
}

fn row_of(record: &csv::ByteRecord) -> Result<ReleaseRow, RowShape> {
    if record.len() != COLUMNS {
        return Err(RowShape::Fields {
            found: record.len(),
        });
    }
    let mut fields = Vec::with_capacity(COLUMNS);
    for (i, field) in record.iter().enumerate() {
        match std::str::from_utf8(field) {
            Ok(text) => fields.push(text.to_string()),
            Err(e) => {
                return Err(RowShape::NotUtf8 {
                    field: NAMES[i],
                    byte: e.valid_up_to() + 1,
                });
            }
        }
    }
    let mut fields = fields.into_iter();
    let mut next = || fields.next().unwrap_or_default();
    Ok(ReleaseRow {
        identifier: next(),
        created: next(),
        reference_id: next(),
        origin: next(),
        classification: next(),
        references: next(),
        header: next(),
        body: next(),
    })
}

/// FNV-1a over the fields, each ended by a byte no text holds: stable across runs and
/// versions, unlike the standard library's hasher.
fn hash(record: &csv::ByteRecord) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for field in record {
        for &byte in field.iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// A reader that refuses to go more than [`MAX_ROW_BYTES`] past the start of a row.
struct Guarded<R> {
    inner: R,
    read: u64,
    row_start: Rc<Cell<u64>>,
}

impl<R: Seek> Seek for Guarded<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.read = at;
        Ok(at)
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read.saturating_sub(self.row_start.get()) > MAX_ROW_BYTES {
            // A kind of its own, so the rows' reader knows to step over this row.
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("a row longer than {} MB", MAX_ROW_BYTES >> 20),
            ));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(text: &[u8]) -> Vec<Result<Located, RowError>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        std::fs::write(&path, text).unwrap();
        open(&path).unwrap().collect()
    }

    const ROW: &str = "\"1\",\"12/28/2005 18:48\",\"05PARIS1\",\"Embassy Paris\",\"SECRET\",\"\",\"VZCZC\",\"S E C R E T\nSUBJECT: A \\\"QUOTED\\\" WORD\n\n1. (S) Text.\n\"\n";

    #[test]
    fn quoted_multiline_rows_with_backslash_escapes_read() {
        let text = format!("{ROW}{}", ROW.replace("\"1\"", "\"2\""));
        let rows = rows_of(text.as_bytes());
        assert_eq!(rows.len(), 2);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.line, 1);
        assert_eq!(first.row.reference_id, "05PARIS1");
        assert!(first.row.body.contains("A \"QUOTED\" WORD"));
        let second = rows[1].as_ref().unwrap();
        assert_eq!(second.line, 6, "rows span lines");
        assert_ne!(first.hash, second.hash);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        std::fs::write(&path, &text).unwrap();
        assert_eq!(read_at(&path, second.byte).unwrap(), second.row);
    }

    #[test]
    fn a_short_row_is_an_error_and_the_next_row_reads() {
        let short =
            "\"1\",\"12/28/2005 18:48\",\"05PARIS1\",\"Embassy Paris\",\"SECRET\",\"\",\"x\"\n";
        let text = format!("{short}{}", ROW.replace("\"1\"", "\"2\""));
        let rows = rows_of(text.as_bytes());
        assert_eq!(
            rows[0],
            Err(RowError {
                line: 1,
                reason: "expected 8 fields, found 7".into()
            })
        );
        assert_eq!(rows[1].as_ref().unwrap().line, 2);
    }

    #[test]
    fn invalid_utf8_names_the_field() {
        let text = ROW
            .replace("Embassy Paris", "Embassy \u{0}")
            .replace('\u{0}', "");
        let mut bytes = text.into_bytes();
        let at = bytes.windows(8).position(|w| w == b"Embassy ").unwrap() + 8;
        bytes.insert(at, 0xff);
        let rows = rows_of(&bytes);
        let error = rows[0].as_ref().unwrap_err();
        assert_eq!(error.reason, "the origin field is not UTF-8 (byte 9 of it)");
    }

    #[test]
    fn a_file_cut_inside_a_field_is_an_error_on_its_last_row() {
        let text = format!("{ROW}{}", &ROW[..ROW.len() - 20]);
        let rows = rows_of(text.as_bytes());
        assert_eq!(rows.len(), 2);
        assert!(rows[0].is_ok());
        let error = rows[1].as_ref().unwrap_err();
        assert_eq!(error.line, 6);
        assert!(error.reason.contains("cut short"), "{}", error.reason);
    }

    #[test]
    fn a_last_row_without_quotes_reads_as_a_row() {
        let bare = "3,12/28/2005 18:48,05PARIS3,Embassy Paris,SECRET,,VZCZC,S E C R E T\n";
        let rows = rows_of(format!("{ROW}{bare}").as_bytes());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].as_ref().unwrap().row.reference_id, "05PARIS3");
        // Seven bare fields: what is wrong is said, not a quote never opened.
        let seven = "3,12/28/2005 18:48,05PARIS3,Embassy Paris,SECRET,,S E C R E T\n";
        let rows = rows_of(format!("{ROW}{seven}").as_bytes());
        assert_eq!(
            rows[1].as_ref().unwrap_err().reason,
            "expected 8 fields, found 7"
        );
    }

    #[test]
    fn a_heading_row_and_blank_lines_are_not_rows() {
        let heading =
            "\"identifier\",\"date\",\"id\",\"origin\",\"class\",\"refs\",\"header\",\"body\"\n\n";
        let rows = rows_of(format!("{heading}{ROW}\n").as_bytes());
        assert_eq!(rows.len(), 1);
        assert!(rows[0].is_ok());
    }
}
