//! The release's `cables.csv` written from cables: from WikiLeaks pages as they are (the
//! test fixture), or from the corpus generator's synthetic cables at any size (the
//! benchmarks), so nothing needs downloading.
//!
//! Eight columns, every field in double quotes, `\"` and `\\` escaped with a backslash,
//! dates as `MM/DD/YYYY HH:MM`, REFs as IDs separated by `|`.

use super::corpus::{Rng, Source};
use cableview::cable::Cable;
use cableview::cable::release::ReleaseRow;
use cableview::library::CableKey;
use std::io::Write;
use std::path::Path;

/// Writes a row as the release does: every field quoted, backslash the escape.
///
/// # Errors
/// When the writer fails.
pub fn write_row(out: &mut impl Write, row: &ReleaseRow) -> std::io::Result<()> {
    let fields = [
        row.identifier.clone(),
        row.created.clone(),
        row.reference_id.clone(),
        row.origin.clone(),
        row.classification.clone(),
        row.references.clone(),
        row.header.clone(),
        row.body.clone(),
    ];
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\"")?;
        out.write_all(field.replace('\\', "\\\\").replace('"', "\\\"").as_bytes())?;
        out.write_all(b"\"")?;
    }
    out.write_all(b"\n")
}

/// `2009-12-04 22:10` as the release writes it: `12/04/2009 22:10`.
#[must_use]
pub fn release_date(iso: &str) -> String {
    let (date, time) = iso.split_once(' ').unwrap_or((iso, "00:00"));
    let mut parts = date.split('-');
    let (y, m, d) = (
        parts.next().unwrap_or("2000"),
        parts.next().unwrap_or("01"),
        parts.next().unwrap_or("01"),
    );
    format!("{m}/{d}/{y} {time}")
}

/// A row from a cable read from a WikiLeaks page: its body as sent, its table's columns.
#[must_use]
pub fn row_of_page(cable: &Cable) -> Option<ReleaseRow> {
    let body = cable.layout.clone()?;
    let header = &cable.header;
    let mut classification = header
        .classification
        .map(|c| c.name().to_string())
        .unwrap_or_default();
    if header.caveats.iter().any(|c| c == "NOFORN") {
        classification.push_str("//NOFORN");
    }
    let year = cable
        .id
        .as_deref()
        .and_then(CableKey::from_id)
        .map(|k| k.year);
    let references: Vec<String> = header
        .references
        .iter()
        .flat_map(|r| cableview::library::refs::citations(&r.text))
        .filter_map(|c| c.keys(year.as_deref()).into_iter().next())
        .map(|k| format!("{}{}{}", k.year, k.post, k.serial))
        .collect();
    Some(ReleaseRow {
        identifier: String::new(),
        created: release_date(header.created.as_deref().unwrap_or("2000-01-01 00:00")),
        reference_id: cable.id.as_deref()?.to_string(),
        origin: header.origin.clone().unwrap_or_default(),
        classification,
        references: references.join("|"),
        header: format!(
            "VZCZC{}\nRR RUEHC\nDE RUEH #0001 0010000\nZNR UUUUU ZZH",
            cable.id.clone()?
        ),
        body,
    })
}

const ORIGINS: [&str; 6] = [
    "Embassy",
    "Embassy",
    "Embassy",
    "Consulate",
    "Mission",
    "Secretary of State",
];
const LEVELS: [&str; 6] = [
    "UNCLASSIFIED",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    "CONFIDENTIAL",
    "CONFIDENTIAL//NOFORN",
    "SECRET",
    "SECRET//NOFORN",
];

/// Writes `count` synthetic cables as a release CSV at `out`: the generator's cables (a
/// tagger's output, so entity queries have entities to find), the columns made to match.
///
/// # Errors
/// When the file cannot be written.
pub fn generate_csv(source: &Source, count: usize, seed: u64, out: &Path) -> std::io::Result<u64> {
    generate_csv_as(source, count, seed, false, out)
}

/// [`generate_csv`], the bodies without their inline annotations when `raw` (as the
/// release has them, so the tagger reads every row).
///
/// # Errors
/// When the file cannot be written.
pub fn generate_csv_as(
    source: &Source,
    count: usize,
    seed: u64,
    raw: bool,
    out: &Path,
) -> std::io::Result<u64> {
    let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut written = 0u64;
    let mut rng = Rng(seed ^ 0x5eed);
    super::corpus::each_cable(source, count, seed, |id, post, year, text| {
        let origin = match *rng.pick(&ORIGINS) {
            "Secretary of State" => "Secretary of State".to_string(),
            kind => format!("{kind} {}", title_case(post)),
        };
        let row = ReleaseRow {
            identifier: (written + 1).to_string(),
            created: format!(
                "{:02}/{:02}/{year} {:02}:{:02}",
                1 + rng.below(12),
                1 + rng.below(28),
                rng.below(24),
                rng.below(60)
            ),
            reference_id: id.to_string(),
            origin,
            classification: (*rng.pick(&LEVELS)).to_string(),
            references: String::new(),
            header: format!("VZCZC{id}\nRR RUEHC\nDE RUEH #0001 0010000\nZNR UUUUU ZZH"),
            body: if raw {
                strip_tags(&strip_annotations(text))
            } else {
                text.to_string()
            },
        };
        let mut buffer = Vec::with_capacity(row.body.len() + 256);
        write_row(&mut buffer, &row)?;
        file.write_all(&buffer)?;
        written += 1;
        Ok(buffer.len() as u64)
    })
    .and_then(|bytes| {
        file.flush()?;
        Ok(bytes)
    })
}

/// A text without the annotated format's HTML (`<code><pre>`, the paragraph anchors, the
/// TAGS' links), which would make the parser read it as an annotated file: the release's
/// rows are plain text.
#[must_use]
pub fn strip_tags(text: &str) -> String {
    const TAGS: [&str; 6] = ["<a ", "</a>", "<code>", "</code>", "<pre>", "</pre>"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match tail
            .find('>')
            .filter(|_| TAGS.iter().any(|t| tail.starts_with(t)))
        {
            Some(end) => rest = &tail[end + 1..],
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A text without its inline annotations: `[PER Jacques Chirac  ]` becomes `Jacques Chirac`.
#[must_use]
pub fn strip_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let kind = after.bytes().take_while(u8::is_ascii_uppercase).count();
        let inner = after
            .get(kind + 1..)
            .filter(|_| (2..=6).contains(&kind) && after.as_bytes().get(kind) == Some(&b' '));
        match inner.and_then(|inner| inner.find("  ]").map(|end| (inner, end))) {
            Some((inner, end)) if !inner[..end].contains('[') => {
                out.push_str(&inner[..end]);
                rest = &inner[end + 3..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn title_case(post: &str) -> String {
    let mut out = String::with_capacity(post.len());
    for (i, c) in post.chars().enumerate() {
        out.push(if i == 0 { c } else { c.to_ascii_lowercase() });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn annotations_are_stripped_and_brackets_kept() {
        assert_eq!(
            super::strip_annotations(
                "[PER Jacques Chirac  ] met [ORG U ) Post  ] in [LOC Paris  ]."
            ),
            "Jacques Chirac met U ) Post in Paris."
        );
        assert_eq!(
            super::strip_annotations("[1] and [ref] and [A"),
            "[1] and [ref] and [A"
        );
        assert_eq!(
            super::strip_tags(
                "<code><pre>TAGS: <a href='/tag/GB_0.html'>GB</a> <a id='par1' href='#par1'>¶</a>1 . a < b</pre></code>"
            ),
            "TAGS: GB ¶1 . a < b"
        );
    }
}
