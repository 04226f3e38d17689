//! # convener
//!
//! An open, reproducible and explainable engine for **collective-impact partnerships**:
//! the partners, the ties between them, the shared indicators they report, their plan,
//! and how the partnership stands on the five conditions of collective impact (common
//! agenda, shared measurement, mutually reinforcing activities, continuous
//! communication, backbone support).
//!
//! The core reads no clock, opens no file and touches no network: documents come in as
//! text or through a reader, and the same input gives the same output, byte for byte.
//!
//! ```
//! use convener::Initiative;
//! let doc = r#"{"format": "convener/1",
//!   "initiative": {"id": "fs", "name": "Family Support Partnership"},
//!   "partners": [{"id": "council", "name": "Children's Services", "sector": "statutory"}]}"#;
//! let initiative = Initiative::from_json(doc)?;
//! assert_eq!(initiative.partners[0].name.as_str(), "Children's Services");
//! # Ok::<(), convener::Error>(())
//! ```

pub mod codes;
pub mod conditions;
pub mod error;
pub mod findings;
pub mod formats;
pub mod load;
pub mod measure;
pub mod model;
pub mod network;
pub mod plan;
pub mod render;
pub mod report;
pub mod schema;
pub mod survey;
pub mod synth;
mod util;

pub use codes::{FindingCode, IssueCode};
pub use error::{Error, Issue, Location, Problems};
pub use model::{Initiative, Options};
pub use render::{Output, RenderRequest, Rendered, render};
pub use report::{Report, WhatIf, analyze, what_if};
