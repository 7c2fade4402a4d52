//! Writing a file so that a crash or a kill leaves either the old or the new file,
//! never a mix: a temporary file in the same directory, written and synced, then
//! renamed over the target, then the directory synced so the rename itself lasts.
//!
//! Also a small lock file so two instances do not interleave their read-merge-write.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The prefix of temporary files next to `path`: `state.json.tmp-`.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
    format!("{name}.tmp-")
}

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp(path, bytes)?;
    commit(&temp, path).inspect_err(|_| {
        // The target is untouched; do not leave the temporary file behind.
        let _ = std::fs::remove_file(&temp);
    })
}

/// The first half of [`write`]: a new, synced temporary file next to `path`
/// holding `bytes`. Public so tests can stop here, as a crash would.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent(path);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!("{}{}-{n}", temp_prefix(path), std::process::id()));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// The second half of [`write`]: renames `temp` over `path` and syncs the directory.
pub fn commit(temp: &Path, path: &Path) -> io::Result<()> {
    std::fs::rename(temp, path)?;
    sync_dir(parent(path));
    Ok(())
}

/// Removes temporary files next to `path` older than `age`: what crashes left.
pub fn sweep_temps(path: &Path, age: Duration) {
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(parent(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let is_temp = entry.file_name().to_string_lossy().starts_with(&prefix);
        if is_temp && older_than(&entry.path(), age) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn older_than(path: &Path, age: Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|d| d > age)
}

/// Makes a rename durable. Only Unix can open a directory to sync it; elsewhere
/// the rename is as durable as the platform makes it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A lock held while a file is re-read, merged and rewritten: `state.json.lock`,
/// created exclusively and removed on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// What one try at the lock gave.
#[derive(Debug)]
pub enum Attempt {
    /// The lock is ours until dropped.
    Held(Lock),
    /// Another holder has it, and not for long enough to be taken for a crash's.
    Busy,
    /// It cannot be had: a directory that refuses new files.
    Failed,
}

impl Lock {
    /// How long a lock may stand before it is taken to be left by a crash.
    pub const STALE: Duration = Duration::from_secs(10);
    /// How long a caller that cannot go on without the save (quitting) waits for another
    /// instance before going ahead without the lock.
    pub const PATIENCE: Duration = Duration::from_secs(2);

    /// Takes the lock for `path`, waiting up to [`Lock::PATIENCE`] for another holder.
    ///
    /// Returns `None` when the lock cannot be had (a stuck holder, a directory
    /// that refuses new files): the caller goes on without it, since the atomic
    /// rename still keeps the file whole and the worst case is one lost update.
    #[must_use]
    pub fn acquire(path: &Path) -> Option<Self> {
        let start = std::time::Instant::now();
        loop {
            match Self::try_acquire(path) {
                Attempt::Held(lock) => return Some(lock),
                Attempt::Failed => return None,
                Attempt::Busy if start.elapsed() > Self::PATIENCE => return None,
                Attempt::Busy => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    /// One try at the lock for `path`, without waiting; a lock older than
    /// [`Lock::STALE`] is removed and tried again.
    #[must_use]
    pub fn try_acquire(path: &Path) -> Attempt {
        let Some(name) = path.file_name() else {
            return Attempt::Failed;
        };
        let lock = parent(path).join(format!("{}.lock", name.to_string_lossy()));
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(mut file) => {
                    let _ = write!(file, "{}", std::process::id());
                    return Attempt::Held(Self { path: lock });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if !older_than(&lock, Self::STALE) {
                        return Attempt::Busy;
                    }
                    let _ = std::fs::remove_file(&lock);
                }
                Err(_) => return Attempt::Failed,
            }
        }
        Attempt::Busy
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        write(&path, b"one").expect("write");
        write(&path, b"two").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
    }

    #[test]
    fn a_temporary_file_does_not_touch_the_target_until_commit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        write(&path, b"old").expect("write");
        let temp = write_temp(&path, b"new").expect("temp");
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        commit(&temp, &path).expect("commit");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert!(!temp.exists());
    }

    #[test]
    fn sweep_removes_only_old_temporaries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        let temp = write_temp(&path, b"left by a crash").expect("temp");
        sweep_temps(&path, Duration::from_secs(3600));
        assert!(
            temp.exists(),
            "a fresh temporary may belong to a live writer"
        );
        sweep_temps(&path, Duration::ZERO);
        std::thread::sleep(Duration::from_millis(20));
        sweep_temps(&path, Duration::ZERO);
        assert!(!temp.exists());
    }

    #[test]
    fn the_lock_is_exclusive_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        let lock = Lock::acquire(&path).expect("first lock");
        assert!(dir.path().join("state.json.lock").exists());
        let released = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let waiter = {
            let (path, released) = (path.clone(), released.clone());
            std::thread::spawn(move || {
                let second = Lock::acquire(&path);
                (second.is_some(), released.load(Ordering::SeqCst))
            })
        };
        std::thread::sleep(Duration::from_millis(100));
        released.store(true, Ordering::SeqCst);
        drop(lock);
        let (got_it, after_release) = waiter.join().expect("thread");
        assert!(
            got_it && after_release,
            "the second holder waited for the first"
        );
        assert!(!dir.path().join("state.json.lock").exists());
    }

    #[test]
    fn a_try_does_not_wait_for_a_fresh_lock_and_takes_a_stale_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        let lock_file = dir.path().join("state.json.lock");
        std::fs::write(&lock_file, "another process").expect("write");
        assert!(matches!(Lock::try_acquire(&path), Attempt::Busy));
        let old = SystemTime::now() - Lock::STALE - Duration::from_secs(1);
        File::options()
            .write(true)
            .open(&lock_file)
            .and_then(|f| f.set_modified(old))
            .expect("age the lock");
        assert!(matches!(Lock::try_acquire(&path), Attempt::Held(_)));
    }
}
