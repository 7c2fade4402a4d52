//! A cable from one row of the release's `cables.csv`: the body's text parsed as any
//! plain-text cable, then the row's columns put in as the authority for the reference ID,
//! the date, the origin, the classification and the REFs (as a page's table is).

use super::page::{self, Meta};
use super::{
    Cable, CableId, ParseError, Reference, SideAnnotations, Tagging, parse_tagged,
    parse_with_document,
};

/// The columns of one row, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseRow {
    /// The release's own running number (`1`, `2`, ...).
    pub identifier: String,
    /// `MM/DD/YYYY HH:MM`.
    pub created: String,
    /// The reference ID: `05PARIS2333`.
    pub reference_id: String,
    /// The sending post as the release names it: `Embassy Paris`.
    pub origin: String,
    /// `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, ...
    pub classification: String,
    /// The cables this one cites, by reference ID, separated by `|`, `,` or spaces.
    pub references: String,
    /// The routing header (`VZCZC...`): not the cable's own header, which the body holds.
    pub header: String,
    /// The cable as sent, from its classification line to its signature.
    pub body: String,
}

/// Builds the cable of a row, tagged as `tagging` says. `name` names the row in messages
/// (`cables.csv:12`).
///
/// # Errors
/// When the body is empty or holds binary data, as for a file.
pub fn cable(row: &ReleaseRow, name: &str, tagging: Tagging) -> Result<Cable, ParseError> {
    cable_with(row, name, tagging, None)
}

/// [`cable`], with the row's document from a collection's side file: its offsets count
/// in the body column as the CSV holds it (what a spaCy pipeline over the CSV reads); one
/// that does not fit is a warning and the row is tagged instead
/// ([`super::parse_with_document`]).
///
/// # Errors
/// As [`cable`].
pub fn cable_with(
    row: &ReleaseRow,
    name: &str,
    tagging: Tagging,
    document: Option<SideAnnotations<'_>>,
) -> Result<Cable, ParseError> {
    let id = Some(row.reference_id.trim())
        .filter(|id| !id.is_empty())
        .map(CableId::new);
    let mut cable = match parse_with_document(&row.body, name, id.as_ref(), document, tagging) {
        // A row without a body is read from its header column, which no document's
        // offsets count in.
        Err(ParseError::Empty { .. }) if !row.header.trim().is_empty() => {
            parse_tagged(&row.header, name, tagging)?
        }
        other => other?,
    };
    let column = |text: &str| {
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    };
    page::apply(
        Meta {
            reference_id: id,
            created: iso_date(&row.created).or_else(|| column(&row.created)),
            released: None,
            classification: column(&row.classification),
            origin: column(&row.origin),
            routing: column(&row.header),
        },
        &mut cable,
    );
    add_references(&mut cable, &row.references);
    Ok(cable)
}

/// `12/28/1966 18:48` as `1966-12-28 18:48`, the form pages give and the table sorts by.
#[must_use]
pub fn iso_date(text: &str) -> Option<String> {
    let (date, time) = text.trim().split_once(' ').unwrap_or((text.trim(), ""));
    let mut parts = date.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |s: &str, len: usize| {
        (s.len() <= len && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (month, day) = (number(month, 2)?, number(day, 2)?);
    if parts.next().is_some() || year.len() != 4 || number(year, 4).is_none() {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let time = time.trim();
    let valid_time = time.split_once(':').is_some_and(|(h, m)| {
        number(h, 2).is_some_and(|h| h < 24) && m.len() == 2 && number(m, 2).is_some_and(|m| m < 60)
    });
    Some(if valid_time {
        format!("{year}-{month:02}-{day:02} {time:0>5}")
    } else {
        format!("{year}-{month:02}-{day:02}")
    })
}

/// The REF column's IDs that the body's REF list does not already name.
pub(crate) fn add_references(cable: &mut Cable, column: &str) {
    let written: Vec<String> = cable
        .header
        .references
        .iter()
        .map(|r| compact(&r.text))
        .collect();
    // `HARARE 6584` in the body names the column's `00HARARE6584`: the year is context.
    let without_year = |key: &str| {
        key.trim_start_matches(|c: char| c.is_ascii_digit())
            .to_string()
    };
    for id in column
        .split(['|', ',', ';', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let key = compact(id);
        let short = without_year(&key);
        if !written
            .iter()
            .any(|w| w.contains(&key) || (!short.is_empty() && w.ends_with(&short)))
        {
            cable.header.references.push(Reference {
                label: None,
                text: id.to_string(),
            });
        }
    }
}

/// Upper-case letters and digits only, a serial's leading zeros dropped: `04 PARIS 8983`,
/// `04PARIS008983` alike.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(char::is_ascii_alphanumeric) {
        let after_letter = out
            .chars()
            .last()
            .is_some_and(|l: char| l.is_ascii_alphabetic());
        if c == '0' && after_letter {
            continue;
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cable::Classification;

    fn row() -> ReleaseRow {
        ReleaseRow {
            identifier: "7".into(),
            created: "12/28/2005 18:48".into(),
            reference_id: "05PARIS2333".into(),
            origin: "Embassy Paris".into(),
            classification: "SECRET//NOFORN".into(),
            references: "05PARIS1000|05STATE12|05PARIS2000".into(),
            header: "VZCZCXRO1234\nRR RUEHWEB".into(),
            body: "S E C R E T PARIS 002333\n\nSIPDIS\n\nE.O. 12958: DECL: 12/28/2015\nTAGS: PTER, PREL, FR\nSUBJECT: A TEST OF THE READER\n\nREF: A. 05 PARIS 1000 B. PARIS 002000\n\n1. (S) First paragraph about Hezbollah.\n\n2. (S) Second.\n".into(),
        }
    }

    #[test]
    fn the_columns_fill_the_header_and_the_body_the_rest() {
        let cable = cable(&row(), "cables.csv:2", Tagging::Builtin).unwrap();
        assert_eq!(cable.id.as_deref(), Some("05PARIS2333"));
        assert_eq!(cable.header.created.as_deref(), Some("2005-12-28 18:48"));
        assert_eq!(cable.header.origin.as_deref(), Some("Embassy Paris"));
        assert_eq!(cable.header.classification, Some(Classification::Secret));
        assert!(cable.header.caveats.contains(&"NOFORN".to_string()));
        assert_eq!(cable.header.tags, ["PTER", "PREL", "FR"]);
        assert_eq!(
            cable.header.subject.as_deref(),
            Some("A TEST OF THE READER")
        );
        let refs: Vec<&str> = cable
            .header
            .references
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(
            refs,
            ["05 PARIS 1000", "PARIS 002000", "05STATE12"],
            "the column adds what the body lacks"
        );
        assert_eq!(cable.paragraphs.len(), 2);
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(
            iso_date("1/2/2005 3:04").as_deref(),
            Some("2005-01-02 03:04")
        );
        assert_eq!(iso_date("02/28/1966").as_deref(), Some("1966-02-28"));
        assert_eq!(iso_date("13/01/2005 10:00"), None);
        assert_eq!(iso_date("2005-01-02"), None);
        assert_eq!(iso_date("01/02/05 10:00"), None);
    }

    #[test]
    fn an_empty_body_is_an_error() {
        let mut empty = row();
        empty.body = " \n".into();
        empty.header = String::new();
        assert!(matches!(
            cable(&empty, "x", Tagging::Builtin),
            Err(ParseError::Empty { .. })
        ));
    }
}
