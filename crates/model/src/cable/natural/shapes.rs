//! The shapes of real raw cables (snippets of the release's train CSV), read whole.

use super::{Body, build};
use crate::cable::Cable;

fn read(layout: &str) -> Cable {
    let body = Body {
        layout: layout.to_string(),
        tags: Vec::new(),
    };
    build(body, Vec::new(), None, Vec::new()).0
}

fn labels(cable: &Cable) -> Vec<(&str, Option<&str>)> {
    cable
        .paragraphs
        .iter()
        .map(|p| (p.label.as_str(), p.heading.as_deref()))
        .collect()
}

#[test]
fn a_body_without_numbers_is_its_blocks() {
    // 06REYKJAVIK167.
    let cable = read(
        "UNCLAS REYKJAVIK 000167 \n \nSIPDIS \nUSDA FOR FAS \n \nE.O. 12958: N/A \nTAGS: SENV EAGR IC\nSUBJECT:  ICELAND TO FOLLOW EU LEAD ON MOP-3 FOLLOW-UP \n \nREF:  STATE 70210 \n \nPer reftel instructions, post on May 9 discussed the third \nMeeting of the Parties. \n \nHe said that Iceland is awaiting a directive. \n \nVAN VOORST\n",
    );
    assert_eq!(labels(&cable), [("1", None), ("2", None)]);
    assert!(
        cable.paragraphs[0]
            .text
            .starts_with("Per reftel instructions")
    );
    assert!(!cable.header.text.contains("reftel instructions"));
    assert_eq!(
        cable.header.subject.as_deref(),
        Some("ICELAND TO FOLLOW EU LEAD ON MOP-3 FOLLOW-UP")
    );
    assert_eq!(cable.signature.as_deref(), Some("VAN VOORST"));
}

#[test]
fn headings_head_the_next_paragraph() {
    // 04BRASILIA1291: a heading apart, its rule run into the next paragraph's line, and
    // a heading with its rule and the paragraph on one line.
    let cable = read(
        "SUBJECT: X\n\n9. (C) Zaluar announced the bill back to Washington. \n\nDefense Modernization Programs \n\n------------------------------ 10. (SBU) One of Brazil's programs. \n\n11. (SBU) Tabajara responded. \n\nComment ------- 12. (C) While the upcoming Haiti PKO was the issue. \n",
    );
    assert_eq!(
        labels(&cable),
        [
            ("9", None),
            ("10", Some("Defense Modernization Programs")),
            ("11", None),
            ("12", Some("Comment"))
        ]
    );
    assert_eq!(
        cable.paragraphs[0].text,
        "Zaluar announced the bill back to Washington."
    );
    assert_eq!(cable.paragraphs[2].text, "Tabajara responded.");
    // 05MADRID1317 (numbering from 23) and 04MADRID4827 (slashes), 03THEHAGUE2843.
    let cable = read(
        "SUBJECT: X\n\nXXXXXXXXXXXX\n========================= \nU.S.-SPAIN RELATIONS \n========================= \n23. (C) On bilateral relations, Zapatero said. \n \n24. (C) Zapatero regretted. End Summary. \n\n//PREACHING TO THE UN-CONVERTED//\n\n25. (C) Cuba in Transition is small.\n\nOther issues\n------------\nThe Dutch said so.\n\n26. (C) Last.\n",
    );
    assert_eq!(
        labels(&cable),
        [
            ("23", Some("U.S.-SPAIN RELATIONS")),
            ("24", None),
            ("25", Some("PREACHING TO THE UN-CONVERTED")),
            ("25", Some("Other issues")),
            ("26", None)
        ]
    );
    assert_eq!(cable.paragraphs[1].text, "Zapatero regretted. End Summary.");
    assert_eq!(cable.paragraphs[3].text, "The Dutch said so.");
}

#[test]
fn a_page_breaks_banner_leaves_the_text() {
    // A lone classification line where a page broke.
    let cable = read(
        "SUBJECT: X\n\n1. (C) The party will go ahead with reforms\nCONFIDENTIAL\nnonetheless.\n\n2. (C) More.\n",
    );
    assert_eq!(
        cable.paragraphs[0].text,
        "The party will go ahead with reforms nonetheless."
    );
    assert!(cable.source.contains("CONFIDENTIAL\nnonetheless"));
}

#[test]
fn rules_wrapped_and_page_markers_on_a_headings_line() {
    // 06SAOPAULO675, 09CAIRO1220, 09CAIRO1311, 07BOGOTA8306.
    let cable = read(
        "SUBJECT: X\n\n22. Overall, the reporting was positive. ------- \n\nCOMMENT ------- \n\n23. This was a visit.\n\n24. (C) The pirate. STRATEGIC DIALOGUE - MIDDLE EAST PEACE EFFORTS --------------------------------------------- - CAIRO 00001220 002 OF 006\n\n25.(C) Zaki briefed. --------------------------------------------- ---------- Economic Reform Slowed by Inflation --------------------------------------------- ----------\n\n26.(SBU) Mohieddin said.\n\n------------------------\nMANAGING FRENCH CONCERNS\n\n------------------------\n\n27. (C) Restrepo said.\n",
    );
    assert_eq!(
        labels(&cable),
        [
            ("22", None),
            ("23", Some("COMMENT")),
            ("24", None),
            ("25", Some("STRATEGIC DIALOGUE - MIDDLE EAST PEACE EFFORTS")),
            ("26", Some("Economic Reform Slowed by Inflation")),
            ("27", Some("MANAGING FRENCH CONCERNS"))
        ]
    );
    let texts: Vec<&str> = cable.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Overall, the reporting was positive.",
            "This was a visit.",
            "The pirate.",
            "Zaki briefed.",
            "Mohieddin said.",
            "Restrepo said."
        ]
    );
}

#[test]
fn headings_over_two_lines_and_ending_in_dots() {
    // 08MADRID836, 06SAOPAULO449, 09CAIRO1857.
    let cable = read(
        "SUBJECT: X\n\n3. (C) Authorities would be informed.\n\n---------------------------------\nMINISTRY OF INDUSTRY, TOURISM AND\nTRADE MEETING\n---------------------------------\n\n4. (C) U/S Levey met.\n\n----------------- THE OPPOSITION... ----------------- \n\n5. (SBU) Returning.\n\n6. (C) Limits placed on him. ----------------------- Nour Travel to the U.S. -----------------------\n\n7.(C) Nour raised.\n",
    );
    assert_eq!(
        labels(&cable),
        [
            ("3", None),
            ("4", Some("MINISTRY OF INDUSTRY, TOURISM AND TRADE MEETING")),
            ("5", Some("THE OPPOSITION...")),
            ("6", None),
            ("7", Some("Nour Travel to the U.S."))
        ]
    );
    assert_eq!(cable.paragraphs[2].text, "Returning.");
    assert_eq!(cable.paragraphs[3].text, "Limits placed on him.");
}

#[test]
fn a_page_marker_on_its_own_line_is_no_heading() {
    // 09CAIRO1349: the marker between blank lines in the middle of ¶6.
    let cable = read(
        "SUBJECT: X\n\n5. (C) Before.\n\n6. (S/NF) Soliman said \"We hope Iran will stop \n \nCAIRO 00001349  002 OF 003 \n \n \nsupporting Hamas\" within Egypt.\n\n7. (C) After.\n",
    );
    assert_eq!(labels(&cable), [("5", None), ("6", None), ("7", None)]);
    assert_eq!(
        cable.paragraphs[1].text,
        "Soliman said \"We hope Iran will stop supporting Hamas\" within Egypt."
    );
}
