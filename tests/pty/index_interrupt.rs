//! End to end: Ctrl-C in the middle of `cableview index` commits the work done, the index
//! opens at that commit, and the same command run again goes on to every row.

use crate::indexed::{ANNOTATED, cableview, search, text};
use crate::pty::Pty;
use crate::{corpus, release};
use cableview::input::release_csv;
use std::path::Path;

/// Rows of the generated release CSV, about 11 KB each: a few seconds of indexing, so
/// Ctrl-C lands well before the end (the first progress line shows after 0.2 s).
const GENERATED: usize = 6_000;

/// The cables a progress line (`indexing: N cables, ...`) on screen counts.
fn progress(screen: &str) -> Option<u64> {
    let rest = &screen[screen.rfind("indexing: ")? + "indexing: ".len()..];
    rest.split_once(" cables")?.0.parse().ok()
}

/// The cables added that a summary (`DIR: N cables added, ...`) says.
fn added(summary: &str) -> Option<u64> {
    let before = &summary[..summary.find(" cables added")?];
    before.rsplit([' ', '\n']).next()?.parse().ok()
}

/// The first and last reference IDs of a release CSV.
fn first_and_last(csv: &Path) -> (String, String) {
    let ids: Vec<String> = release_csv::open(csv)
        .expect("opens")
        .map(|row| row.expect("a good row").row.reference_id)
        .collect();
    (ids[0].clone(), ids[ids.len() - 1].clone())
}

/// How many cables `cableview --index DIR` shows in its table.
fn table_count(index: &str, count: u64) {
    let mut pty = Pty::spawn(&["--index", index], 120, 10);
    // Counts are grouped by thousands: `6,034`.
    let count = count.to_string();
    let grouped = match count.len() {
        4..=6 => format!(
            "{},{}",
            &count[..count.len() - 3],
            &count[count.len() - 3..]
        ),
        _ => count,
    };
    pty.wait_for_text(&format!("cableview library: {grouped} of {grouped} cables"));
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn ctrl_c_mid_index_commits_the_work_done_and_the_same_command_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = corpus::Source::from_dir(Path::new(ANNOTATED)).expect("the fixtures");
    let csv = dir.path().join("cables.csv");
    release::generate_csv(&source, GENERATED, 7, &csv).expect("the CSV is written");
    let (first, last) = first_and_last(&csv);
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let csv = csv.to_str().unwrap();

    // An index to start from: the annotated fixtures, one commit.
    let out = cableview(&["index", "--index", index, ANNOTATED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = added(&text(&out.stderr)).expect("a summary");
    assert_eq!(before, 34);

    // The same folder and the CSV, interrupted once some rows are in.
    let args = ["index", "--index", index, ANNOTATED, csv];
    let mut pty = Pty::spawn(&args, 120, 10);
    pty.wait_for("progress past the fixtures", |s| {
        progress(&s.contents()).is_some_and(|n| n > before)
    });
    let seen = progress(&pty.rows().join("\n")).expect("the progress line");
    pty.send("\x03");
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    // What it wrote, read raw: a long temporary path may wrap the summary on screen.
    let said = text(&pty.raw_output());
    assert!(
        said.contains("interrupted: the work done is committed; run the same command to go on"),
        "{said}"
    );
    let done = added(&said).expect("a summary");
    let summary = format!("{done} cables added, {before} unchanged, 0 removed, 0 skipped");
    assert!(said.contains(&summary), "{said}");
    // What it showed done is committed, the rest is not.
    assert!(before + done >= seen, "{done} added, {seen} seen");
    assert!(done < GENERATED as u64, "{said}");

    // The index opens at that commit: the fixtures and the first rows, not the last.
    table_count(index, before + done);
    assert_eq!(search(Path::new(index), &format!("id:{first}")).len(), 1);
    assert!(search(Path::new(index), &format!("id:{last}")).is_empty());
    assert_eq!(search(Path::new(index), "id:04PARIS8983").len(), 1);

    // The same command again reads only what is missing and ends with every row.
    let out = cableview(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let all = before + GENERATED as u64;
    let summary = format!(
        "{} cables added, {} unchanged, 0 removed, 0 skipped",
        all - before - done,
        before + done
    );
    assert!(
        text(&out.stderr).contains(&summary),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(search(Path::new(index), &format!("id:{last}")).len(), 1);
    table_count(index, all);
}

#[test]
fn a_hang_up_mid_index_commits_the_work_done_as_ctrl_c_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = corpus::Source::from_dir(Path::new(ANNOTATED)).expect("the fixtures");
    let csv = dir.path().join("cables.csv");
    release::generate_csv(&source, GENERATED, 11, &csv).expect("the CSV is written");
    let (first, last) = first_and_last(&csv);
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let args = ["index", "--index", index, csv.to_str().unwrap()];
    let mut pty = Pty::spawn(&args, 120, 10);
    pty.wait_for("progress", |s| {
        progress(&s.contents()).is_some_and(|n| n > 0)
    });
    let pid = pty.pid().expect("a pid");
    let sent = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let status = pty.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    let said = text(&pty.raw_output());
    assert!(
        said.contains("interrupted: the work done is committed"),
        "{said}"
    );
    let done = added(&said).expect("a summary");
    assert!(done > 0 && done < GENERATED as u64, "{said}");
    // What was added before the hang-up is there; the rest is not.
    assert_eq!(search(Path::new(index), &format!("id:{first}")).len(), 1);
    assert!(search(Path::new(index), &format!("id:{last}")).is_empty());
}
