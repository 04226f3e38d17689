//! Edge lists: `from,to[,level]` CSV or whitespace-separated pairs, as researchers keep
//! networks, read into a minimal initiative.

use std::collections::BTreeMap;

use crate::codes::IssueCode;
use crate::error::{Error, Issue};
use crate::load::Collector;
use crate::model::{Id, Initiative, InitiativeInfo, Level, Limits, Partner, Text, Tie};

/// The level given to a tie when the edge list has none.
pub const DEFAULT_LEVEL: Level = Level::Collaborate;

fn is_header(fields: &[String]) -> bool {
    let lower: Vec<String> = fields.iter().map(|f| f.trim().to_ascii_lowercase()).collect();
    matches!(
        lower.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
        ["from", "to", ..] | ["source", "target", ..]
    )
}

/// Splits one line: CSV when it has a comma (quotes allowed), else white space.
fn split(line: &str) -> Result<Vec<String>, String> {
    if line.contains(',') {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.as_bytes());
        match reader.records().next() {
            Some(Ok(r)) => Ok(r.iter().map(|f| f.trim().to_string()).collect()),
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(vec![]),
        }
    } else {
        Ok(line.split_whitespace().map(str::to_string).collect())
    }
}

/// Reads an edge list into an initiative called `name`: one partner per id (sector
/// `unknown`, named by its id, in order of first appearance) and one tie per line, at the
/// given level or [`DEFAULT_LEVEL`].
///
/// Blank lines and lines starting with `#` or `%` are skipped, as is a header line
/// `from,to[,level]` or `source,target`. Problems are located by `file:line:column`
/// (column = field number), with the codes of document loading (`id.invalid`,
/// `value.unknown`, `tie.self`, `tie.duplicate`).
///
/// # Example
/// ```
/// use convener::model::Limits;
/// let text = "from,to,level\ncouncil,hub,coordinate\nhub school\n";
/// let doc = convener::formats::edgelist::read(text, "edges.csv", &Limits::default()).unwrap();
/// assert_eq!(doc.partners.len(), 3);
/// assert_eq!(doc.ties[1].level.as_str(), "collaborate");
/// ```
pub fn read(text: &str, file: &str, limits: &Limits) -> Result<Initiative, Error> {
    if text.len() as u64 > limits.max_document_bytes {
        return Err(Error::limit(Issue::at_cell(
            IssueCode::LimitExceeded,
            file,
            1,
            None,
            format!(
                "the edge list is {} bytes; the limit is {} (option limits.max_document_bytes)",
                text.len(),
                limits.max_document_bytes
            ),
        )));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut list = EdgeList::new(file, limits);
    let mut first_content = true;
    for (n, line) in text.lines().enumerate() {
        let row = n as u64 + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('%') {
            continue;
        }
        if list.ties.len() as u64 >= limits.max_items {
            return Err(Error::limit(Issue::at_cell(
                IssueCode::LimitExceeded,
                file,
                row,
                None,
                format!("the edge list has more than {} lines (option limits.max_items)", limits.max_items),
            )));
        }
        let Some(fields) = list.fields(row, trimmed) else {
            continue;
        };
        // The first line that reads may be a header.
        if std::mem::take(&mut first_content) && is_header(&fields) {
            continue;
        }
        list.line(row, &fields);
    }
    list.finish()
}

/// An edge list being read: the partners in order of first mention, the ties, and the
/// problems found.
struct EdgeList<'a> {
    file: &'a str,
    out: Collector,
    partners: Vec<Partner>,
    /// Partner id → index in `partners`.
    known: BTreeMap<String, usize>,
    ties: Vec<Tie>,
    /// (from, to) → the line of the tie.
    pairs: BTreeMap<(usize, usize), u64>,
}

impl<'a> EdgeList<'a> {
    fn new(file: &'a str, limits: &Limits) -> Self {
        EdgeList {
            file,
            out: Collector::new(limits.max_issues),
            partners: Vec::new(),
            known: BTreeMap::new(),
            ties: Vec::new(),
            pairs: BTreeMap::new(),
        }
    }

    fn issue(&mut self, code: IssueCode, row: u64, column: Option<u64>, message: String) {
        self.out.push(Issue::at_cell(code, self.file, row, column, message));
    }

    /// The fields of a line, or `None` after saying it cannot be read.
    fn fields(&mut self, row: u64, line: &str) -> Option<Vec<String>> {
        match split(line) {
            Ok(f) => Some(f),
            Err(e) => {
                self.issue(IssueCode::CsvSyntax, row, None, format!("this line cannot be read: {e}"));
                None
            }
        }
    }

