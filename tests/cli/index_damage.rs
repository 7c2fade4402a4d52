//! The corpus index damaged, read-only, or raced for: `search` and the library say the
//! index is corrupt (exit 1, never a panic), `index --check` names the damaged files,
//! an update refuses a damaged index before writing, searching writes nothing (so a
//! read-only index can be searched), and of two `index` runs at once the loser hears
//! that another cableview is writing the index.

use crate::damage::{build_index, copy_index, fast_files, garble_columns, snapshot};
use crate::search_index::{cableview, text};
use std::path::Path;
use std::process::{Command, Output};

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");

/// A small index, and a garbled copy of it.
fn garbled() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    build_index(&index);
    garble_columns(&index);
    let index = index.to_str().unwrap().to_string();
    (dir, index)
}

fn says_corrupt(out: &Output) {
    let err = text(&out.stderr);
    // `search` exits 2 on an error, as grep does; the library 1, as for unreadable input.
    assert!(matches!(out.status.code(), Some(1 | 2)), "{err}");
    assert!(err.contains("the index is corrupt"), "{err}");
    assert!(
        err.contains("delete the folder and run `cableview index` again"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn search_and_the_library_on_a_garbled_index_say_it_is_corrupt() {
    let (_dir, index) = garbled();
    says_corrupt(&cableview(&[
        "search", "--index", &index, "--json", "terror",
    ]));
    says_corrupt(&cableview(&[
        "search",
        "--index",
        &index,
        "date:2004..2006",
    ]));
    // Piped, the library reads every row of the table.
    says_corrupt(&cableview(&["--index", &index]));
}

#[test]
fn index_check_names_the_damaged_files() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    build_index(&index);
    let path = index.to_str().unwrap();
    let sound = cableview(&["index", "--check", "--index", path]);
    assert!(sound.status.success(), "{}", text(&sound.stderr));
    assert!(
        text(&sound.stdout).contains(" files checked, no damage found"),
        "{}",
        text(&sound.stdout)
    );

    garble_columns(&index);
    let before = snapshot(&index);
    let out = cableview(&["index", "--check", "--index", path]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    let fast = fast_files(&index);
    for file in &fast {
        let line = format!("{}: checksum mismatch", file.display());
        assert!(listed.lines().any(|l| l == line), "{line} in:\n{listed}");
    }
    assert_eq!(
        listed.lines().count(),
        fast.len(),
        "only the damaged:\n{listed}"
    );
    assert!(
        text(&out.stderr).contains(&format!("{} of ", fast.len())),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(snapshot(&index), before, "a check writes nothing");
}

#[test]
fn an_update_over_a_damaged_index_refuses_before_writing() {
    let (_dir, index) = garbled();
    let before = snapshot(Path::new(&index));
    let out = cableview(&["index", "--index", &index, ANNOTATED]);
    says_corrupt(&out);
    assert!(
        text(&out.stderr).contains("checksum mismatch"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(snapshot(Path::new(&index)), before, "nothing written");
}

#[test]
fn searching_opens_no_file_of_the_index_for_writing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    build_index(&index);
    // tantivy's reader creates its meta lock file if it is missing, and opens it for
    // writing if it is there: neither may happen, or a read-only index cannot be read.
    std::fs::remove_file(index.join(".tantivy-meta.lock")).unwrap();
    let before = snapshot(&index);
    let path = index.to_str().unwrap();
    let out = cableview(&["search", "--index", path, "--json", "paris"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).is_empty());
    let out = cableview(&["--index", path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(": 34 cables\n"));
    assert_eq!(snapshot(&index), before, "nothing created or written");
}

/// As another user, on an index that user cannot write. Tests run as root, whom file
/// modes do not stop, so the binary runs as `nobody` through `setpriv`; where that
/// cannot be done (not root, no `setpriv`), `searching_opens_no_file_of_the_index_for_
/// writing` stands for it.
#[cfg(unix)]
#[test]
fn another_user_searches_a_read_only_index() {
    use std::os::unix::fs::PermissionsExt;
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| text(&o.stdout).trim() == "0");
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let (true, Some(setpriv)) = (is_root, setpriv) else {
        eprintln!("skipped: needs root and setpriv to run as another user");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built");
    build_index(&built);
    let index = dir.path().join("ro");
    copy_index(&built, &index);
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    for entry in std::fs::read_dir(&index).unwrap() {
        mode(&entry.unwrap().path(), 0o444);
    }
    mode(&index, 0o555);
    mode(dir.path(), 0o755);
    let as_nobody = |args: &[&str]| {
        Command::new(setpriv)
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_cableview"))
            .args(args)
            .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
            .env("CABLEVIEW_CONFIG_DIR", "/nonexistent-cableview-config")
            .output()
            .expect("setpriv runs")
    };
    let path = index.to_str().unwrap();
    // The user cannot write there: what the index's own writer says.
    let refused = as_nobody(&["index", "--index", path, ANNOTATED]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let out = as_nobody(&["search", "--index", path, "--json", "paris"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("\"id\""),
        "{}",
        text(&out.stdout)
    );
    let out = as_nobody(&["--index", path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(": 34 cables\n"));
    mode(&index, 0o755);
}

/// What a folder holds while another cableview creates an index there: tantivy writes
/// `meta.json` under a temporary name first. The writer's lock is held as that
/// cableview's writer holds it once it has begun.
#[cfg(unix)]
#[test]
fn an_index_being_created_by_another_cableview_is_locked_not_foreign() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    std::fs::create_dir(&index).unwrap();
    std::fs::write(index.join(".tmpQ3xZ9k"), "{\"segments\":[").unwrap();
    let lock = std::fs::File::create(index.join(".tantivy-writer.lock")).unwrap();
    // SAFETY: flock on a file this test holds open.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let out = cableview(&["index", "--index", index.to_str().unwrap(), ANNOTATED]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the index is locked by another cableview"),
        "{err}"
    );
    drop(lock);
    // Once the other is gone, the same command builds it.
    let out = cableview(&["index", "--index", index.to_str().unwrap(), ANNOTATED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn of_two_index_runs_at_once_the_loser_hears_the_index_is_locked() {
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let index = index.to_str().unwrap();
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_cableview"))
                .args(["index", "--index", index, ANNOTATED])
                .env("CABLEVIEW_DATA_DIR", "/nonexistent-cableview-data")
                .env("CABLEVIEW_CONFIG_DIR", "/nonexistent-cableview-config")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("the binary runs")
        };
        let (a, b) = (spawn(), spawn());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        for out in &outs {
            let err = text(&out.stderr);
            assert!(
                out.status.success() || err.contains("locked by another cableview"),
                "round {round}: {err}"
            );
        }
        assert!(outs.iter().any(|o| o.status.success()), "round {round}");
    }
}
