//! Tests of the classifier line's reading: the peer's cases and the shapes cables write.

use super::*;

fn by_name_reasons(value: &str) -> (Option<String>, Option<String>, Option<String>) {
    let c = read(value);
    (c.by, c.name, c.reasons)
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn the_peers_classifier_lines_give_the_name_alone() {
    // heuer/cablemap's test_reader_classificationist.py, cable by cable.
    for (value, name) in [
        (
            "Kirkuk PRT Team Leader Howard Keegan for reason 1.4 (b)",
            "Howard Keegan",
        ),
        (
            "AMBASSADOR TO SUDAN TIMOTHY CARNEY. REASON 1.5(D).",
            "TIMOTHY CARNEY",
        ),
        (
            "THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B)",
            "THOMAS W. SIMONS, JR.",
        ),
        (
            "Ambassador Richard L. Baltimore, III. Reasons: 1.4 (b)",
            "Richard L. Baltimore, III",
        ),
        (
            "LEE 0. COLDREN, DIRECTOR, SA/PAB. REASON: 1.5(D).",
            "LEE 0. COLDREN",
        ),
        (
            "Deputy Coordinator Hoyt Y ee for reasons 1.4 (b)",
            "Hoyt Yee",
        ),
        (
            "Acting Permanent Representative Alejandro D. Wolff per reasons 1.4 (b)",
            "Alejandro D. Wolff",
        ),
        (
            "OFFICER LAURENT CHARBONNET.  REA SONS: 1.4 (B,D)",
            "LAURENT CHARBONNET",
        ),
        (
            "Amb. Jackie Sanders. E.O 12958. Reasons 1.4 (B&D).",
            "Jackie Sanders",
        ),
        ("DCM THEODORE KATTOUF - 1.5 B,D.", "THEODORE KATTOUF"),
        (
            "Acting Counselor for Political-Military Affiars Margaret H. Nardi for reasons 1.4",
            "Margaret H. Nardi",
        ),
        (
            "AMBASSADOR-AT-LARGE PIERRE-RICHARD PROSPER FOR REASONS 1.5 (B)",
            "PIERRE-RICHARD PROSPER",
        ),
    ] {
        assert_eq!(by_name_reasons(value).1.as_deref(), Some(name), "{value}");
    }
}

#[test]
fn misspelt_titles_glued_names_and_broken_endings() {
    // The second half of heuer/cablemap's test_reader_classificationist.py.
    for (value, name) in [
        (
            "Amabassador Marie Yovanovitch.  Reason 1.4 (B/D)",
            "Marie Yovanovitch",
        ),
        (
            "AMBASSAD0R R0BIN L. RAPHEL BASED 0N 1.5 (B) AND (D).",
            "R0BIN L. RAPHEL",
        ),
        (
            "DEPUTY POLITICAL COUNSEL0R HOWARD STOFFER PER 1.5 (B)",
            "HOWARD STOFFER",
        ),
        (
            "Abassador Robert O. Blake, Jr. for reasons 1.4 (b and (d).",
            "Robert O. Blake, Jr.",
        ),
        (
            "Acting Pol/Econ Counselor:Steve Weston, reasons 1.4 (b and d)",
            "Steve Weston",
        ),
        (
            "Acting DCM/Ted Osius for reasons 1.4 (b and d)",
            "Ted Osius",
        ),
        ("AMB:RCROCKER, Reasons 1.4 (b) and (c)", "RCROCKER"),
        (
            "DCM J. Dean Yap (acting) for reasons 1.4 (b) and (d).",
            "J. Dean Yap",
        ),
        (
            "Deputy Political Counselor Charles O. Blah a, E.O. 12958, reasons 1.4 (b)",
            "Charles O. Blaha",
        ),
        (
            "Acting Charge d'Affaires, Ambassador Richa rd Hoagland, for reasons 1.4(B)",
            "Richard Hoagland",
        ),
        (
            "Charge d,Affaires a.i. Christopher Henzel, reasons 1.4(b ) and (d).",
            "Christopher Henzel",
        ),
        (
            "Charge d'Affaires Paul Weisenfeld under Se ction 1.5 b/d",
            "Paul Weisenfeld",
        ),
        (
            "Charge d'Affaires a.i. Eric T. Schultz under Section 1.4 b/d",
            "Eric T. Schultz",
        ),
        (
            "AMBASSADOR JOHN L. WITHERS II FR REASONS 1.4 (b) AND (d ).",
            "JOHN L. WITHERS II",
        ),
        (
            "CHARGE ALAN MISENHEIMER F0R REASONS 1.5 (B) AND (D)",
            "ALAN MISENHEIMER",
        ),
        (
            "Economic Counselor Thomas Goldberger f or reasons 1.4 b,d.",
            "Thomas Goldberger",
        ),
        (
            "Ambassador Edward W. Gnehm.  Resons 1.5 (B) and (D)",
            "Edward W. Gnehm",
        ),
        (
            "A/LEGATT GARY SCHAAF FOR RASONS 1.4 (B) AND (D).",
            "GARY SCHAAF",
        ),
        (
            "DCM ROBERT E. WHITEHEAD DUE TO 1,4 (C) AND (D).",
            "ROBERT E. WHITEHEAD",
        ),
        (
            "AMBASSADOR RICAHRD E. HOAGLAND: 1.2 (B), (D)",
            "RICAHRD E. HOAGLAND",
        ),
        (
            "Conoff Walter Parrs III for Reasons 1.4 (b) and (d)",
            "Walter Parrs III",
        ),
        ("SCA/DAS for Central Asia George Krol", "George Krol"),
        (
            "DOS CLASSIFICATION GUIDE BY MARY TOWNSWICK",
            "MARY TOWNSWICK",
        ),
        ("Charge' Bob Blake for Reasons 1.4 (B, D)", "Bob Blake"),
        ("PolMinCons Greg Berry, reasons 1.4 (b/d).", "Greg Berry"),
    ] {
        assert_eq!(by_name_reasons(value).1.as_deref(), Some(name), "{value}");
    }
    assert_eq!(
        by_name_reasons("Charge d'Affaires a.i. Eric T. Schultz under Section 1.4 b/d").2,
        some("1.4 b/d")
    );
}

#[test]
fn title_name_and_reasons() {
    assert_eq!(
        by_name_reasons("DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS 1.4 B/D"),
        (
            some("DEPUTY CHIEF OF MISSION ALEX WOLFF"),
            some("ALEX WOLFF"),
            some("1.4 B/D")
        )
    );
    assert_eq!(
        by_name_reasons("JOHN Q. DOE, DEPUTY CHIEF OF MISSION. REASONS 1.5 (B) AND (D)."),
        (
            some("JOHN Q. DOE, DEPUTY CHIEF OF MISSION"),
            some("JOHN Q. DOE"),
            some("1.5 (B) AND (D)")
        )
    );
    assert_eq!(
        by_name_reasons("CHARGE D'AFFAIRES DANNY R. RUSSEL FOR REAS ONS 1.5 (B AND D)"),
        (
            some("CHARGE D'AFFAIRES DANNY R. RUSSEL"),
            some("DANNY R. RUSSEL"),
            some("1.5 (B AND D)")
        )
    );
}

#[test]
fn names_behind_offices_and_lists() {
    for (who, name) in [
        (
            "POLITICAL AND ECONOMIC COUNSELOR, TIMOTHY P. ZUNIGA-BROWN",
            "TIMOTHY P. ZUNIGA-BROWN",
        ),
        ("Poloff Steven Prohaska and DTRA Fred Carter", "Fred Carter"),
        (
            "ACTING U/S FOR ARMS CONTROL AND INTERNATIONAL SECURITY (T) JOHN C. ROOD",
            "JOHN C. ROOD",
        ),
        ("Charge d' Affaires, a.i. Lisa Kubiske", "Lisa Kubiske"),
        ("Pol-Mil Officer Joel Ehrendreich", "Joel Ehrendreich"),
        ("PolMinCouns Gregory L. Berry", "Gregory L. Berry"),
        (
            "Minister-Counselor for Economic and Political Affairs Donald A. Blome",
            "Donald A. Blome",
        ),
        (
            "Charge d'Affaires J. Robert Manzanares",
            "J. Robert Manzanares",
        ),
        ("Jeffrey D. Feltman, Ambassador", "Jeffrey D. Feltman"),
        ("AIT Director Bill Stanton", "Bill Stanton"),
        ("ISN Acting A/S Vann H. Van Diepen", "Vann H. Van Diepen"),
        ("Pol M/C Josiah Rosenblatt", "Josiah Rosenblatt"),
    ] {
        assert_eq!(read(who).name.as_deref(), Some(name), "{who}");
    }
    assert_eq!(read("XXXXXXXXXXXX reason 1.4 (g,h)").name, None);
    assert_eq!(read("A/DCM ...").name, None);
    assert_eq!(read("A...").by, None);
    assert_eq!(read("CLASSIFIED Bé").by.as_deref(), Some("CLASSIFIED Bé"));
    assert_eq!(read("X, reasoé 1.4").by.as_deref(), Some("X"));
    assert_eq!(
        read("Paul Wohlers, Deputy Executive Secretary,... 202072 2009-04-13 S E C R E T")
            .by
            .as_deref(),
        Some("Paul Wohlers, Deputy Executive Secretary")
    );
    assert_eq!(
        read("Ambassador John F. Tefft for reasons 1.4 (b)... C O N F I D E N T I A L")
            .reasons
            .as_deref(),
        Some("1.4 (b)")
    );
}

#[test]
fn reasons_end_where_the_text_goes_on() {
    for (value, reasons) in [
        ("X Y, reasons 1.4 (b,d). Summary -------", "1.4 (b,d)"),
        (
            "X Y for reasons 1.4 (b) and (d) -- (SBU) Kifaya celebrated",
            "1.4 (b) and (d)",
        ),
        ("X Y, Reason: 1.4 (B), (C) & (D )", "1.4 (B), (C) & (D )"),
        ("X Y. REASON: 1.4 (b), (d) (SBU) Summary", "1.4 (b), (d)"),
        ("Political Counselor Andrew Young, 1.4 (b/d).", "1.4 (b/d)"),
        (
            "Political Minister-Counselor J. Rosenblatt for reaso ns 1.4 (b)",
            "1.4 (b)",
        ),
        (
            "SANDRA CLARK, A/ECON MINISTER, REASONS 1.4 B & D ACTION REQUEST",
            "1.4 B & D",
        ),
        ("AMB. DANILOVICH BASED UPON REASON 1.4(B)", "1.4(B)"),
        ("Ambassador Ashe by reasons 1.4 b and d", "1.4 b and d"),
        (
            "IO PDAS James B. Warlick, reasons 1.4 (b)(c)(d)",
            "1.4 (b)(c)(d)",
        ),
        (
            "X Y, reasons 1.4(b) and (d). XXXXXXXXXXXX //Bilateral Relations//",
            "1.4(b) and (d)",
        ),
    ] {
        assert_eq!(read(value).reasons.as_deref(), Some(reasons), "{value}");
    }
}
