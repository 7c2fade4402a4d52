//! Runs the real `cableview` binary in a pseudo-terminal and reads its screen with vt100.
//!
//! Every wait polls the screen until a condition holds, with a generous deadline, so a
//! slow machine makes the tests slower, not flaky.
//!
//! Like a real terminal, it answers the primary device attributes query (`CSI c`), which
//! cableview sends at start to learn whether the keyboard enhancement is there; with
//! [`Terminal::kitty`] it also answers the kitty keyboard protocol's query (`CSI ? u`).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// Records window titles the program tries to set (`.0`) and what it puts on the
/// clipboard with OSC 52 (`.1`, still base64 encoded).
#[derive(Clone, Default)]
pub struct Titles(pub Arc<Mutex<Vec<Vec<u8>>>>, pub Arc<Mutex<Vec<Vec<u8>>>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.lock().unwrap().push(title.to_vec());
    }

    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.1.lock().unwrap().push(data.to_vec());
    }
}

/// What the pseudo-terminal plays.
#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// Answer the kitty keyboard protocol's query, as kitty, foot or WezTerm do.
    pub kitty: bool,
    /// Environment variables to set (`CABLEVIEW_DATA_DIR` to keep state between runs).
    pub env: Vec<(String, String)>,
}

/// Everything the program wrote, and the answers the terminal owes it.
struct Output {
    parser: vt100::Parser<Titles>,
    raw: Vec<u8>,
    /// How much of `raw` has been scanned for queries.
    scanned: usize,
    /// Set when the program's side of the terminal has closed and all it wrote is read.
    closed: bool,
}

/// A running `cableview` in a pseudo-terminal.
pub struct Pty {
    output: Arc<Mutex<Output>>,
    titles: Titles,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

/// The answers a terminal gives to the queries in `raw` that end after `scanned` (the
/// ones ending before were answered already; one may have straddled two reads).
fn answers(raw: &[u8], scanned: usize, kitty: bool) -> Vec<u8> {
    const KITTY_QUERY: &[u8] = b"\x1b[?u";
    const DA1_QUERY: &[u8] = b"\x1b[c";
    let mut out = Vec::new();
    for at in scanned.saturating_sub(DA1_QUERY.len().max(KITTY_QUERY.len()))..raw.len() {
        let rest = &raw[at..];
        let new = |query: &[u8]| rest.starts_with(query) && at + query.len() > scanned;
        if kitty && new(KITTY_QUERY) {
            // No flags set yet.
            out.extend_from_slice(b"\x1b[?0u");
        } else if new(DA1_QUERY) {
            // A VT220-ish terminal.
            out.extend_from_slice(b"\x1b[?62;22c");
        }
    }
    out
}

impl Pty {
    /// Starts `cableview ARGS` in a `cols` x `rows` terminal.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        Self::spawn_in(args, cols, rows, &Terminal::default())
    }

    /// Starts `cableview ARGS` in a `cols` x `rows` terminal playing `terminal`.
    pub fn spawn_in(args: &[&str], cols: u16, rows: u16, terminal: &Terminal) -> Pty {
        Self::start(args, cols, rows, terminal, true)
    }

    /// Starts `cableview ARGS` in a `cols` x `rows` terminal that answers no query, as a
    /// serial console or some multiplexers (vt100 itself answers none).
    pub fn spawn_silent(args: &[&str], cols: u16, rows: u16) -> Pty {
        Self::start(args, cols, rows, &Terminal::default(), false)
    }

