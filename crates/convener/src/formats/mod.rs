//! Other ways in and out of the model: the CSV folder (read and written) and edge lists.
//! Graph exports are outputs, in `render::graph`.

pub mod csv;
pub mod edgelist;
