//! The header reader on snippets of every shape real headers take.

use super::*;

const SAMPLE: &str = "S E C R E T SECTION 01 OF 03 PARIS 002333 SIPDIS STATE FOR EUR/PGI (BUCKNEBERG) AND S/CT E.O. 12958: DECL: 04/06/2014 TAGS: PTER PREL FR SUBJECT: GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK REF: A. STATE 60796 B. 04 PARIS 8983 C. PARIS 280 Classified By: DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS 1.4 B/D";

#[test]
fn sample_header_fields() {
    let h = parse_fields(SAMPLE);
    assert_eq!(h.classification, Some(Classification::Secret));
    assert_eq!(h.section, Some(Section { number: 1, of: 3 }));
    assert_eq!(h.origin.as_deref(), Some("PARIS"));
    assert_eq!(h.serial.as_deref(), Some("002333"));
    assert_eq!(h.caveats, ["SIPDIS"]);
    assert_eq!(
        h.addressees.as_deref(),
        Some("STATE FOR EUR/PGI (BUCKNEBERG) AND S/CT")
    );
    assert_eq!(h.executive_order.as_deref(), Some("12958"));
    assert_eq!(h.declassify_on.as_deref(), Some("04/06/2014"));
    assert_eq!(h.tags, ["PTER", "PREL", "FR"]);
    assert_eq!(
        h.subject.as_deref(),
        Some("GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK")
    );
    let refs: Vec<(Option<&str>, &str)> = h
        .references
        .iter()
        .map(|r| (r.label.as_deref(), r.text.as_str()))
        .collect();
    assert_eq!(
        refs,
        [
            (Some("A"), "STATE 60796"),
            (Some("B"), "04 PARIS 8983"),
            (Some("C"), "PARIS 280")
        ]
    );
    assert_eq!(
        h.classified_by.as_deref(),
        Some("DEPUTY CHIEF OF MISSION ALEX WOLFF")
    );
    assert_eq!(h.reasons.as_deref(), Some("1.4 B/D"));
}

#[test]
fn unlabelled_references_split_on_semicolons() {
    let h = parse_fields("UNCLAS LUANDA 000084 SUBJECT: X REF: SECSTATE 10152; 08 LUANDA 536");
    let texts: Vec<&str> = h.references.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["SECSTATE 10152", "08 LUANDA 536"]);
    assert!(h.references.iter().all(|r| r.label.is_none()));
}

#[test]
fn unlinked_wrapped_and_lowercase_tags() {
    assert_eq!(
        parse_fields("TAGS PGOV, PINR, SCUL SUBJECT: x").tags,
        ["PGOV", "PINR", "SCUL"]
    );
    assert_eq!(
        parse_fields("TAG MASS, PREL, BR SUBJ: x").tags,
        ["MASS", "PREL", "BR"]
    );
    assert_eq!(
        parse_fields("Tags: parm, prel, ettc Subject: x").tags,
        ["PARM", "PREL", "ETTC"]
    );
    assert_eq!(parse_fields("TAG:\u{a0}PREL SUBJECT: x").tags, ["PREL"]);
    assert_eq!(
        parse_fields("SUBJ: SHORT FORM").subject.as_deref(),
        Some("SHORT FORM")
    );
}

#[test]
fn missing_fields_stay_empty() {
    let h = parse_fields("just some words without any keyword");
    assert_eq!(h.classification, None);
    assert!(h.tags.is_empty() && h.references.is_empty());
    assert_eq!(h.subject, None);
    let h = parse_fields("");
    assert_eq!(h, Header::default());
}

