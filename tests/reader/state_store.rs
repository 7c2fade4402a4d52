//! The reading state store on a real file system: round trip, a crash between
//! write and rename, a corrupt file, a pipe or a device in its place, two writers, a
//! data dir that refuses writes, saving behind another instance's lock.

#[cfg(unix)]
use crate::hostile;

use cableview::atomic_file as atomic;
use cableview::shell::state::Store;
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

/// Opens a store on a `state.json` that is not state, and checks it was set aside
/// with `reason` in the notice and saving goes on in a fresh file. Returns the path
/// it was set aside to.
#[cfg(unix)]
fn set_aside_with(path: &Path, reason: &str) -> PathBuf {
    let opened = path.to_path_buf();
    let mut store = hostile::within("opening the store", move || Store::open(opened));
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let expected = format!("reading state could not be read ({reason}); kept as ");
    assert!(notices[0].starts_with(&expected), "{}", notices[0]);
    assert!(
        notices[0].ends_with(" and started afresh"),
        "{}",
        notices[0]
    );
    assert!(store.can_save() && store.entries().is_empty());
    let names = file_names(path.parent().expect("dir"));
    assert_eq!(names.len(), 1, "{names:?}");
    let aside = path.with_file_name(&names[0]);
    assert!(notices[0].contains(&aside.display().to_string()));

    assert!(store.save("A", &json!(1)));
    assert!(std::fs::metadata(path).expect("state").is_file());
    assert_eq!(
        Store::open(path.to_path_buf()).position("A"),
        Some(&json!(1))
    );
    aside
}

#[cfg(unix)]
#[test]
fn a_named_pipe_for_state_is_set_aside_without_waiting_for_a_writer() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    hostile::fifo(&path);
    let aside = set_aside_with(&path, "not a regular file: a named pipe (FIFO)");
    let kind = std::fs::symlink_metadata(aside).expect("kept").file_type();
    assert!(kind.is_fifo(), "the pipe itself is kept");
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_for_state_is_set_aside_not_read_forever() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    hostile::dev_zero(&path);
    let aside = set_aside_with(&path, "not a regular file: a character device");
    let link = std::fs::read_link(aside).expect("the link itself is kept");
    assert_eq!(link, Path::new("/dev/zero"));
}

#[cfg(unix)]
#[test]
fn a_state_file_over_the_limit_is_set_aside_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    // Sparse: 129 MB long without writing them.
    let size = 129 * 1024 * 1024;
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(size))
        .expect("a long file");
    let aside = set_aside_with(&path, "larger than the 128 MB limit");
    assert_eq!(std::fs::metadata(aside).expect("kept").len(), size);
}

/// Holds the lock as another cableview does while it saves.
fn hold_lock(path: &Path) -> PathBuf {
    let lock = path.with_file_name("state.json.lock");
    std::fs::write(&lock, "another cableview").expect("lock");
    lock
}

#[test]
fn saving_later_does_not_wait_for_another_instances_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    assert!(store.save("A", &json!(1)));
    let before = std::fs::read(&path).expect("state");
    let lock = hold_lock(&path);

    // Each returns at once; a save on this thread would have waited for the lock and
    // then written without it, so the file would hold B.
    for n in 0..50 {
        assert!(store.save_later("B", &json!(n)));
    }
    assert_eq!(
        store.position("B"),
        Some(&json!(49)),
        "the store has it at once"
    );
    assert_eq!(
        std::fs::read(&path).expect("state"),
        before,
        "the file waits"
    );
    assert_eq!(
        std::fs::read_to_string(&lock).expect("lock"),
        "another cableview"
    );

    // The other instance is done: the saves reach the file, the last one winning.
    std::fs::remove_file(&lock).expect("unlock");
    store.flush();
    let reopened = Store::open(path.clone());
    assert_eq!(reopened.position("A"), Some(&json!(1)));
    assert_eq!(reopened.position("B"), Some(&json!(49)));
    assert!(store.take_notices().is_empty());
    assert_eq!(file_names(path.parent().expect("dir")), vec!["state.json"]);
}

#[test]
fn quitting_waits_for_a_held_lock_only_so_long_then_saves_anyway() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    let lock = hold_lock(&path);
    assert!(store.save_later("A", &json!(1)));
    // A lock that stays (a stuck instance) holds the flush up for the patience only.
    store.flush();
    assert_eq!(Store::open(path).position("A"), Some(&json!(1)));
    assert!(lock.exists(), "the other's lock is not ours to remove");
}

#[test]
fn a_store_dropped_with_saves_queued_writes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    for n in 0..20 {
        assert!(store.save_later(&format!("k{n}"), &json!(n)));
    }
    drop(store);
    let reopened = Store::open(path);
    assert_eq!(reopened.entries().len(), 20);
    assert_eq!(reopened.position("k19"), Some(&json!(19)));
}

#[test]
fn a_failure_in_the_background_is_a_notice_and_turns_saving_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = state_in(dir.path());
    let mut store = Store::open(path.clone());
    // The file turns into something from a newer build while the store is open.
    let newer = r#"{"version": 99, "cables": {}}"#;
    std::fs::write(&path, newer).expect("write");
    assert!(store.save_later("A", &json!(1)));
    store.flush();
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("from a newer cableview"),
        "{}",
        notices[0]
    );
    assert!(!store.can_save());
    assert!(!store.save_later("B", &json!(2)));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), newer);
}
