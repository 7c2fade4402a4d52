//! The query language on tantivy's grammar ([`tantivy::query_grammar`]): the query is
//! checked here first, so a mistake is reported at the user's column (an unknown field, a
//! quote or parenthesis left open, a date range that is not one), then parsed by tantivy
//! into its tree, which [`build`] makes into the query run: the fields users write
//! (`tag:`, `class:`, `entity:`, ...) mapped to the index's, `date:2005..2007` made a
//! range, `per="Barack Obama"` the exact facet value, `qadhaf*` a prefix and
//! `qadhafi~1` a fuzzy match.

mod build;
mod exact;

use super::schema::days_from_civil;
pub use exact::EXACT;

/// The fields a query may name, and the index field each stands for.
pub const FIELDS: [(&str, &str); 16] = [
    ("id", "id"),
    ("origin", "origin"),
    ("tag", "tag"),
    ("tags", "tag"),
    ("class", "class"),
    ("classification", "class"),
    ("date", "date"),
    ("entity", "entity"),
    ("per", "per"),
    ("org", "org"),
    ("loc", "loc"),
    ("misc", "misc"),
    ("subject", "subject"),
    ("to", "to"),
    ("info", "info"),
    ("text", "text"),
];

/// A query that cannot be run, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The 1-based column (in characters) where the query is wrong.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for QueryError {}

impl QueryError {
    /// The query with a caret under the column, for a terminal.
    #[must_use]
    pub fn pointed(&self, query: &str) -> String {
        format!(
            "{query}\n{}^ {}",
            " ".repeat(self.column.saturating_sub(1)),
            self.message
        )
    }
}

/// A query checked, ready for tantivy's grammar: the user's text with what the grammar
/// needs added (a `:` after the `=` of `per="Barack Obama"`, which the tree then names as
/// field `per=`; a space between `"a phrase"` and a word stuck to it), and where each
/// addition is, to point at the user's column when the grammar finds a fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prepared {
    /// The text tantivy's grammar parses.
    pub text: String,
    /// Byte offsets in the user's text where one character was added, in order.
    added: Vec<usize>,
}

impl Prepared {
    /// The user's 1-based column of a byte offset in [`Prepared::text`].
    pub fn column(&self, query: &str, at: usize) -> usize {
        let mut original = at;
        for (n, &added) in self.added.iter().enumerate() {
            if added + n < at {
                original -= 1;
            }
        }
        query
            .get(..original.min(query.len()))
            .map_or(1, |s| s.chars().count() + 1)
    }
}

