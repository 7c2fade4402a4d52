//! The reading state store on a real file system: round trip, a crash between
//! write and rename, a corrupt file, two writers, a data dir that refuses writes.

use cableview::state::{Store, atomic};
use serde_json::json;
use std::path::{Path, PathBuf};

fn state_in(dir: &Path) -> PathBuf {
    dir.join("data").join("state.json")
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_saved_position_is_read_back_by_a_new_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    assert!(store.can_save(), "{:?}", store.take_notices());
    assert!(store.take_notices().is_empty());
    let position = json!({"paragraph": 4, "scroll": 17, "marks": {"a": 2}});
    assert!(store.save("05PARIS2333", &position));

    let reopened = Store::open(path.clone());
    assert_eq!(reopened.position("05PARIS2333"), Some(&position));
    assert!(reopened.entries()["05PARIS2333"].updated_at > 1_600_000_000);
    assert!(reopened.position("06ROME1").is_none());
    // Only the state file is left: no temporary, no lock.
    assert_eq!(file_names(path.parent().expect("dir")), vec!["state.json"]);
}

#[test]
fn a_position_is_read_back_as_a_typed_value() {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Position {
        paragraph: usize,
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(state_in(dir.path()));
    assert!(store.save("k", &Position { paragraph: 5 }));
    assert_eq!(
        store.position_as::<Position>("k"),
        Some(Position { paragraph: 5 })
    );
    // A shape that no longer fits is no position, not an error.
    assert!(store.save("old", &json!({"para": "x"})));
    assert_eq!(store.position_as::<Position>("old"), None);
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_old_state_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    assert!(store.save("A", &json!({"paragraph": 1})));
    // The next save dies after writing its temporary file, before the rename;
    // a half-written temporary is what a crash mid-write leaves.
    let temp = atomic::write_temp(&path, b"{\"version\": 1, \"cables\": {\"A\": {\"posi")
        .expect("temp file");

    let mut after = Store::open(path.clone());
    assert!(
        after.take_notices().is_empty(),
        "a leftover temporary is not a problem"
    );
    assert_eq!(after.position("A"), Some(&json!({"paragraph": 1})));
    assert!(after.save("B", &json!({"paragraph": 2})));
    let again = Store::open(path);
    assert_eq!(again.position("A"), Some(&json!({"paragraph": 1})));
    assert_eq!(again.position("B"), Some(&json!({"paragraph": 2})));
    assert!(
        temp.exists(),
        "a recent temporary may be a live writer's; it is left alone"
    );
}

#[test]
fn a_corrupt_file_is_moved_aside_reported_once_and_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    let garbage = b"{\"version\": 1, \"cables\": {tru";
    std::fs::write(&path, garbage).expect("write");

    let mut store = Store::open(path.clone());
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with("reading state could not be read ("),
        "{}",
        notices[0]
    );
    assert!(notices[0].ends_with("and started afresh"), "{}", notices[0]);
    assert!(store.take_notices().is_empty(), "reported once");
    assert!(store.entries().is_empty());

    // The user's bytes are kept, byte for byte, under the name the notice gives.
    let names = file_names(path.parent().expect("dir"));
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("state.json.corrupt-"), "{names:?}");
    let aside = path.with_file_name(&names[0]);
    assert!(notices[0].contains(&aside.display().to_string()));
    assert_eq!(std::fs::read(&aside).expect("read"), garbage);

    // Saving works again and does not touch the set-aside file.
    assert!(store.save("A", &json!(1)));
    assert_eq!(Store::open(path).position("A"), Some(&json!(1)));
    assert_eq!(std::fs::read(&aside).expect("read"), garbage);
}

#[test]
fn a_file_corrupted_while_open_is_moved_aside_when_saving() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    assert!(store.save("A", &json!(1)));
    std::fs::write(&path, "not json").expect("write");
    assert!(store.save("B", &json!(2)));
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("state.json.corrupt-"));
    assert_eq!(file_names(path.parent().expect("dir")).len(), 2);
}

#[test]
fn two_writers_keep_each_others_cables_and_the_last_wins_a_shared_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut first = Store::open(path.clone());
    let mut second = Store::open(path.clone());
    assert!(first.save("A", &json!({"by": "first"})));
    assert!(second.save("B", &json!({"by": "second"})));
    assert!(first.save("C", &json!({"by": "first"})));
    let both = Store::open(path.clone());
    assert_eq!(both.position("A"), Some(&json!({"by": "first"})));
    assert_eq!(both.position("B"), Some(&json!({"by": "second"})));
    assert_eq!(both.position("C"), Some(&json!({"by": "first"})));

    // The same cable: whoever saves last has it, and saving it again does not
    // bring back the other's older cables either.
    assert!(first.save("A", &json!({"by": "first", "n": 2})));
    assert!(second.save("A", &json!({"by": "second", "n": 3})));
    let last = Store::open(path);
    assert_eq!(last.position("A"), Some(&json!({"by": "second", "n": 3})));
    assert_eq!(last.entries().len(), 3);
}

#[test]
fn concurrent_writers_in_threads_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(path);
                for i in 0..10 {
                    assert!(store.save(&format!("w{w}-{i}"), &json!(i)));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer");
    }
    let store = Store::open(path.clone());
    assert_eq!(store.entries().len(), 40);
    assert_eq!(file_names(path.parent().expect("dir")), vec!["state.json"]);
}

#[test]
fn a_data_dir_under_a_regular_file_turns_saving_off_with_one_notice() {
    // Root ignores permissions, so "unwritable" is a data dir path that cannot be
    // a directory: it runs through a regular file.
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, "a file where the data dir should be").expect("write");
    let mut store = Store::open(blocker.join("state.json"));
    assert!(!store.can_save());
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with("reading positions"),
        "{}",
        notices[0]
    );
    assert!(!store.save("A", &json!(1)));
    assert!(store.take_notices().is_empty(), "the notice is given once");
    assert!(store.position("A").is_none());
}

#[test]
fn a_data_dir_that_is_a_regular_file_turns_saving_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::write(&data, "not a directory").expect("write");
    // The data dir itself is the file: creating it fails.
    let mut store = Store::open(data.join("sub").join("state.json"));
    assert!(!store.can_save());
    assert_eq!(store.take_notices().len(), 1);
    assert_eq!(
        std::fs::read_to_string(&data).expect("read"),
        "not a directory"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_data_dir_still_reads_the_saved_state() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    assert!(store.save("A", &json!({"paragraph": 3})));
    let data = path.parent().expect("dir");
    std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    if std::fs::write(data.join("probe"), "").is_ok() {
        // Running as root: permissions do not bind; the tests above cover this case.
        std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let mut read_only = Store::open(path.clone());
    assert_eq!(read_only.position("A"), Some(&json!({"paragraph": 3})));
    assert!(!read_only.can_save());
    assert_eq!(read_only.take_notices().len(), 1);
    std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn a_state_file_from_a_newer_build_is_read_nowhere_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    let newer = r#"{"version": 99, "cables": {}}"#;
    std::fs::write(&path, newer).expect("write");
    let mut store = Store::open(path.clone());
    assert!(!store.can_save());
    assert!(store.take_notices()[0].contains("from a newer cableview"));
    assert!(!store.save("A", &json!(1)));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), newer);
}
