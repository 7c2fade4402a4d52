//! Stepping through the rows: a blank line or a heading is no row, a run of broken rows is
//! one error, a row too long is stepped over, a file cut short is said to be.

use super::row::{hash, is_heading, row_of};
use super::{Located, MAX_ROW_BYTES, RowError, Rows};
use std::io;

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
    /// The next row as the reader finds it, broken or not; blank lines and a heading skipped.
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
                && super::quotes::ends_in_quote(&self.file, start.byte(), end).unwrap_or(true)
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
        let end = match super::long_row::row_end(&mut self.reader.get_mut().inner, start.byte()) {
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

#[cfg(test)]
mod tests {
    use super::super::{open, read_at};
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
