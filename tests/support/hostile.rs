//! Files that are not files, made in the test (a named pipe, a link to `/dev/zero`),
//! and ways to run what reads them that fail after a deadline instead of hanging.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long anything reading a hostile file may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// Makes a named pipe at `path`. Opening it for reading blocks until a writer comes.
pub fn fifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("a path");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a directory entry.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// Makes `path` a symbolic link to `/dev/zero`, which says it is empty and never ends.
pub fn dev_zero(path: &Path) {
    std::os::unix::fs::symlink("/dev/zero", path).expect("symlink to /dev/zero");
}

/// Runs `f` on a thread of its own and returns what it gives, failing the test if it
/// takes longer than [`DEADLINE`] (the thread is left behind, blocked).
pub fn within<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(f());
    });
    wait.recv_timeout(DEADLINE)
        .unwrap_or_else(|e| panic!("{what} did not finish within {DEADLINE:?}: {e}"))
}

/// Runs `command` with no input, killing it and failing the test if it runs longer
/// than [`DEADLINE`].
pub fn run(command: &mut Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // Read both pipes meanwhile, so a full pipe never stalls the child.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} still ran after {DEADLINE:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}
