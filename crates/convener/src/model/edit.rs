//! Edits of a whole document: the partnership without some partners (what-if).

use std::collections::BTreeSet;

use crate::codes::IssueCode;
use crate::error::Error;
use crate::model::{Id, Initiative};

/// The partnership without some partners.
///
/// # Example
/// ```
/// use convener::Initiative;
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}],
///   "activities": [{"id": "w", "name": "W", "lead": "b"}]}"#).unwrap();
/// let s = doc.without(&["b"]).unwrap();
/// assert_eq!(s.initiative.partners.len(), 1);
/// assert!(s.initiative.ties.is_empty());
/// assert_eq!(s.activities_without_lead[0].as_str(), "w");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The initiative as it would be: the partners gone with their ties, measurements,
    /// survey responses, endorsements and memberships; activities they led are left out.
    pub initiative: Initiative,
    /// The partners removed, in document order.
    pub removed: Vec<Id>,
    /// Activities left without their lead (and so left out of the scenario).
    pub activities_without_lead: Vec<Id>,
}

/// The initiative without the partners `ids`; an id that is not a partner is the error
/// `argument.unknown_partner`, with the closest partner id suggested.
pub(crate) fn without(doc: &Initiative, ids: &[&str]) -> Result<Scenario, Error> {
    check_partners(doc, ids)?;
    let gone: BTreeSet<&str> = ids.iter().copied().collect();
    let stays = |id: &Id| !gone.contains(id.as_str());
    let removed: Vec<Id> = doc.partners.iter().filter(|p| !stays(&p.id)).map(|p| p.id.clone()).collect();
    let mut after = doc.clone();
    drop_partners(&mut after, &stays);
    let activities_without_lead = drop_leaderless_activities(&mut after, &stays);
    Ok(Scenario { initiative: after, removed, activities_without_lead })
}

/// Every id names a partner of `doc`.
fn check_partners(doc: &Initiative, ids: &[&str]) -> Result<(), Error> {
    let known: BTreeSet<&str> = doc.partners.iter().map(|p| p.id.as_str()).collect();
    match ids.iter().find(|id| !known.contains(**id)) {
        None => Ok(()),
        Some(id) => {
            let hint = match crate::util::suggest::closest(id, known.iter().copied()) {
                Some(c) => format!("; did you mean '{c}'?"),
                None => String::new(),
            };
            Err(Error::InvalidArgument {
                code: IssueCode::ArgumentUnknownPartner,
                message: format!("no partner has the id '{id}'{hint}"),
            })
        }
    }
}

/// The partners gone, with their ties, measurements, survey responses, endorsements,
/// memberships, reporting duties and backbone role.
fn drop_partners(doc: &mut Initiative, stays: &impl Fn(&Id) -> bool) {
    doc.partners.retain(|p| stays(&p.id));
    doc.ties.retain(|t| stays(&t.from) && stays(&t.to));
    doc.measurements.retain(|m| stays(&m.partner));
    if let Some(a) = doc.agenda.as_mut() {
        a.endorsed_by.retain(stays);
    }
    for c in &mut doc.channels {
        c.members.retain(stays);
    }
    for i in &mut doc.indicators {
        i.reporters.retain(stays);
    }
    for s in &mut doc.surveys {
        s.responses.retain(|r| stays(&r.respondent));
    }
    if doc.backbone.as_ref().is_some_and(|b| !stays(&b.partner)) {
        doc.backbone = None;
    }
}

/// Activities whose lead is gone are left out (and so are dependencies on them); the
/// others lose the partners gone. Gives the activities left out, in document order.
fn drop_leaderless_activities(doc: &mut Initiative, stays: &impl Fn(&Id) -> bool) -> Vec<Id> {
    let leaderless: Vec<Id> = doc.activities.iter().filter(|a| !stays(&a.lead)).map(|a| a.id.clone()).collect();
    let dropped: BTreeSet<&str> = leaderless.iter().map(Id::as_str).collect();
    doc.activities.retain(|a| !dropped.contains(a.id.as_str()));
    for a in &mut doc.activities {
        a.partners.retain(stays);
        a.depends_on.retain(|d| !dropped.contains(d.as_str()));
    }
    leaderless
}
