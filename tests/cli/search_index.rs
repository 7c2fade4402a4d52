//! `cableview index` and `cableview search` on the release CSV fixture: every kind of
//! query, JSON lines, incremental updates, and each bad input the issue lists.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");
const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

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

/// An index of the fixture CSV and the annotated cables (which have entities).
pub(crate) fn indexed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let out = cableview(&[
        "index",
        "--index",
        index.to_str().unwrap(),
        FIXTURE,
        ANNOTATED,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, index)
}

pub(crate) fn search(index: &Path, query: &str) -> Vec<serde_json::Value> {
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
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

pub(crate) fn ids(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_kind_of_query_finds_its_cables() {
    let (_dir, index) = indexed();
    let word = search(&index, "hezbollah");
    assert!(ids(&word).contains(&"05PARIS2333".to_string()));
    let scores: Vec<f64> = word.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "ranked best first");

    let phrase = search(&index, "\"container security\"");
    assert!(!phrase.is_empty());
    for hit in &phrase {
        let snippet = hit["snippet"].as_str().unwrap().to_lowercase();
        assert!(snippet.contains("container security"), "{snippet}");
    }
    let both = ids(&search(&index, "container security"));
    assert!(
        both.len() >= phrase.len(),
        "two words find at least the phrase"
    );

    let field = ids(&search(&index, "origin:\"Embassy Paris\" terrorism"));
    assert!(
        !field.is_empty() && field.iter().all(|id| id.contains("PARIS")),
        "{field:?}"
    );

    let tag = search(&index, "tag:PTER");
    assert!(!tag.is_empty());
    let entity = ids(&search(&index, "entity:\"Djamel Beghal\""));
    assert!(entity.contains(&"04PARIS8983".to_string()), "{entity:?}");
    // A person's clause finds the cables that name him as a person: the annotated
    // 04PARIS8983; the tagger may take him for another kind elsewhere.
    let per = ids(&search(&index, "per:Beghal"));
    assert!(per.contains(&"04PARIS8983".to_string()), "{per:?}");
    assert!(
        per.iter().all(|id| entity.contains(id)),
        "{per:?} {entity:?}"
    );

    let range = search(&index, "date:2005..2006 france");
    assert!(!range.is_empty());
    for hit in &range {
        let date = hit["date"].as_str().unwrap();
        assert!(
            date.starts_with("2005") || date.starts_with("2006"),
            "{date}"
        );
    }

    let or = ids(&search(&index, "hezbollah OR beghal"));
    let not = ids(&search(&index, "hezbollah NOT beghal"));
    assert!(
        or.len() >= word.len() && not.len() < word.len(),
        "{or:?} {not:?}"
    );
    assert!(!not.contains(&"05PARIS2333".to_string()));

    assert_eq!(ids(&search(&index, "id:05paris2333")), ["05PARIS2333"]);
    assert_eq!(
        ids(&search(&index, "id:04PARIS8983")),
        ["04PARIS8983"],
        "the CSV row and the annotated file are one cable, one hit"
    );
}

#[test]
fn cites_finds_the_cables_whose_refs_name_one() {
    let (_dir, index) = indexed();
    // 05PARIS2333's REF B is `04 PARIS 8983`.
    let citing = ids(&search(&index, "cites:04PARIS8983"));
    assert!(citing.contains(&"05PARIS2333".to_string()), "{citing:?}");
    assert!(!citing.contains(&"04PARIS8983".to_string()), "{citing:?}");
    assert_eq!(
        ids(&search(&index, "cites:04paris8983")),
        citing,
        "any case"
    );
    let narrowed = ids(&search(&index, "cites:04PARIS8983 hezbollah"));
    assert!(
        narrowed.contains(&"05PARIS2333".to_string()),
        "{narrowed:?}"
    );
    assert!(
        search(&index, "cites:05PARIS2333").is_empty(),
        "nothing cites it"
    );

    let out = cableview(&["search", "--index", index.to_str().unwrap(), "cites:paris"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("`cites:` takes a reference ID"), "{err}");
}

#[test]
fn json_lines_have_the_documented_fields() {
    let (_dir, index) = indexed();
    let hits = search(&index, "container");
    assert!(!hits.is_empty());
    for hit in hits {
        for key in [
            "id",
            "score",
            "date",
            "origin",
            "subject",
            "snippet",
            "classification",
        ] {
            assert!(hit.get(key).is_some(), "{key} in {hit}");
        }
        let snippet = hit["snippet"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (start, end) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            assert!(
                snippet[start..end].eq_ignore_ascii_case("container"),
                "{snippet}"
            );
        }
    }
}

#[test]
fn piped_output_is_plain_text_with_the_snippet() {
    let (_dir, index) = indexed();
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "-n",
        "3",
        "hezbollah",
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success());
    assert!(!stdout.contains('\u{1b}'), "no escape codes when piped");
    assert!(stdout.to_lowercase().contains("hezbollah"));
    assert_eq!(stdout.matches("\n\n").count(), 3, "three hits: {stdout}");
}

#[test]
fn a_query_error_says_where() {
    let (_dir, index) = indexed();
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "paris bogus:x",
    ]);
    assert_eq!(out.status.code(), Some(2), "an error, as grep's");
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("cableview: query error at column 7: unknown field `bogus`"),
        "{stderr}"
    );
    assert!(stderr.contains("\n  paris bogus:x\n        ^"), "{stderr}");
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "\"open phrase",
    ]);
    assert!(text(&out.stderr).contains("column 1: this quote is never closed"));
    // No results asked for is a usage error, not one result.
    let out = cableview(&[
        "search",
        "--index",
        index.to_str().unwrap(),
        "-n",
        "0",
        "paris",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'0' for '--limit <LIMIT>'"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_update_parses_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cables.csv");
    std::fs::copy(FIXTURE, &csv).unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let run = |csv: &Path| {
        let out = cableview(&["index", "--index", index, csv.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stderr)
    };
    assert!(run(&csv).contains(": 304 cables added, 0 unchanged, 0 removed, 0 skipped"));
    assert!(
        run(&csv).contains(": 0 cables added, 304 unchanged, 0 removed"),
        "size and mtime unchanged"
    );
    // One row changed, one row gone: only the changed row is parsed again.
    let original = std::fs::read_to_string(&csv).unwrap();
    let mut rows: Vec<&str> = original.split("\n\"").collect();
    rows.pop();
    let edited = rows
        .join("\n\"")
        .replacen("SUBJECT: ", "SUBJECT: XYZZYQ ", 1)
        + "\n";
    std::fs::write(&csv, edited).unwrap();
    let stderr = run(&csv);
    assert!(
        stderr.contains(": 1 cable added, 302 unchanged, 2 removed"),
        "{stderr}"
    );
    let hits = search(Path::new(index), "xyzzyq");
    assert_eq!(hits.len(), 1);
}

/// Indexes `paths` into a fresh index; the exit status must be 0 (bad input is skipped).
fn index_leniently(dir: &Path, paths: &[&Path]) -> String {
    let index = dir.join("index");
    let mut command = Command::new(env!("CARGO_BIN_EXE_cableview"));
    command
        .args(["index", "--index", index.to_str().unwrap()])
        .args(paths);
    let out = crate::hostile::run(&mut command);
    let stderr = text(&out.stderr);
    assert!(
        out.status.success(),
        "bad input is skipped, not fatal: {stderr}"
    );
    stderr
}

/// The fixture's first `n` rows, each ending with its line feed. A row starts on a line
/// that opens with a quote: inside a field a quote is always escaped.
fn first_rows(n: usize) -> Vec<String> {
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    fixture
        .split("\n\"")
        .take(n)
        .enumerate()
        .map(|(i, piece)| {
            if i == 0 {
                format!("{piece}\n")
            } else {
                format!("\"{piece}\n")
            }
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn bad_rows_and_files_are_skipped_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let rows = first_rows(3);
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    // A row of seven fields: its reference-ID column dropped.
    let short = &rows[1];
    let cut = short.find("\",\"").unwrap();
    let next = cut + 3 + short[cut + 3..].find("\",\"").unwrap();
    let seven = format!("{}{}", &short[..cut], &short[next..]);
    let seven = write("seven.csv", &format!("{}{seven}{}", rows[0], rows[2]));
    // A quote not escaped inside the body.
    let stray = write(
        "stray.csv",
        &format!(
            "{}{}{}",
            rows[0],
            rows[1].replacen(" THE ", " THE \" ", 1),
            rows[2]
        ),
    );
    // The file cut in the middle of its last row.
    let last = &rows[2][..rows[2].len() / 2];
    let truncated = write("truncated.csv", &format!("{}{}{last}", rows[0], rows[1]));
    let fifo = dir.path().join("pipe.txt");
    crate::hostile::fifo(&fifo);

    let stderr = index_leniently(&dir.path().join("a"), &[&seven]);
    assert!(stderr.contains("seven.csv: line "), "{stderr}");
    assert!(stderr.contains(": expected 8 fields, found 7"), "{stderr}");
    assert!(
        stderr.contains(": 2 cables added"),
        "the rows around it are indexed: {stderr}"
    );

    let stderr = index_leniently(&dir.path().join("b"), &[&stray]);
    assert!(stderr.contains("stray.csv: line "), "{stderr}");
    assert!(stderr.contains("a quote not escaped"), "{stderr}");
    assert!(stderr.contains(" cables added"), "{stderr}");

    let stderr = index_leniently(&dir.path().join("c"), &[&truncated]);
    assert!(stderr.contains("truncated.csv: line "), "{stderr}");
    assert!(
        stderr.contains("the file ends inside a quoted field: cut short?"),
        "{stderr}"
    );
    assert!(stderr.contains(": 2 cables added"), "{stderr}");

    let stderr = index_leniently(&dir.path().join("d"), &[&fifo, Path::new(FIXTURE)]);
    assert!(
        stderr.contains("pipe.txt: cannot read: not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains(": 304 cables added"), "{stderr}");
}

#[test]
fn an_index_folder_that_cannot_be_written_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let under_a_file = file.join("index");
    let out = cableview(&["index", "--index", under_a_file.to_str().unwrap(), FIXTURE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot write the index"),
        "{}",
        text(&out.stderr)
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let read_only = dir.path().join("ro");
        std::fs::create_dir(&read_only).unwrap();
        std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root writes anyway: the check only means something where permissions hold.
        if std::fs::write(read_only.join("probe"), "x").is_err() {
            let out = cableview(&[
                "index",
                "--index",
                read_only.join("index").to_str().unwrap(),
                FIXTURE,
            ]);
            assert_eq!(out.status.code(), Some(1));
            assert!(
                text(&out.stderr).contains("cannot write the index"),
                "{}",
                text(&out.stderr)
            );
        }
    }
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let out = cableview(&["index", "--index", other.to_str().unwrap(), FIXTURE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a cableview index"));
    assert_eq!(
        std::fs::read_dir(&other).unwrap().count(),
        1,
        "nothing written there"
    );
}

#[test]
fn a_locked_index_is_reported_and_left_alone() {
    let (_dir, index) = indexed();
    let before = search(&index, "hezbollah").len();
    let held = tantivy::Index::open_in_dir(&index).unwrap();
    let _writer: tantivy::IndexWriter = held.writer(15_000_000).unwrap();
    let out = cableview(&["index", "--index", index.to_str().unwrap(), FIXTURE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("locked by another cableview"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        search(&index, "hezbollah").len(),
        before,
        "search still works"
    );
}

#[test]
fn a_corrupt_index_is_reported() {
    let (_dir, index) = indexed();
    // A segment file gone: the index cannot be read as it was committed.
    let segment = std::fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "term"))
        .unwrap();
    std::fs::remove_file(segment).unwrap();
    let out = cableview(&["search", "--index", index.to_str().unwrap(), "paris"]);
    assert_eq!(out.status.code(), Some(2), "an error, as grep's");
    assert!(
        text(&out.stderr).contains("the index is corrupt"),
        "{}",
        text(&out.stderr)
    );
    // meta.json itself damaged.
    std::fs::write(index.join("meta.json"), "{ not json").unwrap();
    for (args, code) in [
        (
            vec!["search", "--index", index.to_str().unwrap(), "paris"],
            2,
        ),
        (
            vec!["index", "--index", index.to_str().unwrap(), FIXTURE],
            1,
        ),
    ] {
        let out = cableview(&args);
        assert_eq!(out.status.code(), Some(code));
        assert!(
            text(&out.stderr).contains("the index is corrupt"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_release_csv_opens_as_a_collection() {
    let out = cableview(&["export", FIXTURE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 304);
    let first: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "00HARARE6677");
    assert_eq!(first["header"]["created"], "2000-11-29 13:01");
    assert_eq!(first["header"]["origin"], "Embassy Harare");
}

#[test]
fn the_library_opens_on_an_index_and_says_what_is_wrong_with_a_bad_one() {
    let (_dir, index) = indexed();
    let out = cableview(&["--index", index.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = search(&index, "date:1900..2100").len();
    assert!(
        text(&out.stdout).ends_with(&format!(": {expected} cables\n")),
        "piped, it says how many cables: {}",
        text(&out.stdout)
    );
    let missing = index.with_file_name("nothing-here");
    let out = cableview(&["--index", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("nothing-here"),
        "{}",
        text(&out.stderr)
    );
}
