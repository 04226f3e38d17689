//! Perception surveys: the built-in five-conditions instrument, custom instruments, and
//! partners' answers.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Agreement, Condition, Date, Id, Text};
use crate::codes::IssueCode;

/// A survey of partners' perceptions, answered on a 1–5 agreement scale.
///
/// # Example
/// ```
/// use convener::model::{Instrument, Survey};
/// let s: Survey = serde_json::from_str(r#"{"id": "s2024", "instrument": "five_conditions",
///     "date": "2024-11-15", "responses": [{"respondent": "hub", "answers": {"ca.1": 4}}]}"#).unwrap();
/// assert_eq!(s.instrument, Instrument::FiveConditions);
/// assert_eq!(s.responses[0].answers.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// The survey's id.
    pub id: Id,
    /// The questions: `five_conditions` (built in) or your own items.
    pub instrument: Instrument,
    /// When it closed.
    pub date: Date,
    /// One response per partner that answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
}

/// The questions a survey asked.
///
/// # Example
/// ```
/// use convener::model::Instrument;
/// assert_eq!(Instrument::FiveConditions.items().len(), 25);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Instrument {
    /// convener's own five-conditions survey: five statements per condition.
    FiveConditions,
    /// A survey of your own.
    Custom(CustomInstrument),
}

impl Instrument {
    /// The name of the built-in instrument, as written in the document.
    pub const FIVE_CONDITIONS: &'static str = "five_conditions";

    /// The items of the instrument.
    pub fn items(&self) -> std::borrow::Cow<'_, [SurveyItem]> {
        match self {
            Instrument::FiveConditions => std::borrow::Cow::Owned(five_conditions_items()),
            Instrument::Custom(c) => std::borrow::Cow::Borrowed(&c.items),
        }
    }
}

impl Serialize for Instrument {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Instrument::FiveConditions => s.serialize_str(Self::FIVE_CONDITIONS),
            Instrument::Custom(c) => c.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Instrument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Name(String),
            Custom(CustomInstrument),
        }
        match Raw::deserialize(d)? {
            Raw::Name(n) if n == Instrument::FIVE_CONDITIONS => Ok(Instrument::FiveConditions),
            Raw::Name(n) => Err(serde::de::Error::custom(format!("unknown instrument '{n}'"))),
            Raw::Custom(c) => Ok(Instrument::Custom(c)),
        }
    }
}

impl JsonSchema for Instrument {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Instrument".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let custom = generator.subschema_for::<CustomInstrument>();
        json_schema!({
            "description": "The questions: \"five_conditions\" (convener's built-in survey) or {\"items\": [...]}.",
            "oneOf": [
                { "type": "string", "enum": [Instrument::FIVE_CONDITIONS] },
                custom
            ]
        })
    }
}

/// A survey of your own: its items.
///
/// # Example
/// ```
/// use convener::model::CustomInstrument;
/// let c: CustomInstrument = serde_json::from_str(r#"{"items": [{"id": "q1", "text": "We trust each other."}]}"#).unwrap();
/// assert_eq!(c.items.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomInstrument {
    /// The statements partners rated.
    pub items: Vec<SurveyItem>,
}

/// One statement of a survey, rated 1–5.
///
/// # Example
/// ```
/// use convener::model::{Condition, SurveyItem};
/// let item: SurveyItem = serde_json::from_str(r#"{"id": "q1", "text": "We share a vision.", "condition": "common_agenda"}"#).unwrap();
/// assert_eq!(item.condition, Some(Condition::CommonAgenda));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyItem {
    /// The item's id, unique within the instrument.
    pub id: Id,
    /// The statement.
    pub text: Text,
    /// The condition of collective impact it speaks to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// A factor it belongs to (e.g. a Wilder Collaboration Factors Inventory factor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<Text>,
}

/// One partner's answers.
///
/// # Example
/// ```
/// use convener::model::Response;
/// let r: Response = serde_json::from_str(r#"{"respondent": "hub", "answers": {"q1": 5, "q2": 3}}"#).unwrap();
/// assert_eq!(r.answers.get("q2").map(|a| a.get()), Some(3));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The partner that answered.
    pub respondent: Id,
    /// Item id → answer, 1 (strongly disagree) to 5 (strongly agree).
    pub answers: Answers,
}

/// A respondent's answers by item id, in the order given. Written as a JSON object; an
/// item named twice is an error, never a silent overwrite.
///
/// # Example
/// ```
/// use convener::model::{Agreement, Answers, Id};
/// assert!(serde_json::from_str::<Answers>(r#"{"q1": 4, "q1": 2}"#).is_err());
/// let a: Answers = serde_json::from_str(r#"{"q2": 4, "q1": 2}"#).unwrap();
/// assert_eq!(a.get("q1"), Some(Agreement::new(2).unwrap()));
/// assert_eq!(a.keys().map(Id::as_str).collect::<Vec<_>>(), ["q2", "q1"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(Id, Agreement)>);

impl Answers {
    /// Answers from (item, answer) pairs; an item given twice is refused.
    pub fn new(pairs: Vec<(Id, Agreement)>) -> Result<Self, crate::model::ValueError> {
        let mut seen = std::collections::BTreeSet::new();
        for (id, _) in &pairs {
            if !seen.insert(id.as_str()) {
                return Err(crate::model::ValueError {
                    code: IssueCode::FieldDuplicate,
                    message: format!("the item '{id}' is answered twice"),
                });
            }
        }
        Ok(Answers(pairs))
    }

