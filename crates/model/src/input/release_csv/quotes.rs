//! Whether a row's bytes end inside a quoted field: a file cut short, or only a last row
//! written without quotes (which reads as any row does).

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

/// Where the reader stands in a row of the release's dialect: fields quoted with `"`,
/// `\` escaping inside quotes, a field left unquoted read as it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    Escaped,
}

/// Whether the bytes `from..to` of `file`, one row, end inside a quoted field.
pub(super) fn ends_in_quote(file: &File, from: u64, to: u64) -> io::Result<bool> {
    let mut file = file;
    file.seek(SeekFrom::Start(from))?;
    let mut state = State::FieldStart;
    for byte in BufReader::new(file.take(to - from)).bytes() {
        state = next(state, byte?);
    }
    Ok(matches!(state, State::Quoted | State::Escaped))
}

fn next(state: State, byte: u8) -> State {
    match (state, byte) {
        (State::Quoted, b'\\') => State::Escaped,
        (State::Quoted, b'"') => State::Unquoted,
        (State::Quoted, _) | (State::Escaped, _) => State::Quoted,
        (State::FieldStart, b'"') => State::Quoted,
        (_, b',' | b'\n') => State::FieldStart,
        _ => State::Unquoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_open(text: &str) -> bool {
        matches!(
            text.bytes().fold(State::FieldStart, next),
            State::Quoted | State::Escaped
        )
    }

    #[test]
    fn quotes_escapes_and_bare_fields() {
        assert!(ends_open("\"1\",\"cut sh"));
        assert!(ends_open("\"1\",\"an escaped \\\" quote"));
        assert!(!ends_open("\"1\",\"whole\"\n"));
        assert!(!ends_open(
            "1,12/28/2005,05PARIS1,Embassy Paris,SECRET,,VZCZC,body\n"
        ));
        assert!(!ends_open("1,a \"quote\" in a bare field"));
    }
}
