//! Parsing JSON text into a `serde_json::Value` while noting every key given twice in one
//! object, with its JSON pointer: a plain parse would keep the last copy silently.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::walk::escape_segment;

/// The path being parsed and the duplicates found so far.
#[derive(Default)]
struct State {
    path: Vec<String>,
    duplicates: Vec<String>,
}

impl State {
    fn pointer(&self, key: &str) -> String {
        let mut p = String::new();
        for seg in &self.path {
            p.push('/');
            p.push_str(seg);
        }
        p.push('/');
        p.push_str(&escape_segment(key));
        p
    }
}

#[derive(Clone, Copy)]
struct Seed<'s>(&'s RefCell<State>);

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        loop {
            self.0.borrow_mut().path.push(out.len().to_string());
            let next = seq.next_element_seed(self);
            self.0.borrow_mut().path.pop();
            match next? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.0.borrow_mut().path.push(escape_segment(&key));
            let value = map.next_value_seed(self);
            self.0.borrow_mut().path.pop();
            let value = value?;
            if out.contains_key(&key) {
                let mut state = self.0.borrow_mut();
                let pointer = state.pointer(&key);
                state.duplicates.push(pointer);
            } else {
                out.insert(key, value);
            }
        }
        Ok(Value::Object(out))
    }
}

/// Parses `text`, giving the value (the first copy of a repeated key kept) and the
/// pointers of every repeated key, in document order.
pub(crate) fn parse(text: &str) -> Result<(Value, Vec<String>), serde_json::Error> {
    let state = RefCell::new(State::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed(&state).deserialize(&mut de)?;
    de.end()?;
    Ok((value, state.into_inner().duplicates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_with_pointers() {
        let (v, d) = parse(r#"{"a": 1, "b": [{"x": 1, "x": 2}], "a": 3, "c/d": {"~": 1, "~": 2}}"#).unwrap();
        assert_eq!(v["a"], 1);
        assert_eq!(v["b"][0]["x"], 1);
        assert_eq!(d, ["/b/0/x", "/a", "/c~1d/~0"]);
    }

    #[test]
    fn syntax_errors_pass_through() {
        assert!(parse("{").is_err());
        assert!(parse("[1,]").is_err());
        assert!(parse("1 2").is_err());
    }
}
