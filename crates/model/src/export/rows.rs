//! A result set as CSV, a row per cable: `id, date, origin, classification, subject,
//! score` and, for `cableview search --format csv`, the snippet. One writer for the
//! search command, `export --format rows-csv` and the library's `e`, so they agree.

use super::csv::field_text;

/// The columns, the snippet last (left out when there is none to give).
pub const COLUMNS: [&str; 7] = [
    "id",
    "date",
    "origin",
    "classification",
    "subject",
    "score",
    "snippet",
];

/// One cable of a result set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResultRow<'a> {
    /// The reference ID.
    pub id: &'a str,
    /// `YYYY-MM-DD HH:MM`, or empty.
    pub date: &'a str,
    /// The sending post, or empty.
    pub origin: &'a str,
    /// The classification level, or empty.
    pub classification: &'a str,
    /// The subject line, or empty.
    pub subject: &'a str,
    /// The BM25 score, when the rows come from a query (empty otherwise).
    pub score: Option<f32>,
    /// A passage around the matches, written on one line.
    pub snippet: Option<&'a str>,
}

/// The header row, with the snippet's column when `snippet`.
#[must_use]
pub fn header(snippet: bool) -> String {
    let columns = if snippet { &COLUMNS[..] } else { &COLUMNS[..6] };
    line(columns.iter().map(|c| (*c).to_string()))
}

/// One row, RFC 4180-quoted and guarded against spreadsheet formulas as the entity
/// table is; the snippet's column only when the row has a snippet.
#[must_use]
pub fn row(row: &ResultRow<'_>) -> String {
    let score = row.score.map_or_else(String::new, |s| format!("{s:.4}"));
    let mut fields = vec![
        row.id.to_string(),
        row.date.to_string(),
        row.origin.to_string(),
        row.classification.to_string(),
        row.subject.to_string(),
        score,
    ];
    if let Some(snippet) = row.snippet {
        fields.push(snippet.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    line(fields.into_iter())
}

fn line(fields: impl Iterator<Item = String>) -> String {
    let mut out = fields.map(|f| field_text(&f)).collect::<Vec<_>>().join(",");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_quoted_and_its_score_left_empty_without_a_query() {
        assert_eq!(
            header(false),
            "id,date,origin,classification,subject,score\n"
        );
        let row = row(&ResultRow {
            id: "09PARIS1426",
            subject: "LIBYA, \"NEW\" LINE",
            origin: "=Paris",
            ..ResultRow::default()
        });
        assert_eq!(row, "09PARIS1426,,'=Paris,,\"LIBYA, \"\"NEW\"\" LINE\",\n");
    }
}
