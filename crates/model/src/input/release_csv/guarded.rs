//! A reader that stops a row from growing past [`MAX_ROW_BYTES`].

use super::MAX_ROW_BYTES;
use std::cell::Cell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

/// A reader that refuses to go more than [`MAX_ROW_BYTES`] past the start of a row.
pub(super) struct Guarded<R> {
    pub(super) inner: R,
    pub(super) read: u64,
    pub(super) row_start: Rc<Cell<u64>>,
}

impl<R: Seek> Seek for Guarded<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let at = self.inner.seek(to)?;
        self.read = at;
        Ok(at)
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read.saturating_sub(self.row_start.get()) > MAX_ROW_BYTES {
            // A kind of its own, so the rows' reader knows to step over this row.
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!("a row longer than {} MB", MAX_ROW_BYTES >> 20),
            ));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}
