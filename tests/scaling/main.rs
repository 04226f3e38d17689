//! Scaling: no step of convener costs the square of its input. Each shape builds the same
//! kind of document at n and 4n and runs one step (loading, an analysis, an output) on
//! both; the cost may grow by less than 8× — linear work grows 4×, n log n a little more,
//! the square of n 16×. Two costs are measured: the peak of live heap memory (exact, from a
//! counting allocator) and time (best of three runs, in one run of the test, so the wide
//! margin holds on a loaded machine). Shapes run one at a time.
//!
//! Every area adds its shapes in a file of its own (`load.rs`, `network.rs`, …), each a
//! `#[test]` calling [`support::assert_scales`].

mod support;

mod load;
