//! Plain `cableview` on a terminal with a default index in the data dir: the index's
//! table; with one that cannot be opened, the sample, the status line saying why.

use crate::pty;

use pty::{Pty, Terminal};
use std::path::Path;

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

fn with_data_dir(data: &Path) -> Terminal {
    Terminal {
        env: vec![(
            "CABLEVIEW_DATA_DIR".to_string(),
            data.to_string_lossy().into_owned(),
        )],
        ..Terminal::default()
    }
}

#[test]
fn plain_cableview_shows_the_default_index_table() {
    let data = tempfile::tempdir().unwrap();
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(["index", ANNOTATED])
        .env("CABLEVIEW_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(built.status.success(), "{built:?}");
    let mut pty = Pty::spawn_in(&[], 120, 30, &with_data_dir(data.path()));
    pty.wait_for_text("cableview library: 34 of 34 cables");
    // The mentions come from the index too.
    pty.wait_for_text("Mentions");
    let rows = pty.rows();
    let row = rows
        .iter()
        .find(|r| r.starts_with("04PARIS8983 "))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    let mentions: usize = row.split_whitespace().last().unwrap().parse().unwrap();
    assert!(mentions > 0, "{row}");
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn a_broken_default_index_opens_the_sample_and_says_why() {
    let data = tempfile::tempdir().unwrap();
    let index = data.path().join("index");
    std::fs::create_dir_all(&index).unwrap();
    std::fs::write(index.join("meta.json"), "{ not json").unwrap();
    let mut pty = Pty::spawn_in(&[], 120, 30, &with_data_dir(data.path()));
    pty.wait_for_text("05PARIS2333");
    pty.wait_for_text("default index ");
    pty.wait_for_text("the index is corrupt");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