/// Checks a query and prepares it for tantivy's grammar.
///
/// # Errors
/// An unknown field, a quote or parenthesis left open, a date range that is not one,
/// an operator with nothing on one side, a fuzzy match of more than two edits.
pub(super) fn prepare(query: &str) -> Result<Prepared, QueryError> {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let mut added: Vec<usize> = Vec::new();
    let mut depth: Vec<usize> = Vec::new();
    let mut i = 0;
    let column = |i: usize| i + 1;
    let mut last_word: Option<(usize, String)> = None;
    let mut operand_seen = false;
    while i < chars.len() {
        let (_, c) = chars[i];
        match c {
            '"' => {
                let close = chars[i + 1..].iter().position(|&(_, c)| c == '"');
                let Some(close) = close else {
                    return Err(QueryError {
                        column: column(i),
                        message: "this quote is never closed".into(),
                    });
                };
                let end = i + 1 + close;
                // `"a phrase"word` is the phrase, then the word.
                if let Some(&(at, c)) = chars.get(end + 1)
                    && c.is_alphanumeric()
                {
                    added.push(at);
                }
                i = end + 1;
                operand_seen = true;
                last_word = None;
                continue;
            }
            '(' => depth.push(i),
            ')' if depth.pop().is_none() => {
                return Err(QueryError {
                    column: column(i),
                    message: "this parenthesis closes nothing".into(),
                });
            }
            c if c.is_alphabetic() && (i == 0 || is_boundary(chars[i - 1].1)) => {
                let len = chars[i..]
                    .iter()
                    .take_while(|&&(_, c)| c.is_alphanumeric() || c == '_')
                    .count();
                let word: String = chars[i..i + len].iter().map(|&(_, c)| c).collect();
                if let Some(end) = exact::term(&chars, i, &word)? {
                    // `per=` becomes the field `per=` of the grammar.
                    let value = i + word.chars().count() + 1;
                    added.push(chars.get(value).map_or(query.len(), |&(at, _)| at));
                    i = end;
                    operand_seen = true;
                    last_word = None;
                    continue;
                }
                if chars.get(i + len).is_some_and(|&(_, c)| c == ':') {
                    let Some(&(_, field)) = FIELDS
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(&word))
                    else {
                        let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                        return Err(QueryError {
                            column: column(i),
                            message: format!(
                                "unknown field `{word}`: the fields are {}",
                                known.join(", ")
                            ),
                        });
                    };
                    let value_start = i + len + 1;
                    if field == "date" {
                        let value_len = chars[value_start..]
                            .iter()
                            .take_while(|&&(_, c)| !c.is_whitespace() && c != ')')
                            .count();
                        let value: String = chars[value_start..value_start + value_len]
                            .iter()
                            .map(|&(_, c)| c)
                            .collect();
                        if date_range(&value).is_none() {
                            return Err(QueryError {
                                column: column(value_start),
                                message: format!(
                                    "`{value}` is not a date or range: write date:2005, date:2005..2007 or date:2005-03-01..2005-06-30"
                                ),
                            });
                        }
                        i = value_start + value_len;
                        operand_seen = true;
                        last_word = None;
                        continue;
                    }
                    if chars
                        .get(value_start)
                        .is_none_or(|&(_, c)| c.is_whitespace() || c == ')')
                    {
                        return Err(QueryError {
                            column: column(value_start),
                            message: format!("`{word}:` needs a value after it"),
                        });
                    }
                    i = value_start;
                    last_word = None;
                    continue;
                }
                let operator = matches!(word.as_str(), "AND" | "OR");
                if operator && !operand_seen {
                    return Err(QueryError {
                        column: column(i),
                        message: format!("`{word}` needs something before it"),
                    });
                }
                operand_seen = !operator && word != "NOT";
                last_word = Some((i, word.clone()));
                if let Some(n) = edits(&chars, i + len) {
                    return Err(QueryError {
                        column: column(i + len),
                        message: format!(
                            "`~{n}`: a fuzzy match allows 1 or 2 edits (write {word}~1 or {word}~2)"
                        ),
                    });
                }
                i += len;
                continue;
            }
            c if !c.is_whitespace() => {
                operand_seen = true;
                last_word = None;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(open) = depth.pop() {
        return Err(QueryError {
            column: column(open),
            message: "this parenthesis is never closed".into(),
        });
    }
    if let Some((at, word)) = last_word.filter(|(_, w)| matches!(w.as_str(), "AND" | "OR" | "NOT"))
    {
        return Err(QueryError {
            column: column(at),
            message: format!("`{word}` needs something after it"),
        });
    }
    let mut text = String::with_capacity(query.len() + added.len());
    let mut from = 0;
    for &at in &added {
        text.push_str(&query[from..at]);
        text.push(if query[..at].ends_with('=') { ':' } else { ' ' });
        from = at;
    }
    text.push_str(&query[from..]);
    Ok(Prepared { text, added })
}

/// The edits of `word~N` (the `~` at `at`) when N is not one tantivy can match: more
/// than two.
fn edits(chars: &[(usize, char)], at: usize) -> Option<u64> {
    if chars.get(at).is_none_or(|&(_, c)| c != '~') {
        return None;
    }
    let digits: String = chars[at + 1..]
        .iter()
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .map(|&(_, c)| c)
        .collect();
    let n = digits.parse::<u64>().ok()?;
    (n > 2).then_some(n)
}

fn is_boundary(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '-' | '+')
}

/// `2005`, `2005-03`, `2005-03-01`, or two of them joined by `..` (either side may be
/// left out): the seconds from the first day of the first (included) to the end of the
/// last (excluded).
fn date_range(value: &str) -> Option<(i64, i64)> {
    let (from, to) = match value.split_once("..") {
        Some((from, to)) => (from, to),
        None => (value, value),
    };
    if from.is_empty() && to.is_empty() {
        return None;
    }
    let start = if from.is_empty() {
        Some(-2_208_988_800)
    } else {
        bound(from, false)
    }?;
    let end = if to.is_empty() {
        Some(4_102_444_800)
    } else {
        bound(to, true)
    }?;
    (start < end).then_some((start, end))
}

/// The first second of a date (or of the day after it, for an upper bound).
fn bound(text: &str, after: bool) -> Option<i64> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    let month = parts.get(1).map_or(Some(1), |m| number(m, 2))?;
    let day = parts.get(2).map_or(Some(1), |d| number(d, 2))?;
    if parts.len() > 3 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let days = if !after {
        days
    } else {
        match parts.len() {
            1 => days_from_civil(year + 1, 1, 1),
            2 if month == 12 => days_from_civil(year + 1, 1, 1),
            2 => days_from_civil(year, month + 1, 1),
            _ => days + 1,
        }
    };
    Some(days * 86_400)
}

