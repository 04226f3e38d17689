//! The words every rendering uses for the report's named values (stages, severities) and
//! for lists of ids.

use crate::conditions::Stage;
use crate::findings::Severity;
use crate::model::Id;

/// A stage as a person reads it: `absent` … `embedded`.
pub(crate) fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Absent => "absent",
        Stage::Emerging => "emerging",
        Stage::Developing => "developing",
        Stage::Established => "established",
        Stage::Embedded => "embedded",
    }
}

/// A severity as a person reads it: `risk`, `warning` or `info`.
pub(crate) fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Risk => "risk",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Ids joined by `sep`.
pub(crate) fn ids(ids: &[Id], sep: &str) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(sep)
}
