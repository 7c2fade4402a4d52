//! One table of the index's fields: each field's name, how it is indexed, the names a
//! query gives it and those it matches exactly with `=`. The schema, the query language,
//! the facets and the reading of columns all take their names from here, so a new field
//! is one line of [`fields!`] (and what [`super::schema::document`] puts in it).

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, SchemaBuilder,
    TextFieldIndexing, TextOptions,
};

/// How a field is indexed, stored and kept as a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A code (ID, TAG, origin, level): the whole value, lower-cased; stored, a column.
    Code,
    /// Words with positions (phrases), stored and a column: the subject.
    StoredWords,
    /// Words with positions, not stored: a snippet reads the text from the cable's file
    /// or row, which keeps the index under half the size of what it indexes
    /// (docs/index-performance.md).
    Words,
    /// One term as given, looked up exactly, not stored.
    Term,
    /// One term as given, stored.
    StoredTerm,
    /// A date: searchable by range, stored, a column.
    Date,
    /// A number stored and a column.
    Number,
    /// A number stored only.
    StoredNumber,
    /// A number searchable and a column.
    KeyNumber,
    /// A facet: its values counted by a query's facets and matched by `=`.
    Facet,
}

impl Kind {
    /// Adds a field of this kind named `name` to the schema.
    fn add(self, b: &mut SchemaBuilder, name: &str) -> Field {
        use super::schema::{CODE, WORDS};
        let text = |tokenizer: &str, record: IndexRecordOption| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record),
            )
        };
        let words = || text(WORDS, IndexRecordOption::WithFreqsAndPositions);
        match self {
            Self::Code => b.add_text_field(
                name,
                text(CODE, IndexRecordOption::Basic)
                    .set_stored()
                    .set_fast("raw"),
            ),
            Self::StoredWords => b.add_text_field(name, words().set_stored().set_fast("raw")),
            Self::Words => b.add_text_field(name, words()),
            Self::Term => b.add_text_field(name, STRING),
            Self::StoredTerm => b.add_text_field(name, STRING | STORED),
            Self::Date => b.add_date_field(name, INDEXED | STORED | FAST),
            Self::Number => b.add_u64_field(name, STORED | FAST),
            Self::StoredNumber => b.add_u64_field(name, STORED),
            Self::KeyNumber => b.add_u64_field(name, INDEXED | FAST),
            Self::Facet => b.add_facet_field(name, FacetOptions::default()),
        }
    }
}

/// Makes, from one line a field, the [`Name`] of each field, the [`Fields`] of an
/// index's schema, and the names queries give them ([`QUERY_NAMES`], [`EXACT_NAMES`]).
macro_rules! fields {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $member:ident: $kind:ident, query [$($query:literal),*], exact [$($exact:literal),*];
    )*) => {
        /// A field of the index.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Name {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Name {
            /// Every field, in the schema's order.
            pub const ALL: &[Name] = &[$(Name::$variant),*];

            /// The field's name in the schema (and the index's files).
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Name::$variant => stringify!($member),)*
                }
            }

            /// How the field is indexed.
            #[must_use]
            pub const fn kind(self) -> Kind {
                match self {
                    $(Name::$variant => Kind::$kind,)*
                }
            }
        }

        /// Every field of an index's schema, by name.
        #[derive(Debug, Clone, Copy)]
        pub struct Fields {
            $($(#[doc = $doc])* pub $member: Field,)*
        }

        impl Fields {
            /// The fields of `schema`, or `None` when one is missing.
            pub(super) fn of(schema: &Schema) -> Option<Self> {
                Some(Self {
                    $($member: schema.get_field(stringify!($member)).ok()?,)*
                })
            }

            /// Adds every field to a schema being built.
            pub(super) fn add(b: &mut SchemaBuilder) -> Self {
                Self {
                    $($member: Kind::$kind.add(b, stringify!($member)),)*
                }
            }
        }

        /// The fields a query may name (`tag:`), and the index field each stands for.
        pub const QUERY_NAMES: &[(&str, &str)] = &[$($(($query, stringify!($member)),)*)*];

        /// The fields a query may match exactly with `=` (`per="Barack Obama"`), and
        /// the facet each stands for.
        pub const EXACT_NAMES: &[(&str, &str)] = &[$($(($exact, stringify!($member)),)*)*];
    };
}

