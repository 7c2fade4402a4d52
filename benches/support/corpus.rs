//! A benchmark corpus: many synthetic cables made by recombining real cables' paragraphs.
//!
//! Each generated cable has a fresh reference ID, a header in the annotated format
//! (classification, origin and serial, TAGS, subject, REF list) and a body of paragraphs
//! taken whole from the source cables, renumbered. REFs name earlier generated cables in
//! the various ways real cables write them (`04 PARIS 8983`, `PARIS 008983`,
//! `2004 PARIS 8983`, `SECSTATE 123`), plus some that name no cable, so REF resolution is
//! exercised at scale. The output is deterministic for a given seed.

use cableview::cable::{self, Cable};
use cableview::library::CableKey;
use cableview::regular_file::Limit;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

/// What the generator recombines: paragraph bodies, subjects, posts and TAGS.
#[derive(Debug, Clone, Default)]
pub struct Source {
    paragraphs: Vec<String>,
    subjects: Vec<String>,
    posts: Vec<String>,
    tags: Vec<String>,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Cables written.
    pub cables: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// A paragraph anchor as the annotated format writes it.
const ANCHOR: &str = "<a id='par";

impl Source {
    /// Reads every annotated cable (`*.txt`) in `dir`.
    ///
    /// # Errors
    /// When the directory cannot be read, or holds no cable with paragraphs.
    pub fn from_dir(dir: &Path) -> std::io::Result<Self> {
        let mut names: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let mut texts = Vec::new();
        for path in names {
            let name = path.file_name().map(|n| n.to_string_lossy().to_string());
            let text = cableview::regular_file::read_to_string(&path, Limit::default())?;
            texts.push((name.unwrap_or_default(), text));
        }
        let source = Self::from_texts(&texts);
        if source.paragraphs.is_empty() {
            return Err(std::io::Error::other(format!(
                "{}: no annotated cable with paragraphs to recombine",
                dir.display()
            )));
        }
        Ok(source)
    }

    /// Builds a source from (file name, annotated text) pairs.
    #[must_use]
    pub fn from_texts(texts: &[(String, String)]) -> Self {
        let mut source = Self::default();
        for (name, text) in texts {
            source.paragraphs.extend(paragraph_bodies(text));
            let Ok(parsed) = cable::parse(text, name) else {
                continue;
            };
            source.add_header_parts(&parsed);
        }
        source.posts.sort();
        source.posts.dedup();
        source.tags.sort();
        source.tags.dedup();
        if source.posts.is_empty() {
            source.posts.push("PARIS".to_string());
        }
        if source.subjects.is_empty() {
            source.subjects.push("GENERATED CABLE".to_string());
        }
        source
    }

    fn add_header_parts(&mut self, parsed: &Cable) {
        if let Some(key) = parsed.id.as_deref().and_then(CableKey::from_id) {
            self.posts.push(key.post);
        }
        if let Some(subject) = &parsed.header.subject {
            // Keep subjects to one plain line: they go back into a one-line header.
            let subject: String = subject
                .chars()
                .filter(|c| !c.is_control() && !matches!(c, '[' | ']' | '<' | '>'))
                .take(120)
                .collect();
            self.subjects.push(subject);
        }
        self.tags.extend(parsed.header.tags.iter().cloned());
    }
}

/// The bodies between paragraph anchors, each ending where the next anchor begins.
pub(crate) fn paragraph_bodies(text: &str) -> Vec<String> {
    let text = text.replace("</pre></code>", "");
    let starts: Vec<usize> = text.match_indices(ANCHOR).map(|(i, _)| i).collect();
    let mut bodies = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        // The body starts on the line after the anchor (`...>¶</a>3 . \n`).
        let Some(line_end) = text[start..].find('\n').map(|i| start + i + 1) else {
            continue;
        };
        let end = starts.get(n + 1).copied().unwrap_or(text.len());
        if line_end < end {
            let body = text[line_end..end].trim_end();
            if !body.is_empty() {
                bodies.push(format!("{body} "));
            }
        }
    }
    bodies
}

/// A small deterministic generator (SplitMix64): enough for varied test data.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated cable's identity, kept so later cables can cite it.
#[derive(Debug, Clone)]
struct Made {
    year: u16,
    post: String,
    serial: u32,
}

