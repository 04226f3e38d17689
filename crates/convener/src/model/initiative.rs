//! The whole document (`Initiative`), its header and the common agenda.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::values::{ValueError, format};
use super::{Activity, Backbone, Channel, Date, Goal, Id, Indicator, Measurement, Outcome, Partner, Survey, Text, Tie};
use super::{Limits, Options, Scenario};
use crate::codes::IssueCode;
use crate::error::Error;

/// One initiative: a collective-impact partnership and everything it knows about itself.
///
/// This is the document of format `convener/1` (see `docs/format.md`). Read one with
/// [`Initiative::from_json`], which checks every rule and reports every problem at once.
///
/// # Example
/// ```
/// use convener::Initiative;
/// let doc = r#"{
///   "format": "convener/1",
///   "initiative": {"id": "fs", "name": "Family Support Partnership"},
///   "partners": [
///     {"id": "council", "name": "Children's Services", "sector": "statutory"},
///     {"id": "hub", "name": "Family Hub", "sector": "third_sector"}
///   ],
///   "ties": [{"from": "council", "to": "hub", "level": "collaborate"}]
/// }"#;
/// let initiative = Initiative::from_json(doc).unwrap();
/// assert_eq!(initiative.partners.len(), 2);
/// assert_eq!(initiative.ties[0].to.as_str(), "hub");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "convener initiative document (convener/1)")]
pub struct Initiative {
    /// The format of the document: always `convener/1`.
    pub format: FormatVersion,
    /// The initiative's id, name, place and start date.
    pub initiative: InitiativeInfo,
    /// The common agenda: the shared vision and who has endorsed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<Agenda>,
    /// The partners: organisations and groups taking part.
    pub partners: Vec<Partner>,
    /// Working relationships between partners, as each partner reported them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Tie>,
    /// The long-term goals the initiative exists for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Outcomes on the way to the goals (the theory of change).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// What partners do, and which outcomes it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// The shared indicators partners report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The values partners reported for the indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
    /// How partners keep in touch: meetings, newsletters, dashboards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// The backbone organisation that coordinates the initiative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backbone: Option<Backbone>,
    /// Surveys of partners' perceptions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
}

impl Initiative {
    /// An initiative with only a header and partners, the rest empty.
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// use convener::model::{Id, InitiativeInfo, Text};
    /// let info = InitiativeInfo::new(Id::new("x").unwrap(), Text::new("X").unwrap());
    /// let initiative = Initiative::new(info, vec![]);
    /// assert!(initiative.ties.is_empty());
    /// ```
    pub fn new(initiative: InitiativeInfo, partners: Vec<Partner>) -> Self {
        Initiative {
            format: FormatVersion,
            initiative,
            agenda: None,
            partners,
            ties: vec![],
            goals: vec![],
            outcomes: vec![],
            activities: vec![],
            indicators: vec![],
            measurements: vec![],
            channels: vec![],
            backbone: None,
            surveys: vec![],
        }
    }

    /// Reads an initiative from JSON text with the default limits. See
    /// [`load::initiative_from_json`](crate::load::initiative_from_json).
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let err = Initiative::from_json(r#"{"format": "convener/2"}"#).unwrap_err();
    /// let codes: Vec<_> = err.issues().iter().map(|i| i.code).collect();
    /// assert_eq!(codes, ["format.unsupported", "field.missing", "field.missing"]);
    /// ```
    pub fn from_json(text: &str) -> Result<Self, Error> {
        crate::load::initiative_from_json(text, &Limits::default())
    }

    /// Reads an initiative from JSON text with the given limits.
    ///
    /// # Example
    /// ```
    /// use convener::{Initiative, model::Limits};
    /// let limits = Limits { max_document_bytes: 10, ..Limits::default() };
    /// let err = Initiative::from_json_with(r#"{"format": "convener/1"}"#, &limits).unwrap_err();
    /// assert_eq!(err.code(), "limit.exceeded");
    /// ```
    pub fn from_json_with(text: &str, limits: &Limits) -> Result<Self, Error> {
        crate::load::initiative_from_json(text, limits)
    }

    /// Reads an initiative from a reader with the default limits.
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let text = r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#;
    /// let doc = Initiative::from_reader(text.as_bytes()).unwrap();
    /// assert_eq!(doc.initiative.id.as_str(), "x");
    /// ```
    pub fn from_reader(reader: impl std::io::Read) -> Result<Self, Error> {
        crate::load::initiative_from_reader(reader, &Limits::default())
    }

    /// Checks the model between its parts; see [`load::validate`](crate::load::validate).
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let text = r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#;
    /// assert!(Initiative::from_json(text).unwrap().validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        crate::load::validate(self)
    }

