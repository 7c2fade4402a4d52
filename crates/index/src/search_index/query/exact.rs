//! `field=value`: the exact value of a facet (`per="Barack Obama"`, `year=2005`), case
//! and all, checked here and made into the facet's term by the query's builder, so a
//! query names the very cables a facet counts.

use super::{FIELDS, QueryError};

/// The fields a query may match exactly with `=` (`per="Barack Obama"`, `year=2005`):
/// the whole value, case and all, as the facets count it. `per:obama` finds every PER
/// name with the word; `per=Obama` only the PER named just `Obama`.
pub const EXACT: &[(&str, &str)] = super::super::fields::EXACT_NAMES;

/// Where `word=value` starting at `chars[at]` ends (`word` being the field's name);
/// `None` when `word` is not followed by `=` or names no field (`E=mc2` is text).
///
/// # Errors
/// A field that has no facet (`entity=`), a value left out or a quote left open.
pub(super) fn term(
    chars: &[(usize, char)],
    at: usize,
    word: &str,
) -> Result<Option<usize>, QueryError> {
    let equals = at + word.chars().count();
    if chars.get(equals).is_none_or(|&(_, c)| c != '=') {
        return Ok(None);
    }
    let named = |fields: &[(&'static str, &'static str)]| {
        fields
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(word))
            .map(|&(_, field)| field)
    };
    if named(EXACT).is_some() {
        let (_, end) = value(chars, equals + 1, word)?;
        return Ok(Some(end));
    }
    if named(FIELDS).is_some() {
        let exact: Vec<&str> = EXACT.iter().map(|(n, _)| *n).collect();
        return Err(QueryError {
            column: equals + 1,
            message: format!(
                "`{word}=` cannot match exactly: `=` works with {}",
                exact.join(", ")
            ),
        });
    }
    Ok(None)
}

/// The value of `field=` starting at `start`: a run of characters up to a space or `)`,
/// or a quoted one where `\"` is a quote and `\\` a backslash. The value and where it
/// ends.
fn value(
    chars: &[(usize, char)],
    start: usize,
    field: &str,
) -> Result<(String, usize), QueryError> {
    let mut value = String::new();
    if chars.get(start).is_some_and(|&(_, c)| c == '"') {
        let mut at = start + 1;
        loop {
            match chars.get(at).map(|&(_, c)| c) {
                None => {
                    return Err(QueryError {
                        column: start + 1,
                        message: "this quote is never closed".into(),
                    });
                }
                Some('"') => break,
                Some('\\') if at + 1 < chars.len() => {
                    value.push(chars[at + 1].1);
                    at += 2;
                }
                Some(c) => {
                    value.push(c);
                    at += 1;
                }
            }
        }
        if value.is_empty() {
            return Err(QueryError {
                column: start + 1,
                message: format!("`{field}=` needs a value inside the quotes"),
            });
        }
        return Ok((value, at + 1));
    }
    let len = chars[start..]
        .iter()
        .take_while(|&&(_, c)| !c.is_whitespace() && c != ')')
        .count();
    if len == 0 {
        return Err(QueryError {
            column: start + 1,
            message: format!("`{field}=` needs a value after it"),
        });
    }
    value.extend(chars[start..start + len].iter().map(|&(_, c)| c));
    Ok((value, start + len))
}
