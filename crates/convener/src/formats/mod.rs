//! Other ways in and out of the model: the CSV folder, edge lists, graph exports.

pub mod csv;
pub mod edgelist;
pub mod export;