    /// One tie: two partner ids (each new one a partner) and, optionally, a level.
    fn line(&mut self, row: u64, fields: &[String]) {
        if fields.len() < 2 || fields.len() > 3 {
            let message =
                format!("a line holds two partner ids and, optionally, a level; this one has {} fields", fields.len());
            self.issue(IssueCode::CsvSyntax, row, None, message);
            return;
        }
        let ends = self.ends(row, fields);
        let level = self.level(row, fields);
        let (Some([a, b]), Some(level)) = (ends, level) else {
            return;
        };
        if a == b {
            let message = format!("'{}' is tied to itself; a tie joins two different partners", fields[0]);
            self.issue(IssueCode::TieSelf, row, None, message);
            return;
        }
        if let Some(first) = self.pairs.get(&(a, b)) {
            let message = format!("the tie from '{}' to '{}' is already on line {first}", fields[0], fields[1]);
            self.issue(IssueCode::TieDuplicate, row, None, message);
            return;
        }
        self.pairs.insert((a, b), row);
        self.ties.push(Tie::new(self.partners[a].id.clone(), self.partners[b].id.clone(), level));
    }

    /// The partners at the two ends, each valid id a partner from its first mention;
    /// `None` when an id is not valid (each bad id is said).
    fn ends(&mut self, row: u64, fields: &[String]) -> Option<[usize; 2]> {
        let mut ends = [0usize; 2];
        let mut ok = true;
        for (k, token) in fields[..2].iter().enumerate() {
            if let Err(e) = Id::check(token) {
                self.issue(e.code, row, Some(k as u64 + 1), e.message);
                ok = false;
                continue;
            }
            let partners = &mut self.partners;
            ends[k] = *self.known.entry(token.clone()).or_insert_with(|| {
                let id = Id::new(token.as_str()).expect("checked above");
                let name = Text::new(token.as_str()).expect("an id is not empty");
                partners.push(Partner::new(id, name));
                partners.len() - 1
            });
        }
        ok.then_some(ends)
    }

    /// The level in the third field, [`DEFAULT_LEVEL`] without one; `None` after saying
    /// it is not a level.
    fn level(&mut self, row: u64, fields: &[String]) -> Option<Level> {
        let Some(l) = fields.get(2).filter(|l| !l.is_empty()) else {
            return Some(DEFAULT_LEVEL);
        };
        match l.parse::<Level>() {
            Ok(level) => Some(level),
            Err(e) => {
                let message = if l.parse::<f64>().is_ok() {
                    format!("the third column is a collaboration level (e.g. collaborate), not a weight: {}", e.message)
                } else {
                    e.message
                };
                self.issue(e.code, row, Some(3), message);
                None
            }
        }
    }

    /// The initiative of the ties read, or every problem found.
    fn finish(self) -> Result<Initiative, Error> {
        if !self.out.is_empty() {
            return Err(Error::InvalidDocument(self.out.into_problems()));
        }
        let id = Id::new("edge-list").expect("a valid id");
        let name = Text::new(format!("Network imported from {}", self.file))
            .unwrap_or_else(|_| Text::new("Imported network").expect("not empty"));
        let mut doc = Initiative::new(InitiativeInfo::new(id, name), self.partners);
        doc.ties = self.ties;
        debug_assert!(doc.validate().is_ok());
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_default(text: &str) -> Result<Initiative, Error> {
        read(text, "edges.txt", &Limits::default())
    }

    fn codes(e: &Error) -> Vec<(String, String)> {
        e.issues().iter().map(|i| (i.code.to_string(), i.location.to_string())).collect()
    }

    #[test]
    fn whitespace_pairs_with_comments() {
        let doc = read_default("# a network\n1 2\n\n2\t3\n% also a comment\n3 1 cooperate\n").unwrap();
        let ids: Vec<&str> = doc.partners.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(doc.ties.len(), 3);
        assert_eq!(doc.ties[2].level, Level::Cooperate);
        assert!(doc.validate().is_ok());
    }

    #[test]
    fn csv_with_header_and_quotes() {
        let doc = read_default("source,target\n\"a\",b\nb,c,integrate\n").unwrap();
        assert_eq!(doc.partners.len(), 3);
        assert_eq!(doc.ties[0].level, DEFAULT_LEVEL);
        assert_eq!(doc.ties[1].level, Level::Integrate);
    }

    #[test]
    fn every_problem_with_its_line() {
        let e = read_default("a b\na a\na b\na -x\na b 0.5\nb c colaborate\na b c d\n").unwrap_err();
        assert_eq!(e.code(), "document.invalid");
        let got = codes(&e);
        let want = [
            ("tie.self", "edges.txt:2"),
            ("tie.duplicate", "edges.txt:3"),
            ("id.invalid", "edges.txt:4:2"),
            ("value.unknown", "edges.txt:5:3"),
            ("value.unknown", "edges.txt:6:3"),
            ("csv.syntax", "edges.txt:7"),
        ];
        let want: Vec<(String, String)> = want.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect();
        assert_eq!(got, want);
        assert!(e.issues()[3].message.contains("not a weight"));
        assert!(e.issues()[4].message.contains("collaborate"));
    }

    #[test]
    fn limits() {
        let small = Limits { max_items: 2, ..Limits::default() };
        let e = read("a b\nb c\nc d\n", "e", &small).unwrap_err();
        assert_eq!(e.code(), "limit.exceeded");
        let tiny = Limits { max_document_bytes: 3, ..Limits::default() };
        assert_eq!(read("a b\n", "e", &tiny).unwrap_err().code(), "limit.exceeded");
    }
}
