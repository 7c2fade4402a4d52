fn main() {
    let path = std::env::args().nth(1);
    let (text, name) = match &path {
        Some(p) => (std::fs::read_to_string(p).unwrap(), p.clone()),
        None => (
            cableview::SAMPLE.to_string(),
            cableview::SAMPLE_NAME.to_string(),
        ),
    };
    let cable = cableview::cable::parse(&text, &name).unwrap();
    println!("{}", serde_json::to_string_pretty(&cable).unwrap());
}