#[test]
fn not_applicable_declassification_and_reason_forms() {
    let h = parse_fields("UNCLAS PARIS 008983 E.O. 12958: N/A TAGS: PTER");
    assert_eq!(h.executive_order.as_deref(), Some("12958"));
    assert_eq!(h.declassify_on, None);
    let h = parse_fields("Classified By: Ambassador John F. Tefft for reasons 1.4 (b) and (d).");
    assert_eq!(h.classified_by.as_deref(), Some("Ambassador John F. Tefft"));
    assert_eq!(h.reasons.as_deref(), Some("1.4 (b) and (d)"));
    let h = parse_fields("Classified By: ELISSA G. PITTERLE, DIRECTOR, INR/OPS. REASON: 1.4 (C).");
    assert_eq!(
        h.classified_by.as_deref(),
        Some("ELISSA G. PITTERLE, DIRECTOR, INR/OPS")
    );
    assert_eq!(h.reasons.as_deref(), Some("1.4 (C)"));
}

#[test]
fn multi_word_origin_and_caveat_runs() {
    let h = parse_fields(
        "UNCLAS SECTION 01 OF 05 KABUL 003934 SIPDIS SENSITIVE SIPDIS STATE FOR SA/FO",
    );
    assert_eq!(h.origin.as_deref(), Some("KABUL"));
    assert_eq!(h.caveats, ["SIPDIS", "SENSITIVE"]);
    assert_eq!(h.addressees.as_deref(), Some("STATE FOR SA/FO"));
    let h = parse_fields("CONFIDENTIAL SAN JOSE 000488 SIPDIS");
    assert_eq!(h.origin.as_deref(), Some("SAN JOSE"));
    let h = parse_fields("C O N F I D E N T I A L 75 LIBREVILLE 1895 E.O. 11652");
    assert_eq!(
        (h.origin.as_deref(), h.serial.as_deref()),
        (Some("LIBREVILLE"), Some("1895"))
    );
}

#[test]
fn date_line_before_the_classification() {
    let h = parse_fields(
        "Wednesday, 29 November 2000, 13:59 C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 SIPDIS",
    );
    assert_eq!(h.classification, Some(Classification::Confidential));
    assert_eq!(h.origin.as_deref(), Some("HARARE"));
    let h = parse_fields("SUBJECT: SUBJECT: DEPUTY NSA VISIT");
    assert_eq!(h.subject.as_deref(), Some("DEPUTY NSA VISIT"));
}

fn refs(h: &Header) -> Vec<(Option<&str>, &str)> {
    h.references
        .iter()
        .map(|r| (r.label.as_deref(), r.text.as_str()))
        .collect()
}

#[test]
fn fields_end_at_blank_lines_markers_and_paragraph_starts() {
    let h = parse_fields(
        "UNCLAS ROME 001234\nTAGS: PREL, PGOV\n(SBU) The Charge spoke\nSUBJECT: A LONG\nTITLE LINE \\\n \\\n\nSummary: the summary.",
    );
    assert_eq!(h.tags, ["PREL", "PGOV"]);
    assert_eq!(h.subject.as_deref(), Some("A LONG TITLE LINE"));
    let h = parse_fields("TAGS: PREL PGOV (SBU) The Charge spoke SUBJECT: X");
    assert_eq!(h.tags, ["PREL", "PGOV"]);
    let h = parse_fields(
        "CONFIDENTIAL GENEVA 001234\nSUBJECT: TALKS RESUME GENEVA 00001234 001.2 OF 004\n\nClassified By: X",
    );
    assert_eq!(h.subject.as_deref(), Some("TALKS RESUME"));
    let h = parse_fields(
        "SUBJECT: TALKS\n CONFIDENTIAL\nPAGE 02 ROME 01234 211833Z\nRESUME\nREF: A. ROME 12 PAGE 02 ROME 01234 211833Z B. ROME 13\n\n1. (C) Text",
    );
    assert_eq!(h.subject.as_deref(), Some("TALKS RESUME"));
    assert_eq!(refs(&h), [(Some("A"), "ROME 12"), (Some("B"), "ROME 13")]);
}

