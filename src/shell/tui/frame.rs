//! The terminal's writer: a frame is kept whole and written at once when ratatui flushes,
//! so nothing written to the terminal from another thread (the keyboard-protocol query,
//! sent while the screen is up) can land inside one of its escape sequences.

use std::io::{self, Write};

/// Holds what ratatui writes until it flushes, then writes it to stdout in one call.
#[derive(Debug, Default)]
pub(crate) struct FrameWriter {
    buffer: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        let written = out.write_all(&self.buffer).and_then(|()| out.flush());
        self.buffer.clear();
        written
    }
}
