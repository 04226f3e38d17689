//! "Did you mean …?": the closest known name to a misspelt one.

/// The candidate closest to `word`, when it is close enough to be a likely misspelling.
/// Case is ignored; the allowed distance is a third of the longer word, at least 2.
pub(crate) fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = strsim::damerau_levenshtein(&word_l, &c.to_ascii_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let allowed = (word.chars().count().max(c.len()) / 3).max(2);
    (d <= allowed).then_some(c)
}

/// "'helth' is not a known sector; did you mean 'health'?" — with the full list when no
/// name is close.
pub(crate) fn unknown_value_message<'a>(
    what: &str,
    value: &str,
    names: impl Iterator<Item = &'a str> + Clone,
) -> String {
    let shown: String = value.chars().take(40).collect();
    match closest(value, names.clone()) {
        Some(c) => format!("'{shown}' is not a known {what}; did you mean '{c}'?"),
        None => {
            let all: Vec<&str> = names.collect();
            format!("'{shown}' is not a known {what}; use one of: {}", all.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let names = ["sector", "name", "responded", "lived_experience"];
        assert_eq!(closest("sectr", names.into_iter()), Some("sector"));
        assert_eq!(closest("Sector", names.into_iter()), Some("sector"));
        assert_eq!(closest("respnded", names.into_iter()), Some("responded"));
        assert_eq!(closest("zzzzzzzz", names.into_iter()), None);
    }
}
