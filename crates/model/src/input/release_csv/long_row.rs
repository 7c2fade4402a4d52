//! Stepping over a row longer than the reader holds.
//!
//! One row over the limit used to end the reading: every row after it was lost. Its bytes
//! go instead through a parser of the same dialect that keeps none of them, to where the
//! next row starts.

use csv_core::ReadRecordResult::{End, InputEmpty, OutputEndsFull, OutputFull, Record};
use std::io::{self, Read, Seek, SeekFrom};

/// Where a row that starts at `byte` ends, read through without keeping it.
pub(super) struct RowEnd {
    /// The byte after the row's terminator.
    pub byte: u64,
    /// The line feeds in the row, terminator included: the lines it takes.
    pub lines: u64,
    /// Whether the file ended before the row did.
    pub at_eof: bool,
}

/// Reads the row that starts at `byte` of `file` to its end (see [`RowEnd`]).
pub(super) fn row_end<R: Read + Seek>(file: &mut R, byte: u64) -> io::Result<RowEnd> {
    file.seek(SeekFrom::Start(byte))?;
    let mut parser = csv_core::ReaderBuilder::new()
        .double_quote(false)
        .escape(Some(b'\\'))
        .build();
    let mut input = vec![0; 1 << 16];
    // The fields go here and are dropped: only where the row ends matters.
    let (mut output, mut ends) = (vec![0; 1 << 16], [0; 64]);
    let (mut consumed, mut lines) = (0u64, 0u64);
    loop {
        let filled = file.read(&mut input)?;
        let mut chunk = &input[..filled];
        loop {
            let (result, read, _, _) = parser.read_record(chunk, &mut output, &mut ends);
            lines += memchr::memchr_iter(b'\n', &chunk[..read]).count() as u64;
            consumed += read as u64;
            chunk = &chunk[read..];
            let at = RowEnd {
                byte: byte + consumed,
                lines,
                at_eof: filled == 0,
            };
            match result {
                Record => return Ok(at),
                End => return Ok(RowEnd { at_eof: true, ..at }),
                // Given no input the parser ends the row: asking again cannot help.
                InputEmpty if filled == 0 => return Ok(at),
                InputEmpty => break,
                OutputFull | OutputEndsFull => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{MAX_ROW_BYTES, open};
    use std::io::Write;

    /// A good row with this reference ID and body.
    fn row(n: usize, body: &str) -> String {
        format!(
            "\"{n}\",\"12/28/2005 18:48\",\"05PARIS{n}\",\"Embassy Paris\",\"SECRET\",\"\",\"VZCZC\",\"S E C R E T\nSUBJECT: ROW {n}\n\n1. (S) {body}\n\"\n"
        )
    }

    #[test]
    fn a_row_over_the_limit_is_skipped_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cables.csv");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut lines = 0;
        for n in 1..=2 {
            let text = row(n, "Text.");
            lines += text.matches('\n').count();
            file.write_all(text.as_bytes()).unwrap();
        }
        // 100 MB of body, with escaped quotes and line feeds as a real body has.
        let chunk = "word \\\"quoted\\\" text\n".repeat(1 << 10);
        let big = chunk.repeat((100 << 20) / chunk.len() + 1);
        assert!(big.len() as u64 > MAX_ROW_BYTES);
        let big_row = row(3, &big);
        let big_line = lines + 1;
        lines += big_row.matches('\n').count();
        file.write_all(big_row.as_bytes()).unwrap();
        drop(big_row);
        for n in 4..=104 {
            file.write_all(row(n, "Text after.").as_bytes()).unwrap();
        }
        file.into_inner().unwrap().sync_all().unwrap();
        let rows: Vec<_> = open(&path).unwrap().collect();
        let good: Vec<_> = rows.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(good.len(), 103);
        assert_eq!(good[2].row.reference_id, "05PARIS4");
        assert_eq!(
            good[2].line as usize,
            lines + 1,
            "lines are counted through the long row"
        );
        assert_eq!(good.last().unwrap().row.reference_id, "05PARIS104");
        let errors: Vec<_> = rows.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line as usize, big_line);
        assert_eq!(
            errors[0].reason,
            "a row of 100 MB, longer than the 64 MB limit: skipped"
        );
        // The rows after it read again where they were found.
        let again = super::super::read_at(&path, good[2].byte).unwrap();
        assert_eq!(again.reference_id, "05PARIS4");
    }

    #[test]
    fn a_quote_left_open_runs_to_the_end_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cables.csv");
        let open_quote = format!(
            "\"1\",\"{}",
            "x".repeat((MAX_ROW_BYTES + (2 << 20)) as usize)
        );
        std::fs::write(&path, format!("{}{open_quote}\n", row(1, "A."))).unwrap();
        let rows: Vec<_> = open(&path).unwrap().collect();
        assert_eq!(
            rows.len(),
            2,
            "{:?}",
            rows.iter().map(|r| r.as_ref().err()).collect::<Vec<_>>()
        );
        assert!(rows[0].is_ok());
        let error = rows[1].as_ref().unwrap_err();
        assert!(
            error.reason.contains("runs to the end of the file"),
            "{}",
            error.reason
        );
    }
}
