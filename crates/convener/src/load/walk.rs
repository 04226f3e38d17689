//! The structural walk: a JSON value checked against convener's own generated schema,
//! listing every problem of shape (unknown and missing fields, wrong types, unknown names,
//! bad ids, dates and periods, numbers out of range) with its JSON pointer.
//!
//! The schema is generated from the Rust types, and the string and number checks call the
//! same functions the types use when they are read, so the walk and the typed reader agree.

use serde_json::Value;

use super::Collector;
use crate::codes::IssueCode;
use crate::model::{Date, FormatVersion, Id, Period, Tag, Text, ValueError, format};
use crate::util::suggest;

/// A check of a string value of one format.
type StringCheck = fn(&str) -> Result<(), ValueError>;

/// Escapes one segment of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub(crate) fn escape_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

pub(crate) struct Walker<'a> {
    root: &'a Value,
    /// Keys given twice, by the pointer of their object: reported where they stand.
    duplicates: std::collections::BTreeMap<String, Vec<String>>,
    out: &'a mut Collector,
    /// The code for a key the schema does not know: `field.unknown` in documents,
    /// `options.unknown` in options.
    unknown_code: IssueCode,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn describe_type(t: &str) -> &'static str {
    match t {
        "null" => "nothing (null)",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "array" => "a list [...]",
        "object" => "an object {...}",
        _ => "a value",
    }
}

fn describe_found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => {
            let cut: String = s.chars().take(30).collect();
            format!("the text \"{cut}{}\"", if s.chars().count() > 30 { "…" } else { "" })
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn type_matches(expected: &str, v: &Value) -> bool {
    let actual = json_type(v);
    expected == actual || (expected == "number" && actual == "integer")
}

/// Words for the thing a schema definition describes, for messages.
fn thing(def: Option<&str>) -> &'static str {
    match def {
        None | Some("Initiative") => "the document",
        Some("InitiativeInfo") => "the initiative header",
        Some("Agenda") => "the agenda",
        Some("Partner") => "a partner",
        Some("Funding") => "a funding entry",
        Some("Tie") => "a tie",
        Some("Trust") => "trust",
        Some("ValueScores") => "value",
        Some("Goal") => "a goal",
        Some("Outcome") => "an outcome",
        Some("Activity") => "an activity",
        Some("Indicator") => "an indicator",
        Some("PeriodValue") => "a baseline or target",
        Some("Measurement") => "a measurement",
        Some("Channel") => "a channel",
        Some("Backbone") => "the backbone",
        Some("BackboneFunctions") => "the backbone functions",
        Some("Survey") => "a survey",
        Some("CustomInstrument") => "a survey instrument",
        Some("SurveyItem") => "a survey item",
        Some("Response") => "a survey response",
        Some("Options") => "the options",
        Some("Budgets") => "the budgets",
        Some("Limits") => "the limits",
        Some(_) => "this object",
    }
}

/// The name of an enum-like schema (all branches are string constants), for messages.
fn enum_word(def: Option<&str>) -> String {
    let Some(def) = def else {
        return "value".into();
    };
    let mut out = String::new();
    for (i, c) in def.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    match out.as_str() {
        "level" => "collaboration level".into(),
        "tie kind" => "kind of tie".into(),
        "wellbeing" => "wellbeing indicator".into(),
        _ => out,
    }
}

/// The constant strings of an enum-like schema, or `None`.
fn enum_values(schema: &Value) -> Option<Vec<&str>> {
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        return e.iter().map(Value::as_str).collect();
    }
    let branches = schema.get("oneOf").or_else(|| schema.get("anyOf"))?.as_array()?;
    branches.iter().map(|b| b.get("const").and_then(Value::as_str)).collect()
}

impl<'a> Walker<'a> {
    pub(crate) fn new(root: &'a Value, out: &'a mut Collector, unknown_code: IssueCode) -> Self {
        Walker { root, out, unknown_code, duplicates: Default::default() }
    }