/// Writes `count` cables into `out` (created if missing) as `<ID>.txt`.
///
/// # Errors
/// When the directory or a file cannot be written.
pub fn generate(source: &Source, count: usize, seed: u64, out: &Path) -> std::io::Result<Written> {
    std::fs::create_dir_all(out)?;
    let bytes = each_cable(source, count, seed, |id, _, _, text| {
        let mut file =
            std::io::BufWriter::new(std::fs::File::create(out.join(format!("{id}.txt")))?);
        file.write_all(text.as_bytes())?;
        file.flush()?;
        Ok(text.len() as u64)
    })?;
    Ok(Written {
        cables: count,
        bytes,
    })
}

/// Makes `count` cables, handing each to `write` with its ID, post, full year and
/// annotated text; returns the sum of what `write` returns (bytes written).
///
/// # Errors
/// The first error of `write`.
pub fn each_cable(
    source: &Source,
    count: usize,
    seed: u64,
    mut write: impl FnMut(&str, &str, u16, &str) -> std::io::Result<u64>,
) -> std::io::Result<u64> {
    let mut rng = Rng(seed);
    let mut made: Vec<Made> = Vec::with_capacity(count);
    let mut ids = HashSet::with_capacity(count);
    let mut bytes = 0;
    while made.len() < count {
        let cable = Made {
            year: 2000 + u16::try_from(rng.below(11)).unwrap_or(0),
            post: rng.pick(&source.posts).clone(),
            serial: 1 + u32::try_from(rng.below(99_999)).unwrap_or(0),
        };
        let id = format!("{:02}{}{}", cable.year % 100, cable.post, cable.serial);
        if !ids.insert(id.clone()) {
            continue;
        }
        let text = cable_text(source, &mut rng, &cable, &made);
        bytes += write(&id, &cable.post, cable.year, &text)?;
        made.push(cable);
    }
    Ok(bytes)
}

const LEVELS: [&str; 3] = ["UNCLAS", "C O N F I D E N T I A L", "S E C R E T"];

fn cable_text(source: &Source, rng: &mut Rng, cable: &Made, earlier: &[Made]) -> String {
    let mut text = String::with_capacity(12_000);
    text.push_str("<code><pre>");
    let level: &&str = rng.pick(&LEVELS);
    text.push_str(level);
    text.push_str(&format!(
        " SECTION 01 OF 01 {} {:06} SIPDIS E.O. 12958: DECL: 01/01/2019 TAGS:",
        cable.post, cable.serial
    ));
    for _ in 0..1 + rng.below(5) {
        if source.tags.is_empty() {
            break;
        }
        let tag = rng.pick(&source.tags);
        text.push_str(&format!(" <a href='/tag/{tag}_0.html'>{tag}</a>"));
    }
    text.push_str(" SUBJECT: ");
    let subject: &String = rng.pick(&source.subjects);
    text.push_str(subject);
    let refs = rng.below(4);
    if refs > 0 {
        text.push_str(" REF:");
        for n in 0..refs {
            let letter = char::from(b'A' + u8::try_from(n).unwrap_or(0));
            text.push_str(&format!(" {letter}. {}", reference(rng, cable, earlier)));
        }
    }
    text.push_str(" Classified By: Generated Officer , for reasons 1.4 ( b ) ");
    // Bodies of 2 to 18 KB, about 10 KB on average, as in the real collection.
    let target = 1_500 + rng.below(14_000);
    let mut body_bytes = 0;
    let mut number = 1;
    while body_bytes < target && !source.paragraphs.is_empty() {
        let body = rng.pick(&source.paragraphs);
        text.push_str(&format!(
            "<a id='par{number}' href='#par{number}'>¶</a>{number} . \n"
        ));
        text.push_str(body);
        body_bytes += body.len();
        number += 1;
    }
    text.push_str("\n</pre></code>");
    text
}

/// A REF naming an earlier cable in one of the ways cables write it, or (one time in
/// five, or when there is none yet) a cable that is not in the corpus.
fn reference(rng: &mut Rng, cable: &Made, earlier: &[Made]) -> String {
    if earlier.is_empty() || rng.below(5) == 0 {
        return format!(
            "{} {}",
            rng.pick(&["STATE", "MOSCOW", "USUN"]),
            100_000 + rng.below(900_000)
        );
    }
    let target = rng.pick(earlier);
    let same_year = target.year == cable.year;
    match rng.below(4) {
        0 if same_year && target.post == "STATE" => format!("SECSTATE {}", target.serial),
        1 if same_year => format!("{} {:06}", target.post, target.serial),
        2 => format!("{} {} {}", target.year, target.post, target.serial),
        _ => format!("{:02} {} {}", target.year % 100, target.post, target.serial),
    }
}
