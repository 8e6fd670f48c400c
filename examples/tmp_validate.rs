//! tmp
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        match diplomatic_events::Record::from_json(&text) {
            Ok(r) => for p in r.validate() { println!("{path}: {p}"); },
            Err(e) => println!("{path}: PARSE {e} [{}]", e.code()),
        }
    }
}
