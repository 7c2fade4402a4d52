//! The JSON Schema (2020-12) of `export --format json`, as `cableview schema` prints it.
//!
//! Written by hand beside the model it describes, with `additionalProperties: false`
//! throughout, so a field added to the model without a word here fails the test that
//! validates every fixture's export against it.

/// The schema, pretty-printed JSON ending with a newline.
pub const JSON_SCHEMA: &str = include_str!("schema.json");

#[cfg(test)]
mod tests {
    use serde_json::Value;

    #[test]
    fn is_json_schema_2020_12_and_names_the_nullable_fields() {
        let schema: Value = serde_json::from_str(super::JSON_SCHEMA).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let defs = &schema["$defs"];
        let nullable = |field: &Value| {
            let text = field.to_string();
            text.contains("\"null\"") || text.contains("nullable_string") || text.contains("null]")
        };
        let header = &defs["header"]["properties"];
        for name in [
            "classification",
            "section",
            "origin",
            "serial",
            "addressees",
            "executive_order",
            "declassify_on",
            "subject",
            "classified_by",
            "classified_by_name",
            "reasons",
        ] {
            assert!(nullable(&header[name]), "header.{name}");
        }
        assert!(!nullable(&header["text"]));
        assert!(nullable(
            &header["references"]["items"]["properties"]["label"]
        ));
        let paragraph = &defs["paragraph"]["properties"];
        assert!(nullable(&paragraph["marking"]) && nullable(&paragraph["heading"]));
        assert!(nullable(&schema["properties"]["signature"]));
        // Fields that appear only when set are outside `required`.
        let required = |v: &Value| v["required"].as_array().unwrap().clone();
        for (object, optional) in [
            (&schema, "warnings"),
            (&schema, "signature_mentions"),
            (&defs["header"], "created"),
            (&defs["header"], "released"),
            (&defs["header"], "to"),
            (&defs["header"], "info"),
            (&defs["header"], "transmission"),
            (&defs["header"], "summary"),
            (&defs["paragraph"], "heading_mentions"),
        ] {
            assert!(object["properties"][optional].is_object(), "{optional}");
            assert!(
                !required(object).contains(&Value::from(optional)),
                "{optional}"
            );
        }
    }
}
