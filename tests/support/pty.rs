//! Runs the real `cableview` binary in a pseudo-terminal and reads its screen with vt100.
//!
//! Every wait polls the screen until a condition holds, with a generous deadline, so a
//! slow machine makes the tests slower, not flaky.

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

/// A running `cableview` in a pseudo-terminal.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser<Titles>>>,
    titles: Titles,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Pty {
    /// Starts `cableview ARGS` in a `cols` x `rows` terminal.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let home = tempfile::tempdir().expect("a temporary home");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cableview"));
        cmd.args(args);
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
            cmd.env(var, home.path());
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn cableview");
        drop(pair.slave);
        let titles = Titles::default();
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
            titles.clone(),
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            parser,
            titles,
            writer,
            child,
            _master: pair.master,
            _home: home,
        }
    }

    /// Types bytes as if at the keyboard.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let cols = parser.screen().size().1.get();
        parser.screen().rows(0, cols).collect()
    }

    /// Runs `check` on the screen until it holds; fails with the screen after the deadline.
    pub fn wait_for(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if check(self.parser.lock().unwrap().screen()) {
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

    /// The process id, for sending signals.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Whether the terminal is in the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether mouse reporting is on.
    pub fn mouse_reporting(&self) -> bool {
        self.parser.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
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

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