    /// The answer to `item`, if given.
    pub fn get(&self, item: &str) -> Option<Agreement> {
        self.0.iter().find(|(id, _)| id.as_str() == item).map(|(_, a)| *a)
    }

    /// The items answered, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Id> {
        self.0.iter().map(|(id, _)| id)
    }

    /// (item, answer) pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Id, Agreement)> {
        self.0.iter().map(|(id, a)| (id, *a))
    }

    /// How many items were answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Answers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of item id → answer")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut out: Vec<(Id, Agreement)> = Vec::new();
                let mut seen = std::collections::BTreeSet::new();
                while let Some((k, v)) = map.next_entry::<Id, Agreement>()? {
                    if !seen.insert(k.clone()) {
                        return Err(serde::de::Error::custom(format!("duplicate field `{k}`")));
                    }
                    out.push((k, v));
                }
                Ok(Answers(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl JsonSchema for Answers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answers".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = generator.subschema_for::<Id>();
        let answer = generator.subschema_for::<Agreement>();
        json_schema!({
            "type": "object",
            "description": "Item id → answer, 1 (strongly disagree) to 5 (strongly agree).",
            "propertyNames": id,
            "additionalProperties": answer
        })
    }
}

/// The built-in five-conditions survey: (item id, condition, statement).
///
/// Written for convener in plain English, five statements per condition, each rated
/// 1 (strongly disagree) to 5 (strongly agree). The statements follow the descriptions of
/// the five conditions by Kania & Kramer (2011) and the Collective Impact Forum's
/// self-assessment (2018); item ids are stable.
pub const FIVE_CONDITIONS_ITEMS: &[(&str, Condition, &str)] = &[
    (
        "ca.1",
        Condition::CommonAgenda,
        "Partners share one clear vision of what we want to change for children and families.",
    ),
    ("ca.2", Condition::CommonAgenda, "We agree on what the problem is and what causes it."),
    ("ca.3", Condition::CommonAgenda, "My organisation's plans are shaped by the shared agenda."),
    ("ca.4", Condition::CommonAgenda, "Families and people with lived experience helped set our priorities."),
    ("ca.5", Condition::CommonAgenda, "When priorities conflict, we settle them together by the shared agenda."),
    ("sm.1", Condition::SharedMeasurement, "We have agreed a short list of indicators that all partners use."),
    ("sm.2", Condition::SharedMeasurement, "My organisation reports its data for the shared indicators on time."),
    ("sm.3", Condition::SharedMeasurement, "We count things the same way, so our numbers can be added up."),
    ("sm.4", Condition::SharedMeasurement, "We look at the data together and change what we do because of it."),
    ("sm.5", Condition::SharedMeasurement, "Data is shared safely and lawfully between partners."),
    (
        "mra.1",
        Condition::MutuallyReinforcingActivities,
        "I know what the other partners do and how it fits with our work.",
    ),
    ("mra.2", Condition::MutuallyReinforcingActivities, "Our activities are planned so that they support each other."),
    (
        "mra.3",
        Condition::MutuallyReinforcingActivities,
        "Families are not passed between services or asked the same questions twice.",
    ),
    ("mra.4", Condition::MutuallyReinforcingActivities, "Gaps and overlaps in services are found and dealt with."),
    (
        "mra.5",
        Condition::MutuallyReinforcingActivities,
        "My organisation has changed how it works to fit the shared plan.",
    ),
    ("cc.1", Condition::ContinuousCommunication, "Partners meet often enough to keep the work moving."),
    ("cc.2", Condition::ContinuousCommunication, "I trust the other partners to do what they say they will."),
    ("cc.3", Condition::ContinuousCommunication, "I can raise a difficult issue and it is heard."),
    ("cc.4", Condition::ContinuousCommunication, "Information reaches my organisation in time to act on it."),
    ("cc.5", Condition::ContinuousCommunication, "Decisions are made openly, and I know how they were reached."),
    ("bb.1", Condition::BackboneSupport, "There is a team whose job is to coordinate the partnership."),
    ("bb.2", Condition::BackboneSupport, "The backbone team keeps us focused on the shared vision."),
    ("bb.3", Condition::BackboneSupport, "The backbone team helps partners collect and use data."),
    ("bb.4", Condition::BackboneSupport, "The backbone team is seen as neutral and fair to all partners."),
    ("bb.5", Condition::BackboneSupport, "The backbone has the staff and funding it needs."),
];

fn five_conditions_items() -> Vec<SurveyItem> {
    FIVE_CONDITIONS_ITEMS
        .iter()
        .map(|(id, condition, text)| SurveyItem {
            id: Id::new(*id).expect("built-in item ids are valid"),
            text: Text::new(*text).expect("built-in item texts are not empty"),
            condition: Some(*condition),
            factor: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_five_per_condition() {
        for c in Condition::ALL {
            let n = FIVE_CONDITIONS_ITEMS.iter().filter(|(_, k, _)| k == c).count();
            assert!((4..=6).contains(&n), "{c}: {n}");
        }
        let items = Instrument::FiveConditions.items();
        let mut ids: Vec<_> = items.iter().map(|i| i.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), FIVE_CONDITIONS_ITEMS.len());
    }

    #[test]
    fn instrument_serde() {
        let i: Instrument = serde_json::from_str("\"five_conditions\"").unwrap();
        assert_eq!(i, Instrument::FiveConditions);
        assert!(serde_json::from_str::<Instrument>("\"wilder\"").is_err());
        let c: Instrument = serde_json::from_str(r#"{"items":[{"id":"q","text":"t"}]}"#).unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"items":[{"id":"q","text":"t"}]}"#);
    }
}