    /// The document as pretty JSON text (two-space indent, trailing newline).
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let text = r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"}, "partners": []}"#;
    /// let doc = Initiative::from_json(text).unwrap();
    /// assert_eq!(Initiative::from_json(&doc.to_json()).unwrap(), doc);
    /// ```
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The initiative without the partners `ids`: they go with their ties, measurements,
    /// survey responses, endorsements and memberships; activities they led are left out.
    /// An id that is not a partner is the error `argument.unknown_partner`.
    ///
    /// # Example
    /// ```
    /// use convener::Initiative;
    /// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
    ///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]}"#).unwrap();
    /// assert_eq!(doc.without(&["b"]).unwrap().initiative.partners.len(), 1);
    /// assert_eq!(doc.without(&["c"]).unwrap_err().code(), "argument.unknown_partner");
    /// ```
    pub fn without(&self, ids: &[&str]) -> Result<Scenario, Error> {
        super::edit::without(self, ids)
    }

    /// Analyses the initiative; see [`report::analyze`](crate::report::analyze).
    ///
    /// # Example
    /// ```
    /// use convener::{Initiative, Options};
    /// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
    ///   "partners": [{"id": "a", "name": "A"}]}"#).unwrap();
    /// let report = doc.analyze(&Options::default());
    /// assert_eq!(report.conditions.common_agenda.score, Some(0.0)); // no agenda
    /// ```
    pub fn analyze(&self, options: &Options) -> crate::report::Report {
        crate::report::analyze(self, options)
    }
}

/// The document format marker, written `"convener/1"`.
///
/// # Example
/// ```
/// use convener::model::FormatVersion;
/// assert_eq!(serde_json::to_string(&FormatVersion).unwrap(), "\"convener/1\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormatVersion;

impl FormatVersion {
    /// The one format this version of convener reads and writes.
    pub const NAME: &'static str = "convener/1";

    /// Checks the text of a document's `format` field.
    pub fn check(s: &str) -> Result<(), ValueError> {
        if s == Self::NAME {
            Ok(())
        } else {
            Err(ValueError {
                code: IssueCode::FormatUnsupported,
                message: format!(
                    "this document says it is '{}', but convener reads '{}'",
                    s.chars().take(40).collect::<String>(),
                    Self::NAME
                ),
            })
        }
    }
}

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(Self::NAME)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FormatVersion::check(&s).map_err(serde::de::Error::custom)?;
        Ok(FormatVersion)
    }
}

impl JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "const": FormatVersion::NAME,
            "format": format::FORMAT_VERSION,
            "description": "The document format: convener/1."
        })
    }
}

/// The initiative's header: who it is and where.
///
/// # Example
/// ```
/// use convener::model::{Id, InitiativeInfo, Text};
/// let info = InitiativeInfo::new(Id::new("fs").unwrap(), Text::new("Family Support").unwrap());
/// assert!(info.place.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeInfo {
    /// A short id for the initiative.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// Where it works: a local authority, a town, a neighbourhood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// When the partnership started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Date>,
}

impl InitiativeInfo {
    /// A header with an id and a name.
    pub fn new(id: Id, name: Text) -> Self {
        InitiativeInfo { id, name, place: None, started: None }
    }
}

/// The common agenda: a shared vision of change and who has signed up to it.
///
/// # Example
/// ```
/// use convener::model::{Agenda, Text};
/// let agenda = Agenda::new(Text::new("Every family gets the right help at the right time").unwrap());
/// assert!(agenda.endorsed_by.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// The shared vision, in a sentence or two.
    pub vision: Text,
    /// The problem the partnership has agreed to tackle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Text>,
    /// Partners that have formally endorsed the agenda.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endorsed_by: Vec<Id>,
    /// When the agenda was adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
}

impl Agenda {
    /// An agenda with a vision and no endorsements yet.
    pub fn new(vision: Text) -> Self {
        Agenda { vision, problem: None, endorsed_by: vec![], adopted: None }
    }
}
