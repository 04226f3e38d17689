//! Two pieces of work side by side (with the `parallel` feature), the results the same
//! either way.

/// Runs `a` and `b`, on two threads with the `parallel` feature; the results do not
/// depend on it.
pub(crate) fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}
