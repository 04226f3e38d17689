//! Findings on continuous communication: the partnership's channels.

use super::{Out, Sources};
use crate::codes::FindingCode;

/// `communication.no_channels`: no meetings, newsletters or shared spaces are recorded.
pub(super) fn channels(s: &Sources, out: &mut Out) {
    if s.doc.channels.is_empty() {
        out.add(
            FindingCode::CommunicationNoChannels,
            "No communication channels are recorded: no meetings, newsletters or shared spaces.".into(),
            vec![],
            &[],
        );
    }
}
