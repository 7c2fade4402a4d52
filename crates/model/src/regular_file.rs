//! The one way cableview reads a file: regular files only, and never more than a limit.
//!
//! A named pipe blocks the open or the read until something writes to it, a device such
//! as `/dev/zero` reports a size of 0 and never ends, and a socket or a directory is no
//! file to read: each would hang the reader or fill memory. So a file is looked at (after
//! following links) before it is opened, opened without blocking (a pipe swapped in
//! meanwhile cannot stall the open), looked at again through the open handle, and read
//! through [`Read::take`], so a file that grows while it is read is refused too.
//!
//! Refusals are [`io::Error`]s carrying a [`Refusal`], so callers keep their usual error
//! handling (a missing file is still [`io::ErrorKind::NotFound`]) and the message says
//! why: `not a regular file: a named pipe (FIFO)`.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// One megabyte as the limits count it: 2^20 bytes.
pub const MB: u64 = 1024 * 1024;

/// The cable and side-file limit when `max_file_mb` is not set, in MB.
pub const DEFAULT_CABLE_MB: u64 = 64;

/// The most a read may return, and where the user can change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    bytes: u64,
    /// The config.toml key that sets it, for the refusal's hint.
    setting: Option<&'static str>,
}

impl Limit {
    /// `config.toml` and theme files: a few KB in practice, so 1 MB is generous.
    pub const CONFIG: Self = Self {
        bytes: MB,
        setting: None,
    };

    /// `state.json`: about 200 bytes per cable, so 128 MB holds a position in every
    /// cable of the 2010 release (251,287) twice over.
    pub const STATE: Self = Self {
        bytes: 128 * MB,
        setting: None,
    };

    /// The limit for cables and their side files: `mb` megabytes, set by `max_file_mb`.
    #[must_use]
    pub const fn cable_mb(mb: u64) -> Self {
        Self {
            bytes: mb.saturating_mul(MB),
            setting: Some("max_file_mb"),
        }
    }

    /// A limit of exactly `bytes`, with no setting to name (tests, embedding).
    #[must_use]
    pub const fn bytes(bytes: u64) -> Self {
        Self {
            bytes,
            setting: None,
        }
    }

    /// The most bytes a read may return.
    #[must_use]
    pub const fn max_bytes(self) -> u64 {
        self.bytes
    }
}

impl Default for Limit {
    /// The cable limit when the config sets none.
    fn default() -> Self {
        Self::cable_mb(DEFAULT_CABLE_MB)
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bytes >= MB && self.bytes.is_multiple_of(MB) {
            write!(f, "{} MB", self.bytes / MB)
        } else {
            write!(f, "{} bytes", self.bytes)
        }
    }
}

/// What the path turned out to be, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A directory.
    Directory,
    /// A named pipe: opening or reading it waits for a writer.
    Fifo,
    /// A Unix domain socket.
    Socket,
    /// A character device (`/dev/zero`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Anything else the platform has.
    Other,
}

impl Special {
    fn of(metadata: &Metadata) -> Option<Self> {
        let kind = metadata.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(Self::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Self::Fifo);
            }
            if kind.is_socket() {
                return Some(Self::Socket);
            }
            if kind.is_char_device() {
                return Some(Self::CharDevice);
            }
            if kind.is_block_device() {
                return Some(Self::BlockDevice);
            }
        }
        Some(Self::Other)
    }

    fn name(self) -> &'static str {
        match self {
            Self::Directory => "a directory",
            Self::Fifo => "a named pipe (FIFO)",
            Self::Socket => "a socket",
            Self::CharDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Other => "not a file",
        }
    }
}

