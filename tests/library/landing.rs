//! `x` lands on the entity even where the cable arrived at holds it under another
//! spelling: an acronym there joined to its long form.

use crate::drive::Press;
use cableview::cable::parse;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;

/// A minimal annotated cable whose paragraph says `text`.
fn cable(id: &str, text: &str) -> cableview::cable::Cable {
    let source = format!(
        "<code><pre>UNCLAS SECTION 01 OF 01 PARIS 000001 E.O. 12958: N/A TAGS: PREL \
         SUBJECT: TEST <a id='par1' href='#par1'>¶</a>1 . \n\
         ( U ) {text} . \n</pre></code>"
    );
    parse(&source, &format!("{id}.txt")).unwrap()
}

#[test]
fn x_selects_the_entity_under_its_long_form() {
    let library = Library::from_cables(vec![
        cable("05PARIS0001", "Officers of [ORG ICE  ] met the police"),
        cable(
            "05PARIS0002",
            "[ORG Immigration and Customs Enforcement  ] ( [ORG ICE  ] ) officers and \
             [ORG Immigration and Customs Enforcement  ] agents",
        ),
    ]);
    let mut session = Session::new(library, ReaderOptions::default());
    session.press(Message::Resize(120, 40));
    session.press(Action::Open);
    let app = session.reader().expect("the first cable is open");
    assert_eq!(app.cable().id.as_deref(), Some("05PARIS0001"));
    let ice = app.cable().entities.iter().position(|e| e.name == "ICE");
    let ice = ice.expect("ICE in the first cable");
    session.reader_mut().unwrap().select_entity(ice, true);

    session.press(Action::OtherCables);
    let list = session.cable_list().expect("the other cables are listed");
    assert_eq!(list.items.len(), 1, "{:?}", list.items);
    session.press(Action::Open);
    let app = session.reader().expect("a cable is open");
    assert_eq!(app.cable().id.as_deref(), Some("05PARIS0002"));
    let selected = app.selected().map(|i| app.cable().entities[i].name.clone());
    assert_eq!(
        selected.as_deref(),
        Some("Immigration and Customs Enforcement"),
        "the entity is selected under its long form"
    );
}
