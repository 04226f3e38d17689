//! The measuring: a counting allocator, the cost of one run, and the n-against-4n check.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicU64 = AtomicU64::new(0);
static PEAK: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size() as u64);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as u64, Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size() as u64, Ordering::Relaxed);
            grew(new_size as u64);
        }
        p
    }
}

fn grew(bytes: u64) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[allow(unsafe_code)]
#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One shape at a time: the counters and the clock are the whole process's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// What one run of a step cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    /// The best of three runs, in seconds.
    pub seconds: f64,
    /// The most heap memory live during a run beyond what was live before it, in bytes.
    pub peak_bytes: u64,
}

/// The cost of `step` on `input`: three runs, the best time, the highest peak.
fn cost<I>(input: &I, step: &impl Fn(&I)) -> Cost {
    let mut seconds = f64::INFINITY;
    let mut peak_bytes = 0;
    for _ in 0..3 {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        step(input);
        seconds = seconds.min(start.elapsed().as_secs_f64());
        peak_bytes = peak_bytes.max(PEAK.load(Ordering::Relaxed).saturating_sub(before));
    }
    Cost { seconds, peak_bytes }
}

/// The ratio a cost may grow by from n to 4n: under the square's 16, over n log n's.
pub const MAX_RATIO: f64 = 8.0;

/// Below these, a ratio says nothing (fixed costs dominate): a run under a millisecond,
/// a peak under 64 KiB.
const TIME_FLOOR: f64 = 1e-3;
const MEMORY_FLOOR: u64 = 64 * 1024;

/// Builds the input of `shape` at `n` and at `4n` (not measured), runs `step` on each,
/// and fails when time or peak memory grows by [`MAX_RATIO`] or more; prints both.
///
/// `n` should make one run take some tens of milliseconds in a release build and a few
/// hundred at most in a debug one.
pub fn assert_scales<I>(shape: &str, n: usize, make: impl Fn(usize) -> I, step: impl Fn(&I)) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let small = make(n);
    let a = cost(&small, &step);
    drop(small);
    let large = make(4 * n);
    let b = cost(&large, &step);
    drop(large);
    let time = b.seconds.max(TIME_FLOOR) / a.seconds.max(TIME_FLOOR);
    let memory = b.peak_bytes.max(MEMORY_FLOOR) as f64 / a.peak_bytes.max(MEMORY_FLOOR) as f64;
    eprintln!(
        "{shape}: n = {n}: {:.1} ms, {} KiB; 4n: {:.1} ms, {} KiB; ratios: time {time:.2}, memory {memory:.2}",
        a.seconds * 1e3,
        a.peak_bytes / 1024,
        b.seconds * 1e3,
        b.peak_bytes / 1024
    );
    assert!(time < MAX_RATIO, "{shape}: time grew {time:.1}× from n = {n} to 4n (at most {MAX_RATIO})");
    assert!(memory < MAX_RATIO, "{shape}: peak memory grew {memory:.1}× from n = {n} to 4n (at most {MAX_RATIO})");
}
