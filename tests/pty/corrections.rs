//! Corrections made in the reader, end to end: select `Chirac`, `E` then `O`, quit; the
//! entity table and the brat export then give Chirac as ORG; `u` after reopening undoes it.

use crate::pty::{Pty, Terminal};
use std::path::Path;
use std::process::Command;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// The reader on the sample with config and data dirs in `home`.
fn spawn(home: &Path) -> Pty {
    let terminal = Terminal {
        env: vec![
            (
                "CABLEVIEW_CONFIG_DIR".into(),
                home.join("config").display().to_string(),
            ),
            (
                "CABLEVIEW_DATA_DIR".into(),
                home.join("data").display().to_string(),
            ),
        ],
        ..Terminal::default()
    };
    let term = Pty::spawn_in(&[], COLS, ROWS, &terminal);
    term.wait_for("the reader", |s| {
        s.alternate_screen() && s.contents().contains("SECRET")
    });
    term
}

/// A command of the binary with the same dirs; its standard output.
fn run(home: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CABLEVIEW_CONFIG_DIR", home.join("config"))
        .env("CABLEVIEW_DATA_DIR", home.join("data"))
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Chirac's kind in `cableview entities --json`.
fn chirac_kind(home: &Path) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&run(home, &["entities", "--json"])).expect("json");
    let rows: Vec<&serde_json::Value> = json
        .as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["name"] == "Chirac")
        .collect();
    assert_eq!(rows.len(), 1, "one Chirac row: {rows:?}");
    rows[0]["kind"].as_str().expect("a kind").to_string()
}

/// The brat export's annotation lines naming Chirac.
fn brat_chirac(home: &Path) -> Vec<String> {
    let out = home.join(format!("brat{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    run(
        home,
        &[
            "export",
            "--format",
            "brat",
            "--out",
            out.to_str().expect("utf-8 path"),
        ],
    );
    let ann = std::fs::read_to_string(out.join("05PARIS2333.ann")).expect("the .ann");
    ann.lines()
        .filter(|l| l.ends_with("\tChirac"))
        .map(str::to_string)
        .collect()
}

fn quit(term: &mut Pty) {
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_relabel_made_in_the_reader_is_kept_exported_and_undone() {
    let home = tempfile::tempdir().expect("temp dir");
    let home = home.path();
    assert_eq!(chirac_kind(home), "PER", "the tagger's label to begin with");

    let mut term = spawn(home);
    term.send("fChirac\r");
    term.wait_for("Chirac selected", |s| {
        s.rows(0, COLS)
            .last()
            .is_some_and(|l| l.contains("Chirac 1/1"))
    });
    term.send("E");
    term.wait_for("the menu", |s| {
        let text = s.contents();
        text.contains("correct PER Chirac") && text.contains("not an entity")
    });
    term.send("O");
    term.wait_for("the correction said", |s| {
        s.contents()
            .contains("corrected: relabel PER Chirac as ORG")
    });
    // Shown at once: the sidebar lists Chirac among the organisations now.
    let screen = term.rows().join("\n");
    let org = screen.find("ORG organisation (").expect("an ORG group");
    let chirac = screen.rfind("Chirac").expect("Chirac listed");
    assert!(chirac > org, "{screen}");
    quit(&mut term);

    let overlay = home.join("data/corrections/05PARIS2333.ann");
    let saved = std::fs::read_to_string(&overlay).expect("the overlay saved");
    assert!(saved.contains("\tORG "), "{saved}");
    assert_eq!(chirac_kind(home), "ORG");
    let brat = brat_chirac(home);
    assert!(
        !brat.is_empty() && brat.iter().all(|l| l.contains("\tORG ")),
        "{brat:?}"
    );

    let mut term = spawn(home);
    term.send("u");
    term.wait_for("the undo said", |s| {
        s.contents().contains("undone: relabel PER Chirac as ORG")
    });
    quit(&mut term);
    assert!(!overlay.exists(), "no correction is left, so no overlay");
    assert_eq!(chirac_kind(home), "PER");
    let brat = brat_chirac(home);
    assert!(brat.iter().all(|l| l.contains("\tPER ")), "{brat:?}");
}