    fn start(args: &[&str], cols: u16, rows: u16, terminal: &Terminal, answering: bool) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let home = tempfile::tempdir().expect("a temporary home");
        let mut cmd = cableview_command(args, home.path());
        for (var, value) in &terminal.env {
            cmd.env(var, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn cableview");
        drop(pair.slave);
        let titles = Titles::default();
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new_with_callbacks(
                NonZeroU16::new(rows).unwrap(),
                NonZeroU16::new(cols).unwrap(),
                0,
                titles.clone(),
            ),
            raw: Vec::new(),
            scanned: 0,
            closed: false,
        }));
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&output);
        let answer_to = Arc::clone(&writer);
        let kitty = terminal.kitty;
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let reply = {
                    let mut output = sink.lock().unwrap();
                    output.parser.process(&buf[..n]);
                    output.raw.extend_from_slice(&buf[..n]);
                    let reply = if answering {
                        answers(&output.raw, output.scanned, kitty)
                    } else {
                        Vec::new()
                    };
                    output.scanned = output.raw.len();
                    reply
                };
                if !reply.is_empty() {
                    let mut writer = answer_to.lock().unwrap();
                    let _ = writer.write_all(&reply);
                    let _ = writer.flush();
                }
            }
            sink.lock().unwrap().closed = true;
        });
        Pty {
            output,
            titles,
            writer,
            child,
            _master: pair.master,
            _home: home,
        }
    }

    /// Types bytes as if at the keyboard.
    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Everything the program has written so far, escapes and all.
    #[allow(dead_code, reason = "not every test file reads the escapes")]
    pub fn raw_output(&self) -> Vec<u8> {
        self.output.lock().unwrap().raw.clone()
    }

    /// CPU time the process has used so far, all its threads, in nanoseconds (Linux:
    /// `/proc/PID/task/*/schedstat`); `None` elsewhere.
    #[allow(dead_code, reason = "not every test file measures the CPU")]
    pub fn cpu_nanos(&self) -> Option<u64> {
        let tasks = std::fs::read_dir(format!("/proc/{}/task", self.pid()?)).ok()?;
        let mut total = 0;
        for task in tasks {
            let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
            total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
        }
        Some(total)
    }

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        let output = self.output.lock().unwrap();
        let cols = output.parser.screen().size().1.get();
        output.parser.screen().rows(0, cols).collect()
    }

    /// Runs `check` on the screen until it holds; fails with the screen after the deadline.
    pub fn wait_for(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if check(self.output.lock().unwrap().parser.screen()) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{}",
                self.rows().join("\n")
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether `check` holds for the screen now.
    #[allow(dead_code, reason = "not every test file checks the screen at once")]
    pub fn holds(&self, check: impl Fn(&vt100::Screen) -> bool) -> bool {
        check(self.output.lock().unwrap().parser.screen())
    }

    /// Waits until some row contains `text`.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    /// Waits for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                // What it wrote last (leaving the alternate screen) may still be on its
                // way: wait until the terminal has closed and everything is read.
                while !self.output.lock().unwrap().closed && start.elapsed() < DEADLINE {
                    std::thread::sleep(Duration::from_millis(10));
                }
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "cableview did not exit; screen:\n{}",
                self.rows().join("\n")
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Whether the process is still running.
    #[allow(dead_code, reason = "not every test file checks that it runs on")]
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("poll child").is_none()
    }

    /// The process id, for sending signals.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Whether the terminal is in the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.output
            .lock()
            .unwrap()
            .parser
            .screen()
            .alternate_screen()
    }

    /// Whether mouse reporting is on.
    pub fn mouse_reporting(&self) -> bool {
        self.output
            .lock()
            .unwrap()
            .parser
            .screen()
            .mouse_protocol_mode()
            != vt100::MouseProtocolMode::None
    }

    /// Where `text` first appears on screen: (column, row), from 0.
    #[allow(dead_code, reason = "not every test file clicks")]
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        self.rows().iter().enumerate().find_map(|(row, line)| {
            let byte = line.find(text)?;
            let column = line[..byte].chars().count();
            Some((u16::try_from(column).ok()?, u16::try_from(row).ok()?))
        })
    }

    /// A left click at a cell (column, row, from 0), as SGR mouse reporting sends it.
    #[allow(dead_code, reason = "not every test file clicks")]
    pub fn click(&mut self, column: u16, row: u16) {
        let (x, y) = (column + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    /// Window titles the program set.
    pub fn titles(&self) -> Vec<Vec<u8>> {
        self.titles.0.lock().unwrap().clone()
    }

    /// What the program put on the clipboard with OSC 52, base64 encoded.
    #[allow(dead_code, reason = "not every test file reads the clipboard")]
    pub fn clipboard(&self) -> Vec<Vec<u8>> {
        self.titles.1.lock().unwrap().clone()
    }
}

/// The command that runs cableview with `args` for a test: a known terminal type, no
/// colour or tmux settings from outside, and `home` for every file it may write.
pub fn cableview_command(args: &[&str], home: &std::path::Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cableview"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    // Inside tmux the clipboard escape is wrapped for tmux; the tests read it bare.
    cmd.env_remove("TMUX");
    // Keep any state or config the reader may write away from the real home.
    for var in [
        "HOME",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    ] {
        cmd.env(var, home);
    }
    cmd
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
