//! Escaping text from the document for each target (HTML, Markdown, XML, CSV), so that a
//! partner called `<script>` stays text.

/// Escapes `& < > " '` for HTML text and attribute values.
///
/// # Example
/// ```
/// assert_eq!(convener::render::escape::html("<script>\"a\" & 'b'"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;");
/// ```
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown (CommonMark, GitHub tables): HTML characters as entities,
/// Markdown punctuation with a backslash, line breaks as spaces.
///
/// # Example
/// ```
/// assert_eq!(convener::render::escape::markdown("<b>*a*|b</b>"), "&lt;b&gt;\\*a\\*\\|b&lt;/b&gt;");
/// ```
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '{' | '}' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (`Char` production; surrogates cannot occur in
/// a Rust string).
pub(crate) fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Appends `s` escaped for XML element text or a double- or single-quoted attribute value:
/// `& < > " '` as entities; tab, line feed and carriage return as character references (so
/// attribute-value normalization and line-end handling keep them); characters XML 1.0
/// forbids as U+FFFD.
pub(crate) fn push_xml(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// `s` escaped as by [`push_xml`].
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml(&mut out, s);
    out
}

/// A CSV text cell with the formula guard: a cell starting with `=`, `+`, `-`, `@`, a tab,
/// a carriage return or `'` gets one leading `'` (the CSV folder's rule, docs/format.md).
pub(crate) fn csv(s: &str) -> String {
    crate::formats::csv::guard(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_and_replaces_forbidden_characters() {
        assert_eq!(xml("<a href='x'>&\"</a>"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
        assert_eq!(xml("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(
            xml("\u{0}\u{1}\u{8}\u{b}\u{c}\u{e}\u{1f}\u{7f}\u{FFFE}\u{FFFF}\u{FFFD}\u{10000}"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{7f}\u{FFFD}\u{FFFD}\u{FFFD}\u{10000}"
        );
    }
}
