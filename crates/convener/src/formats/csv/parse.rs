//! A strict CSV tokenizer (RFC 4180) that counts rows as a spreadsheet shows them and says
//! where quoting goes wrong, instead of guessing.
//!
//! Rows are records: a quoted cell may hold line breaks and is still one row; a blank line
//! is a row too. A cell that opens a quote must close it, and a closing quote must end the
//! cell. A quote inside an unquoted cell is kept as written.

/// One cell: its bytes (quotes removed, `""` made `"`).
pub(super) struct RawCell {
    pub bytes: Vec<u8>,
}

/// One record: its row number (from 1) and cells.
pub(super) struct Record {
    pub row: u64,
    pub cells: Vec<RawCell>,
}

/// A quoting problem: row, column (from 1) and what is wrong.
pub(super) struct Fault {
    pub row: u64,
    pub column: u64,
    pub message: String,
}

/// Splits `bytes` into records. Faults are reported and reading goes on as a spreadsheet
/// would (the unclosed cell runs to the end of the file; text after a closing quote is
/// kept), so that later problems are found too.
pub(super) fn records(bytes: &[u8]) -> (Vec<Record>, Vec<Fault>) {
    let mut out = Vec::new();
    let mut faults = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    let mut row: u64 = 1;
    while i < n {
        let mut cells = Vec::new();
        let record_row = row;
        loop {
            let column = cells.len() as u64 + 1;
            let mut cell = Vec::new();
            if i < n && bytes[i] == b'"' {
                let open_row = row;
                i += 1;
                let mut closed = false;
                while i < n {
                    match bytes[i] {
                        b'"' if i + 1 < n && bytes[i + 1] == b'"' => {
                            cell.push(b'"');
                            i += 2;
                        }
                        b'"' => {
                            i += 1;
                            closed = true;
                            break;
                        }
                        b => {
                            cell.push(b);
                            i += 1;
                        }
                    }
                }
                if !closed {
                    faults.push(Fault {
                        row: open_row,
                        column,
                        message: "this cell opens a quote (\") that is never closed, so the rest of the file is read into it; add the closing quote".into(),
                    });
                } else if i < n && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                    faults.push(Fault {
                        row,
                        column,
                        message: "there is text after the closing quote of this cell; put the whole cell in quotes and double any quote inside it (\"\")".into(),
                    });
                    while i < n && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                        cell.push(bytes[i]);
                        i += 1;
                    }
                }
            } else {
                while i < n && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                    cell.push(bytes[i]);
                    i += 1;
                }
            }
            cells.push(RawCell { bytes: cell });
            if i < n && bytes[i] == b',' {
                i += 1;
                continue;
            }
            // End of line (\n, \r\n or \r) or of the file.
            if i < n && bytes[i] == b'\r' {
                i += 1;
            }
            if i < n && bytes[i] == b'\n' {
                i += 1;
            }
            row += 1;
            break;
        }
        out.push(Record { row: record_row, cells });
    }
    (out, faults)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bytes: &[u8]) -> Vec<(u64, Vec<String>)> {
        records(bytes)
            .0
            .into_iter()
            .map(|r| (r.row, r.cells.into_iter().map(|c| String::from_utf8(c.bytes).unwrap()).collect()))
            .collect()
    }

    #[test]
    fn rows_as_a_spreadsheet_counts_them() {
        let got = texts(b"a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n\nlast,");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["x\ny".into(), "say \"hi\"".into()]),
                (3, vec![String::new()]),
                (4, vec!["last".into(), String::new()]),
            ]
        );
    }

    #[test]
    fn quoting_faults() {
        let (_, f) = records(b"a,b\nc,\"open\nd,e\n");
        assert_eq!((f[0].row, f[0].column), (2, 2));
        let (r, f) = records(b"a,\"Vellis\" Board,c\n");
        assert_eq!((f[0].row, f[0].column), (1, 2));
        assert_eq!(r[0].cells[1].bytes, b"Vellis Board");
        let (_, f) = records(b"a,x\"y\"z\n");
        assert!(f.is_empty());
    }
}