    /// The name of the root's definition, for messages ("the options" rather than "the
    /// document").
    pub(crate) fn root_name(&self) -> Option<&'a str> {
        self.root.get("title").and_then(Value::as_str).filter(|t| *t == "Options")
    }

    /// Reports the keys at `pointers` as given twice, each after the first copy's problems.
    pub(crate) fn with_duplicates(mut self, pointers: &[String]) -> Self {
        for p in pointers {
            let (parent, key) = p.rsplit_once('/').unwrap_or(("", p));
            self.duplicates.entry(parent.to_string()).or_default().push(key.to_string());
        }
        self
    }

    fn resolve<'s>(&self, schema: &'s Value, def: &mut Option<&'s str>) -> &'s Value
    where
        'a: 's,
    {
        let mut s = schema;
        for _ in 0..16 {
            let Some(r) = s.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = r.strip_prefix("#/$defs/") else {
                break;
            };
            match self.root.get("$defs").and_then(|d| d.get(name)) {
                Some(target) => {
                    *def = Some(name);
                    s = target;
                }
                None => break,
            }
        }
        s
    }

    fn issue(&mut self, code: IssueCode, ptr: &str, message: String) {
        self.out.push_pointer(code, ptr, message);
    }

    /// Walks `value` against `schema`, pushing every problem found.
    pub(crate) fn walk(&mut self, value: &Value, schema: &'a Value, ptr: &mut String, def: Option<&'a str>) {
        let mut def = def;
        let schema = self.resolve(schema, &mut def);

        // Enum-like: a set of names.
        if let Some(names) = enum_values(schema) {
            match value.as_str() {
                Some(s) if names.contains(&s) => {}
                Some(s) => {
                    if schema.get("format").and_then(Value::as_str) == Some(format::FORMAT_VERSION) {
                        if let Err(e) = FormatVersion::check(s) {
                            self.issue(e.code, ptr, e.message);
                        }
                        return;
                    }
                    let msg = suggest::unknown_value_message(&enum_word(def), s, names.iter().copied());
                    self.issue(IssueCode::ValueUnknown, ptr, msg);
                }
                None => {
                    let msg =
                        format!("expected the name of a {} (text), found {}", enum_word(def), describe_found(value));
                    self.issue(IssueCode::TypeMismatch, ptr, msg);
                }
            }
            return;
        }

        // A choice of shapes (an optional value, or a name or an object).
        if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
            let mut candidates = Vec::new();
            for b in branches {
                let mut bdef = def;
                let resolved = self.resolve(b, &mut bdef);
                if self.accepts_type(resolved, value) {
                    candidates.push((b, bdef));
                }
            }
            match candidates.first() {
                Some(&(b, bdef)) => self.walk(value, b, ptr, bdef),
                None => {
                    let named = branches.iter().find_map(|b| {
                        let mut d = def;
                        let r = self.resolve(b, &mut d);
                        enum_values(r).map(|_| d)
                    });
                    if let Some(d) = named {
                        let msg =
                            format!("expected the name of a {} (text), found {}", enum_word(d), describe_found(value));
                        self.issue(IssueCode::TypeMismatch, ptr, msg);
                        return;
                    }
                    let expected: Vec<&str> = branches
                        .iter()
                        .filter_map(|b| {
                            let mut d = def;
                            self.expected_type(self.resolve(b, &mut d))
                        })
                        .filter(|t| *t != "null")
                        .map(describe_type)
                        .collect();
                    let msg = format!("expected {}, found {}", expected.join(" or "), describe_found(value));
                    self.issue(IssueCode::TypeMismatch, ptr, msg);
                }
            }
            return;
        }

        if let Some(c) = schema.get("const") {
            if c != value {
                if schema.get("format").and_then(Value::as_str) == Some(format::FORMAT_VERSION) {
                    let e = match value.as_str() {
                        Some(s) => FormatVersion::check(s).err(),
                        None => Some(ValueError {
                            code: IssueCode::FormatUnsupported,
                            message: format!("the format must be the text \"{}\"", FormatVersion::NAME),
                        }),
                    };
                    if let Some(e) = e {
                        self.issue(e.code, ptr, e.message);
                    }
                } else {
                    self.issue(IssueCode::ValueUnknown, ptr, format!("this must be {c}"));
                }
            }
            return;
        }

        // Type.
        if !self.accepts_type(schema, value) {
            let expected = self.expected_type(schema).unwrap_or("value");
            let msg = format!("expected {}, found {}", describe_type(expected), describe_found(value));
            self.issue(IssueCode::TypeMismatch, ptr, msg);
            return;
        }

        match value {
            Value::String(s) => self.check_string(s, schema, ptr),
            Value::Number(_) => self.check_number(value, schema, ptr),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        let len = ptr.len();
                        ptr.push('/');
                        ptr.push_str(&i.to_string());
                        self.walk(item, item_schema, ptr, def);
                        ptr.truncate(len);
                    }
                }
            }
            Value::Object(map) => self.walk_object(map, schema, ptr, def),
            _ => {}
        }
    }

    fn walk_object(
        &mut self,
        map: &serde_json::Map<String, Value>,
        schema: &'a Value,
        ptr: &mut String,
        def: Option<&'a str>,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let names = schema.get("propertyNames");
        for (key, v) in map {
            let len = ptr.len();
            ptr.push('/');
            ptr.push_str(&escape_segment(key));
            if let Some(prop) = properties.and_then(|p| p.get(key)) {
                self.walk(v, prop, ptr, def);
            } else {
                match additional {
                    Some(Value::Bool(false)) => {
                        let known = properties.into_iter().flat_map(|p| p.keys().map(String::as_str));
                        let shown: String = key.chars().take(40).collect();
                        let msg = match suggest::closest(key, known) {
                            Some(c) => format!("'{shown}' is not a field of {}; did you mean '{c}'?", thing(def)),
                            None => {
                                let all: Vec<&str> =
                                    properties.into_iter().flat_map(|p| p.keys().map(String::as_str)).collect();
                                format!(
                                    "'{shown}' is not a field of {}; its fields are: {}",
                                    thing(def),
                                    all.join(", ")
                                )
                            }
                        };
                        self.issue(self.unknown_code, ptr, msg);
                    }
                    Some(extra) if extra.is_object() => {
                        if let Some(names) = names {
                            self.walk(&Value::String(key.clone()), names, ptr, def);
                        }
                        self.walk(v, extra, ptr, def);
                    }
                    _ => {}
                }
            }
            self.report_duplicates(ptr, len, key);
            ptr.truncate(len);
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for field in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(field) {
                    let len = ptr.len();
                    ptr.push('/');
                    ptr.push_str(&escape_segment(field));
                    let msg = format!("{} needs '{field}', which is missing", capitalise(thing(def)));
                    self.issue(IssueCode::FieldMissing, ptr, msg);
                    ptr.truncate(len);
                }
            }
        }
    }

    /// After the first copy of `key` in the object at `ptr[..len]`, reports its repeats.
    fn report_duplicates(&mut self, ptr: &str, len: usize, key: &str) {
        let escaped = escape_segment(key);
        let Some(keys) = self.duplicates.get(&ptr[..len]) else {
            return;
        };
        let repeats = keys.iter().filter(|k| **k == escaped).count();
        let shown: String = key.chars().take(40).collect();
        for _ in 0..repeats {
            self.out.push_pointer(
                IssueCode::FieldDuplicate,
                ptr,
                format!("'{shown}' is given more than once in the same object; give it once (the first is kept)"),
            );
        }
    }

    fn check_string(&mut self, s: &str, schema: &Value, ptr: &str) {
        let check: Option<StringCheck> = match schema.get("format").and_then(Value::as_str) {
            Some(format::ID) => Some(Id::check),
            Some(format::TEXT) => Some(Text::check),
            Some(format::TAG) => Some(Tag::check),
            Some(format::DATE) => Some(|s| s.parse::<Date>().map(|_| ())),
            Some(format::PERIOD) => Some(|s| s.parse::<Period>().map(|_| ())),
            Some(format::FORMAT_VERSION) => Some(FormatVersion::check),
            _ => None,
        };
        if let Some(Err(e)) = check.map(|c| c(s)) {
            self.issue(e.code, ptr, e.message);
        }
    }

    fn check_number(&mut self, v: &Value, schema: &Value, ptr: &str) {
        let Some(x) = v.as_f64() else { return };
        let min = schema.get("minimum").and_then(Value::as_f64);
        let mut max = schema.get("maximum").and_then(Value::as_f64);
        if schema.get("format").and_then(Value::as_str) == Some("uint32") && x > u32::MAX as f64 {
            max = Some(max.map_or(u32::MAX as f64, |m| m.min(u32::MAX as f64)));
        }
        let below = min.is_some_and(|m| x < m);
        let above = max.is_some_and(|m| x > m);
        if below || above {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("from {a} to {b}"),
                (Some(a), None) => format!("{a} or more"),
                (None, Some(b)) => format!("{b} or less"),
                (None, None) => String::new(),
            };
            self.issue(IssueCode::ValueOutOfRange, ptr, format!("this must be {range}; it is {v}"));
        }
    }

    fn expected_type(&self, schema: &'a Value) -> Option<&'static str> {
        if enum_values(schema).is_some() {
            return Some("string");
        }
        match schema.get("type")? {
            Value::String(t) => Some(static_type(t)),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").map(static_type),
            _ => None,
        }
    }

    fn accepts_type(&self, schema: &'a Value, v: &Value) -> bool {
        if enum_values(schema).is_some() {
            return v.is_string();
        }
        if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
            return branches.iter().any(|b| {
                let mut d = None;
                self.accepts_type(self.resolve(b, &mut d), v)
            });
        }
        match schema.get("type") {
            Some(Value::String(t)) => type_matches(t, v),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, v)),
            _ => match schema.get("const") {
                Some(c) => json_type(c) == json_type(v),
                None => true,
            },
        }
    }
}

fn static_type(t: &str) -> &'static str {
    match t {
        "null" => "null",
        "boolean" => "boolean",
        "integer" => "integer",
        "number" => "number",
        "string" => "string",
        "array" => "array",
        "object" => "object",
        _ => "value",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
