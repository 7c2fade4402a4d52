//! The entity table as CSV (RFC 4180 quoting): `cable,kind,name,count,paragraphs`.
//!
//! One header row, then each cable's entities in the model's order (most frequent
//! first). Paragraph labels are joined with `;`. A field that a spreadsheet would run as
//! a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return: `--Russia` is a
//! real entity name) gets a leading `'`, as OWASP advises for CSV meant for spreadsheets.

use crate::cable::Cable;

/// The column names.
pub const COLUMNS: [&str; 5] = ["cable", "kind", "name", "count", "paragraphs"];

/// The entity table of the cables, header row first, `\n` line ends.
#[must_use]
pub fn csv(cables: &[Cable]) -> String {
    let mut out = header();
    for cable in cables {
        out.push_str(&rows(cable));
    }
    out
}

/// The header row alone.
#[must_use]
pub fn header() -> String {
    let mut out = String::new();
    row(&mut out, &COLUMNS.map(str::to_string));
    out
}

/// One cable's rows of the table, without the header: what a stream of cables writes one
/// at a time.
#[must_use]
pub fn rows(cable: &Cable) -> String {
    let mut out = String::new();
    for entity in &cable.entities {
        row(
            &mut out,
            &[
                cable.title().to_string(),
                entity.kind.label().to_string(),
                entity.name.clone(),
                entity.count.to_string(),
                entity.paragraphs.join(";"),
            ],
        );
    }
    out
}

fn row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field_text(field));
    }
    out.push('\n');
}

/// One field, guarded against formulas and quoted when it must be.
#[must_use]
pub fn field_text(field: &str) -> String {
    let guarded = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    let needs_quotes = guarded.contains([',', '"', '\n', '\r'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field_text("Paris"), "Paris");
        assert_eq!(
            field_text("Diplomatic Security, Economic"),
            "\"Diplomatic Security, Economic\""
        );
        assert_eq!(field_text("the \"GOF\""), "\"the \"\"GOF\"\"\"");
        assert_eq!(field_text("two\nlines"), "\"two\nlines\"");
        assert_eq!(field_text(" padded"), "\" padded\"");
        assert_eq!(field_text(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field_text("--Russia"), "'--Russia");
        assert_eq!(field_text("=1+1"), "'=1+1");
        assert_eq!(field_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field_text("1-2"), "1-2");
    }

    #[test]
    fn sample_table_has_a_header_and_known_rows() {
        let out = csv(&[crate::input::sample()]);
        let mut lines = out.lines();
        assert_eq!(lines.next(), Some("cable,kind,name,count,paragraphs"));
        assert!(out.contains("\n05PARIS2333,LOC,France,21,"));
        assert!(out.contains("\n05PARIS2333,LOC,Paris,10,header;1;2;4;7\n"));
        assert!(out.contains("\n05PARIS2333,ORG,Hezbollah,8,5\n"));
    }
}
