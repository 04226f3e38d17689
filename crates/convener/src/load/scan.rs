//! A quick pass over JSON text that enforces the nesting, string-length and list-size
//! limits before anything is parsed, so hostile input fails fast and cheaply.
//!
//! The pass only counts; it does not judge syntax. Broken JSON passes through and the
//! parser reports it with line and column.

use crate::codes::IssueCode;
use crate::error::Issue;
use crate::model::Limits;

/// Line and column (from 1, column in characters) of byte `offset` in `text`.
pub(crate) fn line_column(text: &[u8], offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = before[start..].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64 + 1;
    (line, column)
}

fn limit_issue(text: &[u8], offset: usize, message: String) -> Issue {
    let (line, column) = line_column(text, offset);
    Issue::at_text(IssueCode::LimitExceeded, line, column, message)
}

/// Checks depth, string length and the number of entries of every array and object.
pub(crate) fn check_limits(text: &[u8], limits: &Limits) -> Result<(), Issue> {
    // Per open container: entries seen so far (commas + 1 once a value has started).
    let mut stack: Vec<u64> = Vec::new();
    let max_depth = limits.max_depth.min(128) as usize;
    let mut i = 0;
    let n = text.len();
    while i < n {
        let b = text[i];
        match b {
            b'"' => {
                let start = i;
                i += 1;
                let mut chars: u64 = 0;
                while i < n {
                    match text[i] {
                        b'"' => break,
                        b'\\' => {
                            // One character for an escape: \n, \" or \uXXXX.
                            i += if text.get(i + 1) == Some(&b'u') { 6 } else { 2 };
                            chars += 1;
                            continue;
                        }
                        c if (c & 0xC0) != 0x80 => chars += 1,
                        _ => {}
                    }
                    i += 1;
                }
                if chars > limits.max_string_chars as u64 {
                    return Err(limit_issue(
                        text,
                        start,
                        format!(
                            "a text value here is {chars} characters long; the limit is {} (option limits.max_string_chars)",
                            limits.max_string_chars
                        ),
                    ));
                }
                if let Some(top) = stack.last_mut() {
                    if *top == 0 {
                        *top = 1;
                    }
                }
            }
            b'[' | b'{' => {
                if let Some(top) = stack.last_mut() {
                    if *top == 0 {
                        *top = 1;
                    }
                }
                stack.push(0);
                if stack.len() > max_depth {
                    return Err(limit_issue(
                        text,
                        i,
                        format!(
                            "the document is nested more than {max_depth} levels deep here (option limits.max_depth); a convener document needs 6"
                        ),
                    ));
                }
            }
            b']' | b'}' => {
                stack.pop();
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    *top += 1;
                    if *top > limits.max_items {
                        return Err(limit_issue(
                            text,
                            i,
                            format!(
                                "a list or object here has more than {} entries (option limits.max_items)",
                                limits.max_items
                            ),
                        ));
                    }
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            _ => {
                if let Some(top) = stack.last_mut() {
                    if *top == 0 {
                        *top = 1;
                    }
                }
            }
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits { max_depth: 4, max_string_chars: 5, max_items: 3, ..Limits::default() }
    }

    #[test]
    fn depth() {
        assert!(check_limits(b"[[[[1]]]]", &limits()).is_ok());
        let e = check_limits(b"[[[[[1]]]]]", &limits()).unwrap_err();
        assert_eq!((e.code.as_str(), e.location.to_string().as_str()), ("limit.exceeded", "line 1, column 5"));
        // Brackets inside strings do not count.
        assert!(check_limits(br#"["[[[[[[[["]"#, &Limits { max_string_chars: 100, ..limits() }).is_ok());
    }

    #[test]
    fn strings() {
        assert!(check_limits("[\"héllo\"]".as_bytes(), &limits()).is_ok());
        assert!(check_limits(br#"["a\"bcd"]"#, &limits()).is_ok());
        let e = check_limits(b"{\n  \"abcdef\": 1}", &limits()).unwrap_err();
        assert_eq!(e.location.to_string(), "line 2, column 3");
    }

    #[test]
    fn strings_count_characters_not_bytes() {
        // Multi-byte characters and escapes mixed at every offset.
        let pieces = ["a", "é", "€", "𝄞", "\\n", "\\u00e9", "\\\"", "bcdefgh"];
        for len in 0..40 {
            let mut body = String::new();
            let mut chars = 0u64;
            for k in 0..len {
                let p = pieces[(k * 7 + len) % pieces.len()];
                body.push_str(p);
                chars += if p.starts_with('\\') { 1 } else { p.chars().count() as u64 };
            }
            let text = format!("[\"{body}\",        \"x\"]");
            let at = |max: u64| Limits { max_string_chars: max as u32, ..Limits::default() };
            assert!(check_limits(text.as_bytes(), &at(chars.max(1))).is_ok(), "{text}");
            if chars > 1 {
                assert!(check_limits(text.as_bytes(), &at(chars - 1)).is_err(), "{text}");
            }
        }
    }

    #[test]
    fn items() {
        assert!(check_limits(b"[1,2,3]", &limits()).is_ok());
        assert!(check_limits(b"[[1,2,3],[1,2,3],{\"a\":1,\"b\":2,\"c\":3}]", &limits()).is_ok());
        assert!(check_limits(b"[1,2,3,4]", &limits()).is_err());
        assert!(check_limits(b"{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", &limits()).is_err());
    }

    #[test]
    fn line_columns() {
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_column("é\nx".as_bytes(), 2), (1, 2));
    }
}
