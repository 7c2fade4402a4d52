//! The query language on top of tantivy's: the fields users write (`tag:`, `class:`,
//! `entity:`, ...) checked, `date:2005..2007` made into a range, and `per="Barack Obama"`
//! into the exact facet value, with errors that point at the column where the query is
//! wrong.

mod exact;

use super::schema::days_from_civil;
pub use exact::EXACT;

/// The fields a query may name, and the index field each stands for.
pub const FIELDS: [(&str, &str); 14] = [
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

/// The query in tantivy's syntax, or where it is wrong.
///
/// # Errors
/// An unknown field, a quote or parenthesis left open, a date range that is not one,
/// an operator with nothing on one side.
pub fn rewrite(query: &str) -> Result<String, QueryError> {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let mut out = String::with_capacity(query.len() + 32);
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
                out.extend(chars[i..=end].iter().map(|&(_, c)| c));
                // `"a phrase"word` is the phrase, then the word.
                if chars
                    .get(end + 1)
                    .is_some_and(|&(_, c)| c.is_alphanumeric())
                {
                    out.push(' ');
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
                if let Some((term, end)) = exact::term(&chars, i, &word)? {
                    out.push_str(&term);
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
                        let range = date_range(&value).ok_or_else(|| QueryError {
                            column: column(value_start),
                            message: format!("`{value}` is not a date or range: write date:2005, date:2005..2007 or date:2005-03-01..2005-06-30"),
                        })?;
                        out.push_str(&range);
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
                    out.push_str(field);
                    out.push(':');
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
                // `Hezbollah's`: tantivy's grammar reads `'` as a quote, so the word goes
                // in as the phrase its tokens make.
                let apostrophe = |at: usize| {
                    chars
                        .get(at)
                        .is_some_and(|&(_, c)| matches!(c, '\'' | '\u{2019}'))
                        && chars.get(at + 1).is_some_and(|&(_, c)| c.is_alphanumeric())
                };
                if apostrophe(i + len) {
                    let mut end = i + len;
                    while apostrophe(end) {
                        end += 1;
                        end += chars[end..]
                            .iter()
                            .take_while(|&&(_, c)| c.is_alphanumeric())
                            .count();
                    }
                    out.push('"');
                    out.extend(chars[i..end].iter().map(|&(_, c)| c));
                    out.push('"');
                    i = end;
                    continue;
                }
                // `a AND NOT b`: tantivy reads `NOT b` as a clause of its own that matches
                // nothing; `a NOT b` is what is meant, and what it runs.
                let next_word: String = chars[i + len..]
                    .iter()
                    .skip_while(|&&(_, c)| c.is_whitespace())
                    .take_while(|&&(_, c)| c.is_alphanumeric())
                    .map(|&(_, c)| c)
                    .collect();
                if word != "AND" || next_word != "NOT" {
                    out.push_str(&word);
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
        out.push(c);
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
    Ok(out)
}

fn is_boundary(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '-' | '+')
}

/// `2005`, `2005-03`, `2005-03-01`, or two of them joined by `..` (either side may be
/// left out): a range over the `date` field, from the first day of the first to the
/// end of the last.
fn date_range(value: &str) -> Option<String> {
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
    (start < end).then(|| format!("date:[{} TO {}}}", rfc3339(start), rfc3339(end)))
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
    fn fields_are_mapped_and_dates_made_ranges() {
        assert_eq!(
            rewrite("tags:PTER classification:secret").unwrap(),
            "tag:PTER class:secret"
        );
        assert_eq!(
            rewrite("date:2005..2007 hezbollah").unwrap(),
            "date:[2005-01-01T00:00:00Z TO 2008-01-01T00:00:00Z} hezbollah"
        );
        assert_eq!(
            rewrite("(date:2005-02)").unwrap(),
            "(date:[2005-02-01T00:00:00Z TO 2005-03-01T00:00:00Z})"
        );
        assert_eq!(
            rewrite("entity:\"Djamel Beghal\"").unwrap(),
            "entity:\"Djamel Beghal\""
        );
        assert_eq!(
            rewrite("\"id: in a phrase\"").unwrap(),
            "\"id: in a phrase\""
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
        ];
        for (query, column, message) in cases {
            let error = rewrite(query).unwrap_err();
            assert_eq!(error.column, column, "{query}: {error}");
            assert!(error.message.contains(message), "{query}: {error}");
        }
        let pointed = rewrite("x foo:y").unwrap_err().pointed("x foo:y");
        assert!(
            pointed.starts_with("x foo:y\n  ^ unknown field"),
            "{pointed}"
        );
    }
}