#[test]
fn keyword_variants_and_misspellings() {
    for (text, subject) in [
        ("SUBJECT THE VISIT\nREF STATE 1", "THE VISIT"),
        ("SUBJ: THE VISIT REF: STATE 1", "THE VISIT"),
        ("Subject : The visit Ref(s): STATE 1", "The visit"),
    ] {
        let h = parse_fields(text);
        assert_eq!(h.subject.as_deref(), Some(subject), "{text}");
        assert_eq!(refs(&h), [(None, "STATE 1")], "{text}");
    }
    for keyword in ["REF.", "REFS:", "REFS :", "REFTEL:", "REFTELS:", "REF"] {
        let h = parse_fields(&format!("SUBJECT: X\n{keyword} A. STATE 1 B. STATE 2"));
        assert_eq!(refs(&h).len(), 2, "{keyword}");
    }
    for keyword in ["TAS:", "TABS:", "TGS:", "TAGES:", "AGS:"] {
        let h = parse_fields(&format!(
            "E.O. 12958: N/A\n{keyword} PREL, PGOV\nSUBJECT: X"
        ));
        assert_eq!(h.tags, ["PREL", "PGOV"], "{keyword}");
    }
}

#[test]
fn reference_items_one_per_line_or_run_together() {
    let expected = [(Some("A"), "MADRID 721"), (Some("B"), "MADRID 690")];
    for text in [
        "REF: A. MADRID 721\nB. MADRID 690\n\nClassified By: X",
        "REF: (A) MADRID 721 (B) MADRID 690\n(SBU) Text",
        "REF: A) MADRID 721\n\nB) MADRID 690\n\nText",
        "REF: [A] MADRID 721 [B] MADRID 690",
        "REF: A.) MADRID 721 B.) MADRID 690",
        "REF A MADRID 721 B MADRID 690",
        "REF: A. MADRID 721 MADRID 00000721 001.2 OF 002\nB. MADRID 690",
    ] {
        assert_eq!(refs(&parse_fields(text)), expected, "{text}");
    }
}

#[test]
fn notes_about_the_classifier_line_announce_it() {
    for note in [
        "CORRECTED COPY - - CLASSIFIED BY LINE ADDED",
        "(ADDED CLASSIFIED BY LINE)",
    ] {
        let h = parse_fields(&format!(
            "C O N F I D E N T I A L ROME 001234\n{note}\nSUBJECT: X\n\nClassified By: Ambassador Jane Roe, reasons 1.4 (b)"
        ));
        assert_eq!(
            h.classified_by.as_deref(),
            Some("Ambassador Jane Roe"),
            "{note}"
        );
        assert_eq!(h.classified_by_name.as_deref(), Some("Jane Roe"), "{note}");
        assert_eq!(h.subject.as_deref(), Some("X"), "{note}");
    }
}

#[test]
fn the_classifier_in_the_first_paragraph() {
    let mut h = parse_fields("CONFIDENTIAL ROME 001234 SUBJECT: X");
    classifier_in_paragraph(
        "CLASSIFIED BY JOHN Q. DOE, DEPUTY CHIEF OF MISSION. REASONS 1.5 (B) AND (D).",
        &mut h,
    );
    assert_eq!(
        h.classified_by.as_deref(),
        Some("JOHN Q. DOE, DEPUTY CHIEF OF MISSION")
    );
    assert_eq!(h.classified_by_name.as_deref(), Some("JOHN Q. DOE"));
    assert_eq!(h.reasons.as_deref(), Some("1.5 (B) AND (D)"));
    // A paragraph that only speaks of a classifier is not one, and the header's wins.
    let mut h = parse_fields("SUBJECT: X");
    classifier_in_paragraph("The note was classified by the Ministry.", &mut h);
    assert_eq!(h.classified_by, None);
    let mut h = parse_fields("Classified By: Ambassador Jane Roe");
    classifier_in_paragraph("CLASSIFIED BY JOHN Q. DOE.", &mut h);
    assert_eq!(h.classified_by_name.as_deref(), Some("Jane Roe"));
}

