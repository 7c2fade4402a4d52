//! The peer parser's own test tables (heuer/cablemap's reader tests), rebuilt in
//! tests/fixtures/peer and run through cableview's parser: per-field accuracy, each field
//! at 95% or more of the cases cableview can read. Cases that need what cableview does
//! not have carry their reason in the fixture and are left out.

use cableview::cable::header::parse_fields;
use cableview::cable::refs::{CableKey, citations};
use cableview::cable::{Cable, Header, Tagging, parse_tagged};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const FIXTURE: &str = include_str!("../fixtures/peer/cablemap-reader.json");

/// The field a case measures, as cableview read it; `None` for a field it does not know.
fn got(header: &Header, field: &str) -> Option<Value> {
    let list = |v: &[String]| Value::from(v.to_vec());
    let text = |v: &Option<String>| v.as_deref().map_or(Value::Null, Value::from);
    Some(match field {
        "to" => list(&header.to),
        "info" => list(&header.info),
        "summary" => text(&header.summary),
        "subject" => text(&header.subject),
        "tags" => list(&header.tags),
        "classified_by" => text(&header.classified_by_name),
        _ => return None,
    })
}

/// The field as cableview read it from a whole text: the signature is the body's.
fn got_of_cable(cable: &Cable, field: &str) -> Option<Value> {
    match field {
        "signature" => Some(cable.signature.as_deref().map_or(Value::Null, Value::from)),
        _ => got(&cable.header, field),
    }
}

/// The cables a header's REF list cites, as IDs, in order and once each: every citation
/// of every item, keyed as the library keys it (a year left out is the citing cable's,
/// here the year the peer gives), taking its first key whose post a library holding
/// `posts` knows; the citing cable itself is not one (a page marker names it).
fn cited(header: &Header, year: &str, own: Option<&str>, posts: &BTreeSet<String>) -> Value {
    let own = own.and_then(CableKey::from_id);
    let mut ids: Vec<String> = Vec::new();
    for reference in &header.references {
        for citation in citations(&reference.text) {
            let key = citation
                .keys(Some(year))
                .into_iter()
                .find(|key| posts.contains(&key.post));
            if let Some(key) = key.filter(|key| Some(key) != own.as_ref()) {
                let id = format!("{}{}{}", key.year, key.post, key.serial);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    Value::from(ids)
}

/// The posts of every cable the peer's REF cases expect: the library the REFs resolve in.
fn posts_cited(cases: &[Value]) -> BTreeSet<String> {
    cases
        .iter()
        .filter(|case| case["field"] == "refs")
        .flat_map(|case| case["expected"].as_array().unwrap())
        .filter_map(|id| CableKey::from_id(id.as_str().unwrap()))
        .map(|key| key.post)
        .collect()
}

/// Strings compare with their white space collapsed, as the peer's do.
fn same(got: &Value, expected: &Value) -> bool {
    let squash = |v: &Value| match v {
        Value::String(s) => Value::from(s.split_whitespace().collect::<Vec<_>>().join(" ")),
        other => other.clone(),
    };
    squash(got) == squash(expected)
}

#[test]
fn the_peers_cases_read_as_it_expects() {
    let doc: Value = serde_json::from_str(FIXTURE).unwrap();
    // field -> (cases, correct, excluded)
    let mut tally: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let cases = doc["cases"].as_array().unwrap();
    let posts = posts_cited(cases);
    for case in cases {
        let field = case["field"].as_str().unwrap();
        let entry = tally.entry(field.to_string()).or_default();
        if case.get("exclude").is_some() {
            entry.2 += 1;
            continue;
        }
        entry.0 += 1;
        let input = case["input"].as_str().unwrap();
        // The peer reads recipients from the header it is given: routing lines with no
        // banner after them are a header, not a body, so they go to the header's reader.
        // TAGS and the classifier too: the peer's tests give their readers a header
        // fragment.
        let read = if field == "refs" {
            let year = case["year"].as_u64().unwrap() % 100;
            let header = parse_fields(input);
            Some(cited(
                &header,
                &format!("{year:02}"),
                case["cable"].as_str(),
                &posts,
            ))
        } else if matches!(field, "to" | "info" | "tags" | "classified_by") {
            got(&parse_fields(input), field)
        } else {
            parse_tagged(input, "peer case", Tagging::Off)
                .ok()
                .and_then(|cable| got_of_cable(&cable, field))
        };
        match read {
            Some(value) if same(&value, &case["expected"]) => entry.1 += 1,
            other if field == "refs" => misses.push(format!(
                "{field} {}: expected {}, got {other:?} from {:?}",
                case["cable"],
                case["expected"],
                parse_fields(input)
                    .references
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
            )),
            other if field == "classified_by" => misses.push(format!(
                "{field} {}: expected {}, got {other:?} from {:?}",
                case["cable"],
                case["expected"],
                parse_fields(input).classified_by
            )),
            other => misses.push(format!(
                "{field} {}: expected {}, got {other:?}",
                case["cable"], case["expected"]
            )),
        }
    }
    let mut table =
        String::from("| field | cases | correct | % | excluded |\n|---|---|---|---|---|\n");
    for (field, (cases, correct, excluded)) in &tally {
        let percent = 100.0 * *correct as f64 / (*cases).max(1) as f64;
        table.push_str(&format!(
            "| {field} | {cases} | {correct} | {percent:.0}% | {excluded} |\n"
        ));
    }
    println!("{table}\nMisses:\n{}", misses.join("\n"));
    for (field, (cases, correct, _)) in &tally {
        assert!(
            *correct * 100 >= *cases * 95,
            "{field}: {correct} of {cases}\n{table}\n{}",
            misses.join("\n")
        );
    }
    assert_eq!(
        tally.len(),
        doc["compare"].as_object().unwrap().len(),
        "every field of the fixture measured: {table}"
    );
}