fields! {
    /// The reference ID.
    Id id: Code, query ["id"], exact [];
    /// The sending post.
    Origin origin: Code, query ["origin"], exact [];
    /// The TAGS.
    Tag tag: Code, query ["tag", "tags"], exact [];
    /// The classification level.
    Class class: Code, query ["class", "classification"], exact [];
    /// When it was sent.
    Date date: Date, query ["date"], exact [];
    /// Every entity's name.
    Entity entity: Words, query ["entity"], exact [];
    /// The names of people.
    Per per: Words, query ["per"], exact [];
    /// The names of organisations.
    Org org: Words, query ["org"], exact [];
    /// The names of places.
    Loc loc: Words, query ["loc"], exact [];
    /// The names of other entities.
    Misc misc: Words, query ["misc"], exact [];
    /// The subject line.
    Subject subject: StoredWords, query ["subject"], exact [];
    /// The routing's action (`TO`) recipients, a value each: `to:washdc`.
    To to: Words, query ["to"], exact [];
    /// The routing's `INFO` recipients: `info:"amembassy rome"`.
    Info info: Words, query ["info"], exact [];
    /// The text searched: header, paragraphs, signature.
    Text text: Words, query ["text"], exact [];
    /// Each entity as kind and lower-cased name ([`super::schema::entity_key`]).
    EntityKey entity_key: Term, query [], exact [];
    /// The keys of the cables it cites ([`super::schema::key_text`]): `cites:09KABUL3161`.
    Cites cites: Term, query ["cites"], exact [];
    /// How many paragraphs it has.
    Paragraphs paragraphs: Number, query [], exact [];
    /// How many mentions it has.
    Mentions mentions: Number, query [], exact [];
    /// Whose mentions it holds ([`super::schema::provenance_rank`]).
    Provenance provenance: Number, query [], exact [];
    /// The file it was indexed from, as the manifest names it.
    Source source: StoredTerm, query [], exact [];
    /// The row's byte offset in a release CSV.
    Row row: StoredNumber, query [], exact [];
    /// The hash of the row or file: the document's key for updates.
    Key key: KeyNumber, query [], exact [];
    /// The classification level, as a facet.
    FClass f_class: Facet, query [], exact ["class", "classification"];
    /// The sending post, as a facet.
    FOrigin f_origin: Facet, query [], exact ["origin"];
    /// The year, as a facet.
    FYear f_year: Facet, query [], exact ["year"];
    /// Each TAG, as a facet.
    FTag f_tag: Facet, query [], exact ["tag", "tags"];
    /// Each person, as a facet.
    FPer f_per: Facet, query [], exact ["per"];
    /// Each organisation, as a facet.
    FOrg f_org: Facet, query [], exact ["org"];
    /// Each place, as a facet.
    FLoc f_loc: Facet, query [], exact ["loc"];
    /// Each other entity, as a facet.
    FMisc f_misc: Facet, query [], exact ["misc"];
}

impl Name {
    /// The facets a query's facets count, in the order of [`super::Facets`]'s parts:
    /// classification, origin, year, TAG, then PER, ORG, LOC and MISC.
    pub const FACETS: [Name; 8] = [
        Name::FClass,
        Name::FOrigin,
        Name::FYear,
        Name::FTag,
        Name::FPer,
        Name::FOrg,
        Name::FLoc,
        Name::FMisc,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_built_from_the_table_has_every_field_under_its_name() {
        let mut b = Schema::builder();
        let added = Fields::add(&mut b);
        let schema = b.build();
        let found = Fields::of(&schema).expect("every field is there");
        assert_eq!(found.f_misc, added.f_misc);
        for name in Name::ALL {
            let field = schema.get_field(name.as_str()).expect("named");
            let indexed = schema.get_field_entry(field).field_type().is_indexed();
            assert_eq!(
                indexed,
                !matches!(name.kind(), Kind::Number | Kind::StoredNumber)
            );
        }
    }

    #[test]
    fn every_name_a_query_gives_is_a_field_and_every_exact_one_a_facet() {
        let names: Vec<&str> = Name::ALL.iter().map(|n| n.as_str()).collect();
        for (_, field) in QUERY_NAMES {
            assert!(names.contains(field), "{field}");
        }
        for (given, facet) in EXACT_NAMES {
            let name = Name::ALL.iter().find(|n| n.as_str() == *facet).unwrap();
            assert_eq!(name.kind(), Kind::Facet, "{given}");
        }
    }
}