#[test]
fn run_together_headers() {
    let h = parse_fields(
        "Cable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012 TAGS: PTER TU",
    );
    assert_eq!(h.classification, Some(Classification::Secret));
    assert_eq!(h.section, Some(Section { number: 1, of: 5 }));
    assert_eq!(
        (h.origin.as_deref(), h.serial.as_deref()),
        (Some("ANKARA"), Some("008305"))
    );
    assert_eq!(h.addressees.as_deref(), Some("S/CT FOR REAP"));
    assert_eq!(h.declassify_on.as_deref(), Some("11/14/2012"));
    assert_eq!(h.tags, ["PTER", "TU"]);
    let h = parse_fields("S E C R E T ANKARA 003352SIPDISSIPDISNOFORNE.O. 12958: N/A");
    assert_eq!(h.caveats, ["SIPDIS", "NOFORN"]);
    assert_eq!(h.executive_order.as_deref(), Some("12958"));
}

#[test]
fn tags_wrapped_onto_a_line_of_codes_keep_them() {
    // 07PARIS1844 of the release (train CSV), as sent.
    let h = parse_fields(
        "SIPDIS \n\nDEPT ALSO FOR THE DEPUTY SECRETARY \n\nE.O. 12958: DECL: 01/01/2017 \nTAGS: PREL FR EUN IR AF NATO IZ TU UNO LE YI RS\nUNMIK \nSUBJECT: ENGAGING THE NEW FRENCH GOVERNMENT ON FOREIGN \nPOLICY: FIVE IMMEDIATE ISSUES \n",
    );
    assert_eq!(h.tags.last().map(String::as_str), Some("UNMIK"));
    assert_eq!(h.tags.len(), 13);
    assert_eq!(
        h.subject.as_deref(),
        Some("ENGAGING THE NEW FRENCH GOVERNMENT ON FOREIGN POLICY: FIVE IMMEDIATE ISSUES")
    );
}

/// 08BOGOTA1145 (tests/fixtures/train): the subject line's own marking is no part of it.
#[test]
fn the_subjects_marking_goes() {
    let h = parse_fields(
        "SUBJECT: (C) COLOMBIA'S STRATEGY TO EXPLOIT INFO FROM FARC \nON VENEZUELA AND ECUADOR \n \nClassified By: Ambassador William R. Brownfield",
    );
    assert_eq!(
        h.subject.as_deref(),
        Some("COLOMBIA'S STRATEGY TO EXPLOIT INFO FROM FARC ON VENEZUELA AND ECUADOR")
    );
}

#[test]
fn a_classifier_keyword_written_twice_gives_the_name_after_it() {
    // 06BEIJING22125 (heuer/cablemap's classificationist cases).
    let header = parse_fields(
        "Classified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMIC AFFAIRS ROBERT LUKE; REASON 1.4 (B) AND (D).\n",
    );
    assert_eq!(header.classified_by_name.as_deref(), Some("ROBERT LUKE"));
}

#[test]
fn a_ref_keyword_after_an_items_label_is_the_lists_own_text() {
    // 09LONDON2697 and 03KATHMANDU2366.
    let h = parse_fields("REF: A. REF A STATE 122214 B. REF B LONDON 2649 C. REF C LONDON 2638 ");
    assert_eq!(
        refs(&h),
        [
            (Some("A"), "REF A STATE 122214"),
            (Some("B"), "REF B LONDON 2649"),
            (Some("C"), "REF C LONDON 2638")
        ]
    );
    let h =
        parse_fields("REF: A. REF: KATHMANDU 2282 \n     ¶B. KATHMANDU 2298 \n\nClassified By: AM");
    assert_eq!(
        refs(&h),
        [
            (Some("A"), "REF: KATHMANDU 2282"),
            (Some("B"), "KATHMANDU 2298")
        ]
    );
    // A second REF after a whole value is not run on into.
    let h = parse_fields("REF: STATE 1\n\nText REF: STATE 2");
    assert_eq!(refs(&h), [(None, "STATE 1")]);
}
