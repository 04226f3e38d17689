//! Checks a partnership document and lists every problem in it.
//! Run: cargo run -p convener --example validate -- examples/data/family-support.json

fn main() -> std::process::ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/data/family-support.json".into());
    let file = std::fs::File::open(&path).expect("the document can be opened");
    match convener::Initiative::from_reader(file) {
        Ok(doc) => println!("{path}: valid, {} partners and {} ties", doc.partners.len(), doc.ties.len()),
        Err(e) => {
            e.issues().iter().for_each(|issue| println!("{issue}"));
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}
