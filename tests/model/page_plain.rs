//! Plain-text cables: header fields and `1. (C)` paragraphs, as found in text dumps of the
//! corpus, with routing headers, teletype page headers and end marks around the text.

use cableview::cable::parse;

const OLD_CABLE: &str = "O 121758Z MAY 86
FM AMEMBASSY MADRID
TO SECSTATE WASHDC IMMEDIATE 1234
INFO AMEMBASSY ROME
BT
S E C R E T MADRID 05480

E.O. 12356: DECL: OADR
TAGS PTER, PINR,
  PREL, SP
SUBJ:  QADHAFI RETALIATES

REF:  A) MADRID 5426, B) MADRID 5425

1.  (C) LIBYA MAY 12 RESPONDED TO FRIDAY'S EXPULSION OF
ITS CONSUL GENERAL.  R&D; S&ED; STAY AS WRITTEN.

2.(U) AFTER THIS MESSAGE WAS DRAFTED, WE RECEIVED A
  SECRET
PAGE 02 MADRID 05480 01 OF 02 121800Z
WIRE SERVICE REPORT, IN 1993.
1993. A YEAR AT A LINE START IS NOT A PARAGRAPH.

3. (C) COMMENT: NOTHING MORE.
ENDERS
BT
#5480

NNNN
";

#[test]
fn old_plain_cable_with_routing_header() {
    let cable = parse(OLD_CABLE, "86MADRID5480.txt").unwrap();
    assert_eq!(cable.id.as_deref(), Some("86MADRID5480"));
    let h = &cable.header;
    assert_eq!(h.classification.map(|c| c.name()), Some("SECRET"));
    assert_eq!(h.origin.as_deref(), Some("MADRID"));
    assert_eq!(h.serial.as_deref(), Some("05480"));
    assert_eq!(h.tags, ["PTER", "PINR", "PREL", "SP"]);
    assert_eq!(h.subject.as_deref(), Some("QADHAFI RETALIATES"));
    assert_eq!(h.declassify_on.as_deref(), Some("OADR"));
    assert!(
        !h.text.contains("FM AMEMBASSY"),
        "routing header hidden: {}",
        h.text
    );
    let labels: Vec<&str> = cable.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"]);
    let markings: Vec<&str> = cable
        .paragraphs
        .iter()
        .map(|p| p.marking.as_ref().unwrap().code.as_str())
        .collect();
    assert_eq!(markings, ["C", "U", "C"]);
    assert_eq!(
        cable.paragraphs[0].text,
        "LIBYA MAY 12 RESPONDED TO FRIDAY'S EXPULSION OF ITS CONSUL GENERAL. R&D; S&ED; STAY AS WRITTEN."
    );
    // The teletype page header and its banner are gone; the year stays in the paragraph.
    assert_eq!(
        cable.paragraphs[1].text,
        "AFTER THIS MESSAGE WAS DRAFTED, WE RECEIVED A WIRE SERVICE REPORT, IN 1993. 1993. A YEAR AT A LINE START IS NOT A PARAGRAPH."
    );
    assert_eq!(cable.paragraphs[2].text, "COMMENT: NOTHING MORE.");
    assert_eq!(cable.signature.as_deref(), Some("ENDERS"));
    // The layout keeps everything as sent.
    let layout = cable.layout.as_deref().unwrap();
    assert!(layout.starts_with("O 121758Z MAY 86\nFM AMEMBASSY MADRID\n"));
    assert!(layout.contains("PAGE 02 MADRID 05480 01 OF 02 121800Z\n"));
    assert!(layout.ends_with("NNNN\n"));
}

#[test]
fn lower_case_plain_cable_without_numbered_lines_uses_inline_numbering() {
    let text = "s e c r e t berlin 001068\r\nsipdis\r\ne.o. 12958: decl: 08/06/2033\r\ntags: parm, prel\r\nsubject: a request\r\nref: a. state 77660 b. berlin 1000\r\nclassified by: don l. brown for reasons 1.4 (b) and (d). 1. (u) this is an action request. 2. (s) the german mfa requested it.\r\n";
    let cable = parse(text, "08BERLIN1068.txt").unwrap();
    assert_eq!(
        cable.header.classification.map(|c| c.name()),
        Some("SECRET")
    );
    assert_eq!(cable.header.tags, ["PARM", "PREL"]);
    assert_eq!(cable.header.references.len(), 2);
    let labels: Vec<&str> = cable.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["1", "2"]);
    assert_eq!(cable.paragraphs[1].text, "the german mfa requested it.");
    assert!(!cable.layout.unwrap().contains('\r'));
}

#[test]
fn plain_text_is_not_mistaken_for_markup() {
    let text = "UNCLAS PARIS 1\n\n1. (U) A [level of] risk, [SOURCE REMOVED] and [XXXXXXXXXXXX said a < b.\n";
    let cable = parse(text, "x.txt").unwrap();
    assert_eq!(cable.mention_count(), 0);
    assert_eq!(
        cable.paragraphs[0].text,
        "A [level of] risk, [SOURCE REMOVED] and [XXXXXXXXXXXX said a < b."
    );
}
