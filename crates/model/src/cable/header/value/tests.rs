//! Tests of where a header field's value ends and what is cut out of it.

use super::*;

fn value(region: &str, field: Field) -> String {
    extent(region, field, Some("NEW DELHI"))
}

#[test]
fn a_value_ends_at_a_blank_line_a_paragraph_or_a_rule() {
    assert_eq!(
        value(
            "PEACEKEEPING IN THE\nNETHERLANDS \n\nSummary: more",
            Field::Subject
        ),
        "PEACEKEEPING IN THE NETHERLANDS"
    );
    assert_eq!(
        value("A CHANGE\n(SBU) The Charge spoke", Field::Subject),
        "A CHANGE"
    );
    assert_eq!(value("A CHANGE\n1. In a visit", Field::Subject), "A CHANGE");
    assert_eq!(
        value("A CHANGE 1.(C) In a visit", Field::Subject),
        "A CHANGE"
    );
    assert_eq!(
        value("A CHANGE (C) 1. In a visit", Field::Subject),
        "A CHANGE"
    );
    assert_eq!(value("A CHANGE\n------- x", Field::Subject), "A CHANGE");
    assert_eq!(
        value("A CHANGE\nA. (U) POST: x", Field::Subject),
        "A CHANGE"
    );
    assert_eq!(
        value("AUDIENCE WITH SHAH\n ...\n50133 2006", Field::Subject),
        "AUDIENCE WITH SHAH"
    );
    assert_eq!(
        value("1.4 (B) AND\n(D).", Field::ClassifiedBy),
        "1.4 (B) AND (D)."
    );
}

#[test]
fn page_markers_banners_and_backslashes_are_cut_out() {
    assert_eq!(
        value(
            "STRIFE FOR CONGRESS NEW DELHI 00007273  001.2 OF 003 \n\nClassified",
            Field::Subject
        ),
        "STRIFE FOR CONGRESS"
    );
    assert_eq!(
        value(
            "MEETS WITH ZIMBABWE\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z\nOPPOSITION LEADER",
            Field::Subject
        ),
        "MEETS WITH ZIMBABWE OPPOSITION LEADER"
    );
    assert_eq!(
        value(
            "MEETS WITH ZIMBABWE CONFIDENTIAL PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER",
            Field::Subject
        ),
        "MEETS WITH ZIMBABWE OPPOSITION LEADER"
    );
    assert_eq!(
        value("ROME 2317 GENEVA 00001234 001.2 OF 004", Field::References),
        "ROME 2317"
    );
    assert_eq!(
        value(
            "IRAN: SWISS VISIT \\\nTO TEHRAN \\\n \\\nClassified",
            Field::Subject
        ),
        "IRAN: SWISS VISIT TO TEHRAN"
    );
    assert_eq!(
        value("A SUBJECT\nSECRET\n\nmore", Field::Subject),
        "A SUBJECT"
    );
}

#[test]
fn tags_take_their_line_and_wrapped_lines() {
    assert_eq!(
        value("PREL, PGOV,\nKPAO, IC\nSECRET", Field::Tags),
        "PREL, PGOV, KPAO, IC"
    );
    assert_eq!(value("PREL PGOV\nDISCUSS HAITI", Field::Tags), "PREL PGOV");
    assert_eq!(
        value("PREL, PGOV\nKDEM, AF", Field::Tags),
        "PREL, PGOV KDEM, AF"
    );
}

