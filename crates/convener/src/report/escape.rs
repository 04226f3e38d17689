//! Escaping user text for HTML and Markdown, so that a partner called `<script>` stays
//! text.

/// Escapes `& < > " '` for HTML text and attribute values.
///
/// # Example
/// ```
/// assert_eq!(convener::report::escape::html("<script>\"a\" & 'b'"), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;");
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
/// assert_eq!(convener::report::escape::markdown("<b>*a*|b</b>"), "&lt;b&gt;\\*a\\*\\|b&lt;/b&gt;");
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
