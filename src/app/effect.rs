//! What the reader asks of the world: `update` changes state and returns these; the event
//! loop (or the library session around the reader) carries them out, so `update` itself
//! does no I/O.

/// One thing for the event loop to do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave cableview.
    Quit,
    /// Put this text on the clipboard (its control characters already made visible).
    Copy(String),
    /// Open this cable of the library: a click on a link in the header.
    OpenCable(usize),
    /// Load the theme that follows `after` in `cableview themes` order (it reads the
    /// themes dir and the theme files) and hand it to [`super::App::set_theme`].
    NextTheme {
        /// The theme in use.
        after: String,
    },
}
