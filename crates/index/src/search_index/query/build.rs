//! The tree tantivy's grammar makes of a query, made into the query the index runs. The
//! forms tantivy's own parser leaves to its caller are built here: the fields users
//! write mapped to the index's, `date:` a range, `field=value` a facet's term, `word*`
//! a prefix and `word~1` a fuzzy match; the rest goes to tantivy's [`QueryParser`],
//! one leaf at a time.

use super::super::fields::Name;
use super::{EXACT, FIELDS, Prepared, QueryError, date_range, prepare, rfc3339};
use crate::search_index::{SearchIndex, schema};
use std::collections::BTreeSet;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, QueryParser,
    TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};

/// Up to how many words of the index a prefix or fuzzy word is made into, each scored
/// and highlighted; beyond, the cables are found alike (all words matched, all scored
/// the same) but not highlighted.
const EXPANSIONS: usize = 64;

/// A word's form beyond the plain word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `qadhaf*`: every word starting so.
    Prefix,
    /// `qadhafi~1`: every word within so many edits (1 or 2).
    Fuzzy(u8),
}

/// `qadhaf*` or `qadhafi~2` as the word and its form; `None` for a plain word.
fn form(phrase: &str) -> Option<(&str, Form)> {
    if let Some(stem) = phrase.strip_suffix('*')
        && !stem.is_empty()
        && !stem.contains('*')
    {
        return Some((stem, Form::Prefix));
    }
    let (stem, edits) = phrase.rsplit_once('~')?;
    let edits: u8 = edits.parse().ok()?;
    (!stem.is_empty() && (1..=2).contains(&edits)).then_some((stem, Form::Fuzzy(edits)))
}

impl SearchIndex {
    /// The query tantivy runs for the user's text.
    ///
    /// # Errors
    /// Where the query is wrong, at the user's column.
    pub(in crate::search_index) fn build_query(
        &self,
        text: &str,
    ) -> Result<Box<dyn Query>, QueryError> {
        let prepared = prepare(text)?;
        let (ast, errors) = tantivy::query_grammar::parse_query_lenient(&prepared.text);
        if let Some(error) = errors.first() {
            return Err(QueryError {
                column: prepared.column(text, error.pos),
                message: format!("tantivy's grammar says: {}", error.message),
            });
        }
        Builder {
            index: self,
            parser: self.default_parser(),
            text,
            prepared: &prepared,
        }
        .ast(ast)
    }

    /// The parser of plain words, phrases and ranges: words look in the text, the
    /// subject (weighing twice) and the ID (a reference ID typed alone finds its cable
    /// first), and all must match.
    fn default_parser(&self) -> QueryParser {
        let f = &self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.text, f.subject, f.id]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.subject, 2.0);
        parser.set_field_boost(f.id, 4.0);
        parser
    }
}

/// Builds one query from its tree.
struct Builder<'a> {
    index: &'a SearchIndex,
    parser: QueryParser,
    /// The user's text, for the columns of errors.
    text: &'a str,
    prepared: &'a Prepared,
}