fn rfc3339(seconds: i64) -> String {
    let text = super::schema::date_text(seconds);
    format!("{}T{}:00Z", &text[..10], &text[11..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_gets_the_exact_fields_and_stuck_phrases_it_reads() {
        let prepared = prepare("per=\"Barack Obama\" \"a phrase\"word tag:PTER").unwrap();
        assert_eq!(
            prepared.text,
            "per=:\"Barack Obama\" \"a phrase\" word tag:PTER"
        );
        // A column after the additions is the user's.
        let at = prepared.text.find("tag:").unwrap();
        assert_eq!(
            prepared.column("per=\"Barack Obama\" \"a phrase\"word tag:PTER", at),
            35
        );
        assert_eq!(
            prepare("qadhaf* qadhafi~2").unwrap().text,
            "qadhaf* qadhafi~2"
        );
    }

    #[test]
    fn errors_point_at_their_column() {
        let cases = [
            ("container foo:bar", 11, "unknown field `foo`"),
            ("a \"open phrase", 3, "never closed"),
            ("(a OR b", 1, "never closed"),
            ("a) b", 2, "closes nothing"),
            ("date:2005..later", 6, "not a date"),
            ("date:2007..2005", 6, "not a date"),
            ("OR paris", 1, "needs something before"),
            ("paris AND", 7, "needs something after"),
            ("tag: x", 5, "needs a value"),
            ("a per= b", 7, "needs a value"),
            ("per=\"\"", 5, "inside the quotes"),
            ("org=\"open", 5, "never closed"),
            ("x entity=Paris", 9, "cannot match exactly"),
            ("tripoli qadhafi~3", 16, "1 or 2 edits"),
        ];
        for (query, column, message) in cases {
            let error = prepare(query).unwrap_err();
            assert_eq!(error.column, column, "{query}: {error}");
            assert!(error.message.contains(message), "{query}: {error}");
        }
        let pointed = prepare("x foo:y").unwrap_err().pointed("x foo:y");
        assert!(
            pointed.starts_with("x foo:y\n  ^ unknown field"),
            "{pointed}"
        );
    }

    #[test]
    fn dates_become_ranges_of_seconds() {
        let day = 86_400;
        let (from, to) = date_range("2005-02").unwrap();
        assert_eq!(rfc3339(from), "2005-02-01T00:00:00Z");
        assert_eq!((to - from) / day, 28);
        let (from, to) = date_range("2005..2006").unwrap();
        assert_eq!(
            (rfc3339(from), rfc3339(to)),
            ("2005-01-01T00:00:00Z".into(), "2007-01-01T00:00:00Z".into())
        );
    }
}
