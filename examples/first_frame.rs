//! Times a terminal program to its first screen: runs it in a 120x40 pseudo-terminal,
//! waits until the screen shows a text, and reports how long that took and the
//! program's peak memory then. The same for `cableview --index DIR` and for what a user
//! would run instead (`less` on the release CSV).
//!
//! `cargo run --release --example first_frame -- TEXT PROGRAM [ARGS...]`
//! (Linux: the peak memory is the program's `VmHWM`).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A VT220-ish terminal's answer to the primary device attributes query (`CSI c`),
/// which cableview sends at start.
const DA1_ANSWER: &[u8] = b"\x1b[?62;22c";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [text, program, rest @ ..] = args.as_slice() else {
        eprintln!("usage: first_frame TEXT PROGRAM [ARGS...]");
        std::process::exit(2);
    };
    let (rows, cols) = (40, 120);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(program);
    command.args(rest);
    command.env("TERM", "xterm-256color");
    if let Ok(dir) = std::env::current_dir() {
        command.cwd(dir);
    }
    let start = Instant::now();
    let mut child = pair
        .slave
        .spawn_command(command)
        .expect("the program starts");
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        NonZeroU16::new(rows).expect("rows"),
        NonZeroU16::new(cols).expect("cols"),
        0,
    )));
    let mut writer = pair.master.take_writer().expect("a pty writer");
    let mut reader = pair.master.try_clone_reader().expect("a pty reader");
    let sink = Arc::clone(&screen);
    let (queries, asked) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if buf[..n].windows(3).any(|w| w == b"\x1b[c") {
                let _ = queries.send(());
            }
            sink.lock().expect("the screen").process(&buf[..n]);
        }
    });
    let pid = child.process_id();
    let deadline = Duration::from_secs(120);
    let elapsed = loop {
        if asked.try_recv().is_ok() {
            let _ = writer.write_all(DA1_ANSWER);
            let _ = writer.flush();
        }
        if screen
            .lock()
            .expect("the screen")
            .screen()
            .contents()
            .contains(text.as_str())
        {
            break start.elapsed();
        }
        if start.elapsed() > deadline {
            eprintln!("no {text:?} on the screen after {deadline:?}");
            let _ = child.kill();
            std::process::exit(1);
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let peak = pid.and_then(|pid| {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    });
    let _ = child.kill();
    let _ = child.wait();
    match peak {
        Some(kb) => println!(
            "{program}: {text:?} on screen after {:.3} s, peak RSS {:.1} MB",
            elapsed.as_secs_f64(),
            kb as f64 / 1024.0
        ),
        None => println!(
            "{program}: {text:?} on screen after {:.3} s",
            elapsed.as_secs_f64()
        ),
    }
}