impl Builder<'_> {
    fn ast(&self, ast: UserInputAst) -> Result<Box<dyn Query>, QueryError> {
        match ast {
            UserInputAst::Clause(clauses) if clauses.is_empty() => Ok(Box::new(EmptyQuery)),
            UserInputAst::Clause(clauses) => {
                let mut built = Vec::with_capacity(clauses.len() + 1);
                for (occur, clause) in clauses {
                    // All words must match, unless OR says otherwise.
                    built.push((occur.unwrap_or(Occur::Must), self.ast(clause)?));
                }
                // `NOT beghal` alone: every cable but those.
                if built.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    built.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(built)))
            }
            UserInputAst::Boost(ast, boost) => {
                Ok(Box::new(BoostQuery::new(self.ast(*ast)?, boost.0 as f32)))
            }
            UserInputAst::Leaf(leaf) => self.leaf(*leaf),
        }
    }

    fn leaf(&self, leaf: UserInputLeaf) -> Result<Box<dyn Query>, QueryError> {
        let leaf = match leaf {
            UserInputLeaf::Literal(literal) => return self.literal(literal),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => UserInputLeaf::Range {
                field: self.field_name(field)?,
                lower,
                upper,
            },
            UserInputLeaf::Set { field, elements } => UserInputLeaf::Set {
                field: self.field_name(field)?,
                elements,
            },
            other => other,
        };
        self.parsed(leaf)
    }

    fn literal(&self, mut literal: UserInputLiteral) -> Result<Box<dyn Query>, QueryError> {
        let named = literal.field_name.take();
        let mut fields = vec![(self.index.fields.text, 1.0)];
        if let Some(name) = &named {
            if let Some(field) = name.strip_suffix('=') {
                return self.exact(field, &literal.phrase);
            }
            let field = self.field(name)?;
            if field == Name::Date.as_str() {
                return self.date(&literal.phrase);
            }
            if field == Name::Cites.as_str() {
                return self.cites(&literal.phrase);
            }
            literal.field_name = Some(field.to_string());
            fields = vec![(self.schema_field(field)?, 1.0)];
        } else {
            let f = &self.index.fields;
            fields.extend([(f.subject, 2.0), (f.id, 4.0)]);
        }
        if literal.delimiter == Delimiter::None
            && let Some(word) = literal.phrase.strip_prefix('~')
            && !word.is_empty()
        {
            let word = word.to_string();
            return self.spellings(literal, &word);
        }
        if literal.delimiter == Delimiter::None
            && let Some((stem, form)) = form(&literal.phrase)
        {
            return self.expanded(&fields, stem, form);
        }
        self.parsed(UserInputLeaf::Literal(literal))
    }

    /// `~qadhafi`: every spelling of the group of aliases.toml that `qadhafi` is in, each
    /// as a word or phrase in the literal's field (or the default fields).
    fn spellings(
        &self,
        literal: UserInputLiteral,
        word: &str,
    ) -> Result<Box<dyn Query>, QueryError> {
        let key = crate::cable::entities::spelling_key(word);
        let group = self
            .index
            .aliases
            .as_ref()
            .and_then(|a| Some((a, a.find(&key)?)));
        let Some((aliases, group)) = group else {
            return Err(self.error(
                &literal.phrase,
                format!(
                    "`~{word}`: no group of aliases.toml has the spelling `{word}` \
                     (write it without `~` to search the word alone)"
                ),
            ));
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for spelling in aliases.spellings(group) {
            let leaf = UserInputLiteral {
                phrase: spelling.clone(),
                delimiter: Delimiter::DoubleQuotes,
                slop: 0,
                prefix: false,
                ..literal.clone()
            };
            clauses.push((Occur::Should, self.parsed(UserInputLeaf::Literal(leaf))?));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// `qadhaf*` or `qadhafi~1` in each of the fields, weighed as a word would be.
    fn expanded(
        &self,
        fields: &[(Field, f32)],
        stem: &str,
        form: Form,
    ) -> Result<Box<dyn Query>, QueryError> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(field, boost) in fields {
            let mut analyzer = self
                .index
                .index
                .tokenizer_for_field(field)
                .map_err(|e| self.error(stem, e.to_string()))?;
            let mut words = Vec::new();
            analyzer
                .token_stream(stem)
                .process(&mut |token| words.push(token.text.clone()));
            let word = match words.as_slice() {
                [] => continue,
                [word] => word,
                _ => {
                    return Err(self.error(
                        stem,
                        format!("`{stem}` is several words: `*` and `~` apply to one"),
                    ));
                }
            };
            let term = Term::from_field_text(field, word);
            let fuzzy = match form {
                Form::Prefix => FuzzyTermQuery::new_prefix(term, 0, true),
                Form::Fuzzy(edits) => FuzzyTermQuery::new(term, edits, true),
            };
            // The words the index has that match, when few: each is then scored by BM25
            // as a word typed would be, and highlighted where a cable says it.
            let query: Box<dyn Query> = match self.expansions(field, &fuzzy)? {
                Some(words) if words.is_empty() => continue,
                Some(words) => Box::new(BooleanQuery::new(
                    words
                        .into_iter()
                        .map(|word| {
                            let term = Term::from_field_text(field, &word);
                            let query: Box<dyn Query> =
                                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                            (Occur::Should, query)
                        })
                        .collect(),
                )),
                None => Box::new(fuzzy),
            };
            let query: Box<dyn Query> = if (boost - 1.0f32).abs() > f32::EPSILON {
                Box::new(BoostQuery::new(query, boost))
            } else {
                query
            };
            clauses.push((Occur::Should, query));
        }
        Ok(match clauses.len() {
            0 => Box::new(EmptyQuery),
            1 => clauses
                .pop()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(EmptyQuery)),
            _ => Box::new(BooleanQuery::new(clauses)),
        })
    }

    /// The words of `field` the index holds that `query` matches, `None` when more than
    /// [`EXPANSIONS`].
    fn expansions(
        &self,
        field: Field,
        query: &FuzzyTermQuery,
    ) -> Result<Option<BTreeSet<String>>, QueryError> {
        let fail = |e: &dyn std::fmt::Display| QueryError {
            column: 1,
            message: format!("cannot read the index's words: {e}"),
        };
        let mut words = BTreeSet::new();
        for segment in self.index.reader.searcher().segment_readers() {
            let inverted = segment.inverted_index(field).map_err(|e| fail(&e))?;
            let automaton = query.automaton().map_err(|e| fail(&e))?;
            let mut stream = inverted
                .terms()
                .search(automaton)
                .into_stream()
                .map_err(|e| fail(&e))?;
            while stream.advance() {
                words.insert(String::from_utf8_lossy(stream.key()).into_owned());
                if words.len() > EXPANSIONS {
                    return Ok(None);
                }
            }
        }
        Ok(Some(words))
    }

    /// `per="Barack Obama"`: the facet's term, the very value the facets count.
    fn exact(&self, name: &str, value: &str) -> Result<Box<dyn Query>, QueryError> {
        let Some(&(_, facet)) = EXACT.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) else {
            return Err(self.error(name, format!("`{name}=` cannot match exactly")));
        };
        let term = Term::from_facet(self.schema_field(facet)?, &Facet::from_path([value]));
        Ok(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
    }

    /// `cites:09KABUL3161`: the cables whose REFs cite that one, however they wrote it
    /// (`KABUL 3161`, `09 KABUL 3161`): the key the index keeps of each REF.
    fn cites(&self, value: &str) -> Result<Box<dyn Query>, QueryError> {
        let key = crate::cable::CableId::new(value.trim())
            .key()
            .ok_or_else(|| {
                self.error(
                    value,
                    format!("`cites:` takes a reference ID such as 09KABUL3161, not `{value}`"),
                )
            })?;
        let term = Term::from_field_text(self.index.fields.cites, &schema::key_text(&key));
        Ok(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
    }

    /// `date:2005..2007`: from the first second of the first to the end of the last.
    fn date(&self, value: &str) -> Result<Box<dyn Query>, QueryError> {
        let (from, to) = date_range(value)
            .ok_or_else(|| self.error(value, format!("`{value}` is not a date or range")))?;
        self.parsed(UserInputLeaf::Range {
            field: Some(Name::Date.as_str().to_string()),
            lower: UserInputBound::Inclusive(rfc3339(from)),
            upper: UserInputBound::Exclusive(rfc3339(to)),
        })
    }

    /// One leaf as tantivy's parser builds it.
    fn parsed(&self, leaf: UserInputLeaf) -> Result<Box<dyn Query>, QueryError> {
        let shown = format!("{leaf:?}");
        self.parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map_err(|e| self.error(&shown, e.to_string()))
    }

    /// The index's name of a field as the user wrote it (`tags` is `tag`).
    fn field(&self, name: &str) -> Result<&'static str, QueryError> {
        FIELDS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, field)| field)
            .ok_or_else(|| {
                let known: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                self.error(
                    &format!("{name}:"),
                    format!(
                        "unknown field `{name}`: the fields are {}",
                        known.join(", ")
                    ),
                )
            })
    }

    fn field_name(&self, name: Option<String>) -> Result<Option<String>, QueryError> {
        name.map(|n| self.field(&n).map(str::to_string)).transpose()
    }

    fn schema_field(&self, name: &str) -> Result<Field, QueryError> {
        self.index
            .index
            .schema()
            .get_field(name)
            .map_err(|e| self.error(name, e.to_string()))
    }

    /// An error about `part` of the query: at its column when the text has it, else at
    /// the start.
    fn error(&self, part: &str, message: String) -> QueryError {
        let at = self.prepared.text.find(part).unwrap_or(0);
        QueryError {
            column: self.prepared.column(self.text, at),
            message,
        }
    }
}
