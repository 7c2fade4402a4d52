//! The citation template of `config.toml`: `{id} ¶{paragraph}[ ({marking})]...`.
//!
//! `{name}` stands for a field of the cable; `[...]` is a group, left out whole when a
//! placeholder in it has no value (a page's date, a paragraph's marking), so a missing
//! field never leaves ` ·  · ` or `()` behind. `{{`, `}}`, `[[` and `]]` are the
//! characters themselves.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The template used when the config names none.
pub const DEFAULT: &str =
    "[{id} ]¶{paragraph}[ ({marking})][ · {origin}][ · {date}][ · {subject}]\n[{url}\n]\n{text}";

/// A field of the cable a template can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The reference ID: `05PARIS2333`.
    Id,
    /// The paragraph's label: `3`.
    Paragraph,
    /// The paragraph's portion marking: `S`, `S/NF`.
    Marking,
    /// Where the cable was sent from: `Embassy Paris` (a page), `PARIS` (the header).
    Origin,
    /// The day the cable was written, `2005-04-07`, where the source says (pages do).
    Date,
    /// The cable's subject line.
    Subject,
    /// The cable on the WikiLeaks site, when its ID and date are known.
    Url,
    /// The paragraph's text.
    Text,
}

impl Field {
    /// Every field with its placeholder name, in the order errors list them.
    pub const ALL: [(&'static str, Field); 8] = [
        ("id", Field::Id),
        ("paragraph", Field::Paragraph),
        ("marking", Field::Marking),
        ("origin", Field::Origin),
        ("date", Field::Date),
        ("subject", Field::Subject),
        ("url", Field::Url),
        ("text", Field::Text),
    ];

    fn named(name: &str) -> Option<Field> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Field(Field),
    /// Only `Text` and `Field` inside: groups do not nest.
    Group(Vec<Part>),
}

/// A parsed citation template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

/// Why a template does not parse: what is wrong, and the character (from 1) where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// What is wrong.
    pub problem: String,
    /// The character of the template, counted from 1.
    pub at: usize,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "citation: {} (character {} of the template)",
            self.problem, self.at
        )?;
        if self.problem.starts_with("unknown placeholder") {
            let names: Vec<String> = Field::ALL.iter().map(|(n, _)| format!("{{{n}}}")).collect();
            write!(f, ", expected one of {}", names.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

impl Default for Template {
    fn default() -> Self {
        Self::parse(DEFAULT).expect("the default citation template parses")
    }
}

impl Template {
    /// Parses a template; an unknown placeholder, a lone brace or bracket, or a group
    /// inside a group is an error at its character.
    pub fn parse(source: &str) -> Result<Self, TemplateError> {
        let chars: Vec<char> = source.chars().collect();
        let error = |problem: String, at: usize| TemplateError {
            problem,
            at: at + 1,
        };
        let mut top: Vec<Part> = Vec::new();
        // The open group, with where it opened.
        let mut group: Option<(Vec<Part>, usize)> = None;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let doubled = chars.get(i + 1) == Some(&c);
            let part = match c {
                '{' | '}' | '[' | ']' if doubled => {
                    i += 1;
                    Part::Text(c.to_string())
                }
                '{' => {
                    let Some(len) = chars[i + 1..].iter().position(|&c| c == '}') else {
                        return Err(error("a { that is never closed".into(), i));
                    };
                    let name: String = chars[i + 1..i + 1 + len].iter().collect();
                    let Some(field) = Field::named(&name) else {
                        return Err(error(format!("unknown placeholder \"{{{name}}}\""), i));
                    };
                    i += len + 1;
                    Part::Field(field)
                }
                '}' => return Err(error("a } without its { (write }} for one)".into(), i)),
                '[' if group.is_some() => {
                    return Err(error("a [ inside a group (write [[ for one)".into(), i));
                }
                '[' => {
                    group = Some((Vec::new(), i));
                    i += 1;
                    continue;
                }
                ']' => {
                    let Some((parts, _)) = group.take() else {
                        return Err(error("a ] without its [ (write ]] for one)".into(), i));
                    };
                    i += 1;
                    top.push(Part::Group(parts));
                    continue;
                }
                c => Part::Text(c.to_string()),
            };
            match &mut group {
                Some((parts, _)) => push(parts, part),
                None => push(&mut top, part),
            }
            i += 1;
        }
        if let Some((_, at)) = group {
            return Err(error("a [ that is never closed".into(), at));
        }
        Ok(Self {
            source: source.to_string(),
            parts: top,
        })
    }

    /// The template as written.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The template filled in: `value` gives each field, `None` (or empty) for one the
    /// cable lacks, which leaves out the group holding it.
    #[must_use]
    pub fn render(&self, value: impl Fn(Field) -> Option<String>) -> String {
        let value = |f: Field| value(f).filter(|v| !v.is_empty());
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Field(field) => out.push_str(&value(*field).unwrap_or_default()),
                Part::Group(parts) => {
                    let mut inner = String::new();
                    for part in parts {
                        match part {
                            Part::Text(text) => inner.push_str(text),
                            Part::Field(field) => match value(*field) {
                                Some(v) => inner.push_str(&v),
                                None => {
                                    inner.clear();
                                    break;
                                }
                            },
                            Part::Group(_) => {}
                        }
                    }
                    out.push_str(&inner);
                }
            }
        }
        out
    }
}

