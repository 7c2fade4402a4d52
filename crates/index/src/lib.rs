//! cableview's corpus index: a whole release in tantivy, for search, facets and
//! snippets. It stands on the model ([`cableview_model`]) and knows nothing of the app.

pub mod search_index;

// The model's modules under the names the index's files use (`crate::cable::...`).
use cableview_model::{aliases, cable, corrections, input, regular_file, sanitize, tagger};
