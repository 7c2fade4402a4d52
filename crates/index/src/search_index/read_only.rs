//! The index's folder opened for reading only: searching never opens a file there for
//! writing, so a read-only index (another user's, a read-only mount) can be searched.
//!
//! tantivy takes its meta lock while it opens the segments, so that a writer's garbage
//! collection, which takes the same lock, does not delete them meanwhile; it opens the
//! lock file for writing to do so. Here the lock file is opened for reading and locked
//! the same way (`flock` does not care how a file was opened); when there is none, no
//! writer has ever collected garbage there, and there is nothing to lock.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// A folder of tantivy files that refuses every write.
#[derive(Debug, Clone)]
pub(super) struct ReadOnly {
    inner: MmapDirectory,
    root: PathBuf,
}

impl ReadOnly {
    /// The index folder `dir`, for reading.
    pub(super) fn open(dir: &Path) -> tantivy::Result<Self> {
        Ok(Self {
            inner: MmapDirectory::open(dir)?,
            root: dir.to_path_buf(),
        })
    }
}

fn refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        "the index is open for reading only",
    )
}

impl Directory for ReadOnly {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(refused()),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::wrap_io_error(refused(), path.to_path_buf()))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(refused())
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match File::open(self.root.join(&lock.filepath)) {
            Ok(file) => {
                hold(&file, lock.is_blocking)?;
                Ok(DirectoryLock::from(Box::new(file)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DirectoryLock::from(Box::new(()))),
            Err(e) => Err(LockError::wrap_io_error(e)),
        }
    }
}

/// Locks a file exclusively, as tantivy's own locks do; released when it is closed.
#[cfg(unix)]
fn hold(file: &File, blocking: bool) -> Result<(), LockError> {
    use std::os::fd::AsRawFd;
    let operation = if blocking {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    loop {
        // SAFETY: flock on a descriptor this function borrows open.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(());
        }
        let error = io::Error::last_os_error();
        match error.kind() {
            io::ErrorKind::Interrupted => {}
            io::ErrorKind::WouldBlock => return Err(LockError::LockBusy),
            _ => return Err(LockError::wrap_io_error(error)),
        }
    }
}

#[cfg(not(unix))]
fn hold(_file: &File, _blocking: bool) -> Result<(), LockError> {
    Ok(())
}
