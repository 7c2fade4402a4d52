//! One record of the CSV as a release row: its eight fields, each UTF-8, and a hash of them.

use super::COLUMNS;
use crate::cable::release::ReleaseRow;

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

/// A first row of column names (some copies of the release have one).
pub(super) fn is_heading(record: &csv::ByteRecord) -> bool {
    record.len() == COLUMNS
        && matches!(
            record[0].to_ascii_lowercase().as_slice(),
            b"identifier" | b"id"
        )
}

/// Why a row is not a release row.
#[derive(Debug, thiserror::Error)]
pub(super) enum RowShape {
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

/// The row's fields as a release row, or why they are not one.
pub(super) fn row_of(record: &csv::ByteRecord) -> Result<ReleaseRow, RowShape> {
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
pub(super) fn hash(record: &csv::ByteRecord) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for field in record {
        for &byte in field.iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
