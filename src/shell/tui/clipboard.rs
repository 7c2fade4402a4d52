//! Putting a quote on the clipboard: inside tmux, handed to tmux itself (`tmux load-buffer
//! -w -`), since tmux by default drops the OSC 52 escape a program inside it writes (even
//! wrapped for passthrough); elsewhere, OSC 52 to the terminal, which works over SSH too.

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long tmux has to take the text before the copy is given up as failed: the loop
/// waits for it, and a stuck tmux must not freeze the reader.
const TMUX_TIMEOUT: Duration = Duration::from_secs(3);

/// How a copy left cableview, for the status line: where the text went, never more than
/// cableview can know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Taken by tmux into its paste buffer (`tmux load-buffer -w -`), which also sets
    /// the outer terminal's clipboard where its `set-clipboard` allows.
    Tmux,
    /// Written to the terminal as an OSC 52 escape: whether it honours it, the terminal
    /// does not say.
    Osc52,
}

impl Sent {
    /// The status line's report: `¶2 (1171 characters) sent to tmux's buffer`.
    #[must_use]
    pub fn report(self, what: &str) -> String {
        match self {
            Self::Tmux => format!("{what} sent to tmux's buffer"),
            Self::Osc52 => format!("{what} sent to the terminal's clipboard (OSC 52)"),
        }
    }
}

/// Puts `text` on the clipboard: through tmux when `$TMUX` is set, else with OSC 52 on
/// stdout. The escape carries base64 only, so nothing from the cable reaches the terminal
/// raw.
///
/// # Errors
/// tmux cannot be run, fails (its message), or does not finish in time; stdout fails.
pub fn copy(text: &str) -> io::Result<Sent> {
    if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
        load_buffer(text)?;
        return Ok(Sent::Tmux);
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(crate::export::citation::osc52(text).as_bytes())?;
    stdout.flush()?;
    Ok(Sent::Osc52)
}

/// `tmux load-buffer -w -` with `text` on its stdin, within [`TMUX_TIMEOUT`].
fn load_buffer(text: &str) -> io::Result<()> {
    let failed = |what: String| io::Error::other(format!("tmux load-buffer {what}"));
    let mut child = Command::new("tmux")
        .args(["load-buffer", "-w", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("could not start: {e}")))?;
    // Written and read on threads of their own: a tmux that reads or writes nothing
    // would otherwise block the loop on a full pipe, past any timeout.
    let mut stdin = child.stdin.take().expect("piped");
    let bytes = text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&bytes));
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut message = String::new();
        let _ = stderr.read_to_string(&mut message);
        message
    });
    let deadline = Instant::now() + TMUX_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(format!(
                "did not finish in {} s",
                TMUX_TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let written = writer.join().unwrap_or(Ok(()));
    let message = reader.join().unwrap_or_default();
    if !status.success() {
        // tmux's own words ("no server running on ..."), made safe for the status line.
        let message = message.lines().next().unwrap_or("").trim();
        let message = crate::sanitize::printable(message);
        let why = if message.is_empty() {
            status.to_string()
        } else {
            message.into_owned()
        };
        return Err(failed(format!("failed: {why}")));
    }
    written.map_err(|e| failed(format!("did not take the text: {e}")))
}