/// Why a file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It is not a regular file (after following links).
    NotRegular(Special),
    /// It holds more than the limit (or says it is smaller and keeps going).
    TooLarge(Limit),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotRegular(special) => write!(f, "not a regular file: {}", special.name()),
            Self::TooLarge(limit) => {
                write!(f, "larger than the {limit} limit")?;
                if let Some(setting) = limit.setting {
                    write!(f, " (set `{setting}` in config.toml to change it)")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Refusal {}

impl From<Refusal> for io::Error {
    fn from(refusal: Refusal) -> Self {
        let kind = match refusal {
            Refusal::NotRegular(Special::Directory) => io::ErrorKind::IsADirectory,
            Refusal::NotRegular(_) => io::ErrorKind::InvalidInput,
            Refusal::TooLarge(_) => io::ErrorKind::FileTooLarge,
        };
        Self::new(kind, refusal)
    }
}

/// The refusal inside an error from [`read`], if it is one (rather than a missing file
/// or an error of the system's).
#[must_use]
pub fn refusal(error: &io::Error) -> Option<Refusal> {
    error.get_ref()?.downcast_ref::<Refusal>().copied()
}

/// Reads the regular file at `path` (links followed), at most `limit` bytes of it.
///
/// # Errors
/// What the system says (a missing file is [`io::ErrorKind::NotFound`]), or a
/// [`Refusal`]: not a regular file, or larger than `limit`.
pub fn read(path: &Path, limit: Limit) -> io::Result<Vec<u8>> {
    // Look before opening: opening a device can have effects of its own.
    check(&std::fs::metadata(path)?, limit)?;
    let file = open(path)?;
    // The path may have changed since: what counts is what was opened.
    let metadata = file.metadata()?;
    check(&metadata, limit)?;
    let expected = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    // One byte past the limit tells a file that grew past it from one that ends there.
    file.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(Refusal::TooLarge(limit).into());
    }
    Ok(bytes)
}

/// Opens the regular file at `path` for streaming, whatever its size (the release's CSV
/// is read row by row, not whole); anything else is refused as [`read`] refuses it.
///
/// # Errors
/// What the system says, or a [`Refusal`]: not a regular file.
pub fn open_stream(path: &Path) -> io::Result<File> {
    let unlimited = Limit::bytes(u64::MAX);
    check(&std::fs::metadata(path)?, unlimited)?;
    let file = open(path)?;
    check(&file.metadata()?, unlimited)?;
    Ok(file)
}

/// [`read`], as UTF-8 text.
///
/// # Errors
/// As [`read`], and [`io::ErrorKind::InvalidData`] for bytes that are not UTF-8.
pub fn read_to_string(path: &Path, limit: Limit) -> io::Result<String> {
    String::from_utf8(read(path, limit)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

/// Writes `bytes` to `path` as a regular file, created or truncated. Something other than
/// a regular file already there (a named pipe would block the open until a reader came,
/// a device would take the bytes) is refused, as [`read`] refuses it.
///
/// # Errors
/// What the system says, or a [`Refusal`]: not a regular file.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) => check(&metadata, Limit::bytes(u64::MAX))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut options = without_waiting();
    options.write(true).create(true).truncate(true);
    let mut file = options.open(path)?;
    check(&file.metadata()?, Limit::bytes(u64::MAX))?;
    io::Write::write_all(&mut file, bytes)
}

fn check(metadata: &Metadata, limit: Limit) -> io::Result<()> {
    if let Some(special) = Special::of(metadata) {
        return Err(Refusal::NotRegular(special).into());
    }
    if metadata.len() > limit.bytes {
        return Err(Refusal::TooLarge(limit).into());
    }
    Ok(())
}

/// Options that open without waiting: a named pipe blocks an open for reading until a
/// writer comes (and one for writing until a reader does), unless `O_NONBLOCK`; `O_NOCTTY`
/// keeps a terminal from becoming ours. Neither changes how a regular file reads or writes.
fn without_waiting() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options
}

/// Opens for reading without waiting ([`without_waiting`]).
fn open(path: &Path) -> io::Result<File> {
    without_waiting().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(result: io::Result<Vec<u8>>) -> (Refusal, String) {
        let error = result.expect_err("refused");
        let refusal = refusal(&error).expect("a refusal, not a system error");
        (refusal, error.to_string())
    }

    #[test]
    fn a_regular_file_reads_whole_up_to_its_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read(&path, Limit::bytes(5)).expect("read"), b"12345");
        let (why, message) = refused(read(&path, Limit::bytes(4)));
        assert_eq!(why, Refusal::TooLarge(Limit::bytes(4)));
        assert_eq!(message, "larger than the 4 bytes limit");
    }

    #[test]
    fn a_missing_file_is_not_found_and_no_refusal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read(&dir.path().join("nope"), Limit::CONFIG).expect_err("missing");
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert_eq!(refusal(&error), None);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let result = read(dir.path(), Limit::CONFIG);
        assert_eq!(
            result.as_ref().map_err(io::Error::kind).err(),
            Some(io::ErrorKind::IsADirectory)
        );
        let (_, message) = refused(result);
        assert_eq!(message, "not a regular file: a directory");
    }

    #[cfg(unix)]
    #[test]
    fn writes_go_to_regular_files_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write(&path, b"one").expect("create");
        write(&path, b"2").expect("truncate");
        assert_eq!(std::fs::read(&path).expect("read"), b"2");
        let link = dir.path().join("null.txt");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        let error = write(&link, b"x").expect_err("a device");
        assert_eq!(error.to_string(), "not a regular file: a character device");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_dev_zero_is_refused_as_a_device() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        let (why, message) = refused(read(&link, Limit::default()));
        assert_eq!(why, Refusal::NotRegular(Special::CharDevice));
        assert_eq!(message, "not a regular file: a character device");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_regular_file_is_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("target"), b"text").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("target", &link).expect("symlink");
        assert_eq!(read(&link, Limit::CONFIG).expect("read"), b"text");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_opens_without_blocking_and_is_refused_after_the_open() {
        // The look before opening is passed (a regular file), as if the pipe were
        // swapped in afterwards: the open must not block and the opened file is refused.
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        // On a thread, so a regression fails the test instead of hanging it.
        let (done, wait) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let file = open(&fifo).expect("a pipe opens");
            let error = check(&file.metadata().expect("fstat"), Limit::CONFIG).err();
            let message = read(&fifo, Limit::CONFIG).map_err(|e| e.to_string()).err();
            let _ = done.send((error.as_ref().and_then(refusal), message));
        });
        let (why, message) = wait
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("opening a pipe does not wait for a writer");
        assert_eq!(why, Some(Refusal::NotRegular(Special::Fifo)));
        assert_eq!(
            message.as_deref(),
            Some("not a regular file: a named pipe (FIFO)")
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_says_it_is_empty_is_still_read_no_further_than_the_limit() {
        // Files in /proc report a size of 0, as devices do, and hold more.
        let path = Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(path).expect("stat").len(), 0);
        assert!(read(path, Limit::CONFIG).expect("read").len() > 16);
        let (why, _) = refused(read(path, Limit::bytes(16)));
        assert_eq!(why, Refusal::TooLarge(Limit::bytes(16)));
    }

    #[test]
    fn the_cable_limit_names_its_setting() {
        assert_eq!(
            Refusal::TooLarge(Limit::default()).to_string(),
            "larger than the 64 MB limit (set `max_file_mb` in config.toml to change it)"
        );
        assert_eq!(
            Refusal::TooLarge(Limit::STATE).to_string(),
            "larger than the 128 MB limit"
        );
    }
}
