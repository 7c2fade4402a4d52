//! End to end on a corpus index (`cableview index`, then `cableview --index DIR`): the
//! table, its sort and filters, and resuming a cable where it was left, as on a folder.
//! The index and its helpers serve `indexed_across` too.
//!
//! The index holds the annotated fixtures, the sample 05PARIS2333 (whose REF B is
//! 04PARIS8983) and four rows of the release CSV fixture that cite each other: 10CAIRO187
//! → 09CAIRO2277 → 09CAIRO1925 → 09CAIRO1059. Every cable fits on a 120x50 screen.

use crate::pty;

use cableview::input::release_csv;
use pty::{Pty, Terminal};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/05PARIS2333.txt");
const RELEASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");
/// The release CSV's rows taken into the index: a chain of REFs.
const CAIRO: [&str; 4] = ["09CAIRO1059", "09CAIRO1925", "09CAIRO2277", "10CAIRO187"];
/// Every cable of the index.
const ALL: usize = 39;
const COLS: u16 = 120;
const ROWS: u16 = 50;

/// `cableview ARGS` outside a terminal, away from the user's config and data.
pub(crate) fn cableview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
        .env("CABLEVIEW_CONFIG_DIR", "/nonexistent-cableview-config")
        .output()
        .expect("the binary runs")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes the rows of `release` whose reference ID is one of `ids` to `out`, as they are.
fn release_rows(release: &Path, ids: &[&str], out: &Path) {
    let bytes = std::fs::read(release).expect("the release fixture");
    let mut picked = Vec::new();
    for row in release_csv::open(release).expect("opens") {
        let row = row.expect("the fixture's rows read");
        if ids.contains(&row.row.reference_id.as_str()) {
            let start = usize::try_from(row.byte).unwrap();
            picked.extend_from_slice(&bytes[start..start + usize::try_from(row.len).unwrap()]);
        }
    }
    std::fs::write(out, picked).expect("write the rows");
}

/// The corpus above in a temporary folder, and its index built by `cableview index`.
pub(crate) struct Corpus {
    dir: tempfile::TempDir,
    pub(crate) index: PathBuf,
    csv: PathBuf,
}

impl Corpus {
    pub(crate) fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = dir.path().join("cairo.csv");
        release_rows(Path::new(RELEASE), &CAIRO, &csv);
        let index = dir.path().join("index");
        let out = cableview(&[
            "index",
            "--index",
            index.to_str().unwrap(),
            ANNOTATED,
            SAMPLE,
            csv.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let summary = format!("{ALL} cables added, 0 unchanged, 0 removed, 0 skipped");
        assert!(
            text(&out.stderr).contains(&summary),
            "{}",
            text(&out.stderr)
        );
        Self { dir, index, csv }
    }

    /// A terminal with config and data dirs of the corpus's own, kept between runs.
    pub(crate) fn terminal(&self, kitty: bool) -> Terminal {
        let dir = |name: &str| self.dir.path().join(name).display().to_string();
        Terminal {
            kitty,
            env: vec![
                ("CABLEVIEW_CONFIG_DIR".into(), dir("config")),
                ("CABLEVIEW_DATA_DIR".into(), dir("data")),
            ],
        }
    }

    /// `cableview --index` on the index, or cableview on the files it holds (a folder
    /// library, to show a scenario holds there as well).
    pub(crate) fn spawn(&self, folder: bool) -> Pty {
        self.spawn_in(folder, &Terminal::default())
    }

    pub(crate) fn spawn_in(&self, folder: bool, terminal: &Terminal) -> Pty {
        let index = self.index.to_str().unwrap();
        let csv = self.csv.to_str().unwrap();
        let args = if folder {
            vec![ANNOTATED, SAMPLE, csv]
        } else {
            vec!["--index", index]
        };
        let pty = Pty::spawn_in(&args, COLS, ROWS, terminal);
        pty.wait_for_text(&format!("cableview library: {ALL} of {ALL} cables"));
        pty
    }
}

/// The IDs `cableview search --json QUERY` finds in `index`.
pub(crate) fn search(index: &Path, query: &str) -> BTreeSet<String> {
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "--json",
        "-n",
        "1000",
        query,
    ]);
    // Exit status 1 is no cable found, which is an answer too.
    let nothing = out.status.code() == Some(1) && out.stdout.is_empty();
    assert!(
        out.status.success() || nothing,
        "{query}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            hit["id"].as_str().expect("an id").to_string()
        })
        .collect()
}