/// Adds a part, joining runs of text so the parts stay few.
fn push(parts: &mut Vec<Part>, part: Part) {
    if let (Some(Part::Text(last)), Part::Text(text)) = (parts.last_mut(), &part) {
        last.push_str(text);
    } else {
        parts.push(part);
    }
}

impl Serialize for Template {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(template: &str, known: &[(Field, &str)]) -> String {
        Template::parse(template).unwrap().render(|f| {
            known
                .iter()
                .find(|(k, _)| *k == f)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn placeholders_are_filled_and_groups_drop_with_a_missing_value() {
        let all = [
            (Field::Id, "05PARIS2333"),
            (Field::Paragraph, "3"),
            (Field::Marking, "S"),
            (Field::Date, "2005-04-07"),
        ];
        let t = "{id} ¶{paragraph}[ ({marking})][ · {origin}][ · {date}]";
        assert_eq!(fill(t, &all), "05PARIS2333 ¶3 (S) · 2005-04-07");
        assert_eq!(fill(t, &all[..2]), "05PARIS2333 ¶3");
        // Outside a group, a missing value is simply empty.
        assert_eq!(fill("<{origin}>", &all), "<>");
        // A group of text alone always shows.
        assert_eq!(fill("[x]{id}", &all), "x05PARIS2333");
    }

    #[test]
    fn doubled_braces_and_brackets_are_themselves() {
        assert_eq!(
            fill(
                "{{{id}}} [[{paragraph}]]",
                &[(Field::Id, "A"), (Field::Paragraph, "1")]
            ),
            "{A} [1]"
        );
    }

    #[test]
    fn errors_name_the_problem_and_its_character() {
        let error = Template::parse("{id} ¶{para}").unwrap_err();
        assert_eq!(error.at, 7);
        assert_eq!(
            error.to_string(),
            "citation: unknown placeholder \"{para}\" (character 7 of the template), \
             expected one of {id}, {paragraph}, {marking}, {origin}, {date}, {subject}, {url}, {text}"
        );
        for (template, problem, at) in [
            ("ab{id", "a { that is never closed", 3),
            ("a}", "a } without its { (write }} for one)", 2),
            ("[a[b]]", "a [ inside a group (write [[ for one)", 3),
            ("a]", "a ] without its [ (write ]] for one)", 2),
            ("x [{id}", "a [ that is never closed", 3),
        ] {
            let error = Template::parse(template).unwrap_err();
            assert_eq!(
                (error.problem.as_str(), error.at),
                (problem, at),
                "{template}"
            );
        }
    }

    #[test]
    fn the_default_parses_and_keeps_its_source() {
        assert_eq!(Template::default().source(), DEFAULT);
    }
}