#[test]
fn tags_wrapped_without_a_comma_take_a_line_of_known_codes() {
    // 07PARIS1844 and 07PARIS3919 of the release (train CSV), wrapped as sent.
    assert_eq!(
        value(
            "PREL FR EUN IR AF NATO IZ TU UNO LE YI RS\nUNMIK \n",
            Field::Tags
        ),
        "PREL FR EUN IR AF NATO IZ TU UNO LE YI RS UNMIK"
    );
    assert_eq!(
        value(
            "PREL FR EUN NATO UNO UNMIK YI RS IR IS LE\nKPAL\n",
            Field::Tags
        ),
        "PREL FR EUN NATO UNO UNMIK YI RS IR IS LE KPAL"
    );
    // 08SANJOSE15: nine codes, and `TRGY` on the next line.
    assert_eq!(
        value(
            "CS EAID ENRG EPET KPAO KSCA OPDC SENV SOCI\nTRGY \n",
            Field::Tags
        ),
        "CS EAID ENRG EPET KPAO KSCA OPDC SENV SOCI TRGY"
    );
    // The shape of the issue: `LE TU` / `IS`.
    assert_eq!(
        value("PREL, PGOV, LE TU\nIS\n", Field::Tags),
        "PREL, PGOV, LE TU IS"
    );
}

#[test]
fn a_line_not_all_codes_is_not_taken_for_tags() {
    // 06MEXICO1797's routing header: a page header under the TAGS line.
    assert_eq!(
        value(
            "ECON EFIN EINV PGOV PINR MX\nUNCLAS SECTION 01 OF 02 MEXICO 001797 \n",
            Field::Tags
        ),
        "ECON EFIN EINV PGOV PINR MX"
    );
    assert_eq!(
        value("PREL PGOV LE\nIn the meeting\n", Field::Tags),
        "PREL PGOV LE"
    );
    assert_eq!(value("PREL PGOV\nDISCUSS HAITI", Field::Tags), "PREL PGOV");
}

#[test]
fn reference_lists_go_on_past_blank_lines_to_their_next_item() {
    assert_eq!(
        value(
            "A. SAN JOSE 02131\n\nB. SAN JOSE 01746\n\n(U) Text",
            Field::References
        ),
        "A. SAN JOSE 02131 B. SAN JOSE 01746"
    );
    assert_eq!(
        value(
            "(A) STATE 1\n(B) STATE 2\n(C) STATE 3\n(SBU) Text",
            Field::References
        ),
        "(A) STATE 1 (B) STATE 2 (C) STATE 3"
    );
    assert_eq!(
        value("STATE 66814\n\n(U) Econ Off", Field::References),
        "STATE 66814"
    );
}

#[test]
fn reference_lists_go_on_at_their_next_items_anchor_or_lettered_marking() {
    // 05BOGOTA3726, 05PARIS7835.
    assert_eq!(
        value(
            "A. BOGOTA 1775\n \n     ¶B. BOGOTA 3422\n     ¶C. CARACAS 0951\n \nClassified",
            Field::References
        ),
        "A. BOGOTA 1775 ¶B. BOGOTA 3422 ¶C. CARACAS 0951"
    );
    assert_eq!(
        value(
            "A. (A) PARIS 7682 \n\nB. (B) EMBASSY PARIS REPORT \nC. (C) PARIS 7527 ",
            Field::References
        ),
        "A. (A) PARIS 7682 B. (B) EMBASSY PARIS REPORT C. (C) PARIS 7527"
    );
    assert_eq!(
        value("A. STATE 1\n¶1. (C) Text", Field::References),
        "A. STATE 1"
    );
}

#[test]
fn an_item_cut_by_a_blank_line_before_its_serial_goes_on() {
    // 04RIODEJANEIRO1105, 05TAIPEI4305.
    assert_eq!(
        value(
            "(A) Rio de Janeiro 00190  (B) Rio de Janeiro \n \n00723  (C) Brasilia 01392 \n \n1.  (U)  SUMMARY",
            Field::References
        ),
        "(A) Rio de Janeiro 00190 (B) Rio de Janeiro 00723 (C) Brasilia 01392"
    );
    assert_eq!(
        value(
            "Ref A) Taipei 3393 B) \n \nTaipei 03196 \n \n1. (U) ",
            Field::References
        ),
        "Ref A) Taipei 3393 B) Taipei 03196"
    );
    assert_eq!(
        value("A. EMBASSY PARIS REPORT\n\n1. (U) Text", Field::References),
        "A. EMBASSY PARIS REPORT"
    );
}