/// The screen's rows as text.
pub(crate) fn lines(screen: &vt100::Screen) -> Vec<String> {
    screen.rows(0, screen.size().1.get()).collect()
}

/// The table's column header and the rows under it, as shown.
fn table(lines: &[String]) -> (String, Vec<String>) {
    let Some(at) = lines
        .iter()
        .position(|l| l.starts_with("ID") && l.contains("Subject"))
    else {
        return (String::new(), Vec::new());
    };
    let rows = lines[at + 1..]
        .iter()
        .take_while(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .cloned()
        .collect();
    (lines[at].clone(), rows)
}

/// The IDs of the rows shown, top to bottom.
pub(crate) fn ids(lines: &[String]) -> Vec<String> {
    let (_, rows) = table(lines);
    rows.iter()
        .map(|r| r.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

/// Each row's (ID, first word of the column `name`), read at the column's place.
fn column(lines: &[String], name: &str) -> Vec<(String, String)> {
    let (header, rows) = table(lines);
    let Some(byte) = header.find(name) else {
        return Vec::new();
    };
    let at = header[..byte].chars().count();
    rows.iter()
        .map(|r| {
            let id = r.split_whitespace().next().unwrap_or_default().to_string();
            let cell: String = r.chars().skip(at).take_while(|c| *c != ' ').collect();
            (id, cell)
        })
        .collect()
}

/// The years of the Date column, top to bottom, rows without a date left out.
fn years(lines: &[String]) -> Vec<u32> {
    column(lines, "Date")
        .iter()
        .filter_map(|(_, date)| date.get(..4)?.parse().ok())
        .collect()
}

pub(crate) fn title(lines: &[String]) -> &str {
    lines.first().map_or("", String::as_str)
}

fn set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

/// Clears the table's filters, finds `id` with `/`, moves to its row and opens it.
pub(crate) fn open(pty: &mut Pty, id: &str) {
    pty.wait_for("the table", |s| {
        title(&lines(s)).starts_with("cableview library:")
    });
    if title(&pty.rows()).contains("esc clears") {
        // Waited for, so the next key is not read with it as Alt-/.
        pty.send("\x1b");
        pty.wait_for("the filters cleared", |s| {
            !title(&lines(s)).contains("esc clears")
        });
    }
    pty.send(&format!("/{}\r", id.to_lowercase()));
    pty.wait_for(&format!("{id} found"), |s| {
        let lines = lines(s);
        title(&lines).contains("esc clears") && ids(&lines).contains(&id.to_string())
    });
    let row = ids(&pty.rows()).iter().position(|i| i == id).unwrap();
    pty.send("g");
    pty.send(&"j".repeat(row));
    pty.send("\r");
    pty.wait_for_text(&format!("{id} · from"));
}

/// Backspace: from the reader back to the table.
pub(crate) fn back(pty: &mut Pty) {
    pty.send("\x7f");
    pty.wait_for("the table", |s| {
        title(&lines(s)).starts_with("cableview library:")
    });
}

pub(crate) fn quit(pty: &mut Pty) {
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(!pty.alternate_screen(), "the terminal is restored");
}

#[test]
fn the_table_sorts_and_filters_an_index_as_a_folder() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    pty.wait_for("every row", |s| ids(&lines(s)).len() == ALL);

    // Every indexed cable is a row, with its columns.
    let screen = pty.rows();
    let mut expected: BTreeSet<String> = std::fs::read_dir(ANNOTATED)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            path.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    expected.insert("05PARIS2333".into());
    expected.extend(CAIRO.iter().map(ToString::to_string));
    assert_eq!(set(&ids(&screen)), expected);
    let (header, rows) = table(&screen);
    for name in ["ID", "Date", "Class", "Origin", "Subject", "¶"] {
        assert!(header.contains(name), "{name} in {header}");
    }
    let row = |id: &str| rows.iter().find(|r| r.starts_with(id)).unwrap().clone();
    let cells = [
        ("09CAIRO1925", "2009-10-08"),
        ("09CAIRO1925", "CONFIDENTIAL"),
        ("09CAIRO1925", "Embassy Cairo"),
        ("09CAIRO1925", "UPDATE: PARLIAMENTARY AFFAIRS"),
        ("04PARIS8983", "UNCLASSIFIED"),
        ("04PARIS8983", "FRANCE: 2004 ANNUAL TERRORISM REPORT"),
    ];
    for (id, cell) in cells {
        assert!(row(id).contains(cell), "{cell}: {}", row(id));
    }

    // `s` sorts by date, `r` reverses: the rows move.
    let sorted = |s: &vt100::Screen, sort: &str, up: bool| {
        let lines = lines(s);
        let years = years(&lines);
        // Every row drawn, not a frame half written.
        title(&lines).contains(sort)
            && set(&ids(&lines)).len() == ALL
            && years.len() > 30
            && years
                .windows(2)
                .all(|w| if up { w[0] <= w[1] } else { w[0] >= w[1] })
    };
    pty.send("s");
    pty.wait_for("oldest first", |s| sorted(s, "sort Date ↑", true));
    let oldest_first = ids(&pty.rows());
    pty.send("r");
    pty.wait_for("newest first", |s| sorted(s, "sort Date ↓", false));
    let newest_first = ids(&pty.rows());
    assert_eq!(set(&oldest_first), set(&newest_first));
    assert_ne!(oldest_first.first(), newest_first.first());

    // `c` keeps one classification; Esc clears it.
    let unclassified: BTreeSet<String> = column(&screen, "Class")
        .into_iter()
        .filter(|(_, class)| class == "UNCLASSIFIED")
        .map(|(id, _)| id)
        .collect();
    assert!(unclassified.len() > 3 && unclassified.len() < ALL);
    pty.send("c");
    pty.wait_for("the unclassified cables", |s| {
        let lines = lines(s);
        title(&lines).contains("class UNCLASSIFIED")
            && title(&lines).contains(&format!("{} of {ALL} cables", unclassified.len()))
            && set(&ids(&lines)) == unclassified
    });
    let every_row = |s: &vt100::Screen| {
        let lines = lines(s);
        ids(&lines).len() == ALL && !title(&lines).contains("esc clears")
    };
    pty.send("\x1b");
    pty.wait_for("every row again", every_row);

    // Ctrl-t keeps the most common TAG: the cables the index finds with it.
    let prel = search(&corpus.index, "tag:PREL");
    assert!(prel.len() > 3 && prel.len() < ALL, "{prel:?}");
    pty.send("\x14");
    pty.wait_for("the PREL cables", |s| {
        let lines = lines(s);
        title(&lines).contains("TAG PREL") && set(&ids(&lines)) == prel
    });
    pty.send("\x1b");
    pty.wait_for("every row again", every_row);

    // `T` picks a TAG by name.
    let france: BTreeSet<String> = ["04PARIS8983", "05PARIS2333", "09PARIS1426"]
        .map(String::from)
        .into();
    assert_eq!(search(&corpus.index, "tag:FR"), france);
    pty.send("T");
    pty.wait_for_text("TAGs:");
    pty.send("fr");
    pty.wait_for_text("› fr");
    pty.send("\r");
    pty.wait_for("the FR cables", |s| {
        let lines = lines(s);
        title(&lines).contains("TAG FR") && set(&ids(&lines)) == france
    });
    pty.send("\x1b");
    pty.wait_for("every row again", every_row);

    // `/` narrows to the cables naming Madrid (in their ID, or in their text as well).
    pty.send("/madrid\r");
    pty.wait_for("the Madrid cables", |s| {
        let shown = set(&ids(&lines(s)));
        ["08MADRID552", "10MADRID49", "10MADRID87", "86MADRID5480"]
            .iter()
            .all(|id| shown.contains(*id))
            && !shown.contains("10STATE17263")
            && !shown.contains("09CAIRO1925")
    });
    pty.send("\x1b");
    pty.wait_for("every row again", every_row);
    quit(&mut pty);
}

#[test]
fn an_indexed_cable_resumes_where_it_was_left() {
    let corpus = Corpus::new();
    let terminal = corpus.terminal(false);
    let mut pty = corpus.spawn_in(false, &terminal);
    open(&mut pty, "09PARIS1426");
    pty.send("5");
    pty.wait_for_text("¶5 of 11");
    back(&mut pty);
    open(&mut pty, "09CAIRO1925");
    pty.send("3");
    pty.wait_for_text("¶3 of 10");
    back(&mut pty);
    quit(&mut pty);

    // Another run on the same index and data dir: each opens where it was left.
    let mut pty = corpus.spawn_in(false, &terminal);
    open(&mut pty, "09PARIS1426");
    pty.wait_for_text("resumed at ¶5");
    pty.wait_for_text("¶5 of 11");
    back(&mut pty);
    open(&mut pty, "09CAIRO1925");
    pty.wait_for_text("resumed at ¶3");
    pty.wait_for_text("¶3 of 10");
    quit(&mut pty);
}
