//! Other ways in and out of the model: the CSV folder (read and written), edge lists, and
//! graphs from other tools (networkx, edge tables).
//! Graph exports are outputs, in `render::graph`.

pub mod csv;
pub mod edgelist;
pub mod graph;
