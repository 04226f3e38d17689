//! Text for a terminal: the network, the indicators, the plan and the what-if answer, each
//! a few summary lines and then one line per partner, series or finding.

mod indicators;
mod network;
mod plan;
mod summary;
mod what_if;

pub use indicators::indicators;
pub use network::network;
pub use plan::plan;
pub use summary::{TOP_FINDINGS, summary};
pub use what_if::what_if;
