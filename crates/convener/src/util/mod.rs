//! The ground floor every room may use: closest-name suggestions and running two pieces
//! of work side by side. Nothing here knows the domain.

pub(crate) mod parallel;
pub(crate) mod suggest;
pub(crate) mod text;
