//! convener's side of `benches/compare`: writes the shared edge-list files, times each
//! network operation of the core on one of them, and times the application work of
//! the speed targets (analyze, what-if sweep, load), printing one JSON object on stdout.
//!
//! ```text
//! convener-compare graphs DIR SIZE... [--sources K]   write {er,ba}-SIZE.txt (+ sources-SIZE.txt)
//! convener-compare network FILE [--sources FILE]       time the network operations on FILE
//! convener-compare app [--quick]                        time analyze, what-if, load
//! convener-compare profile WORK [TIMES]                 only run WORK, for a profiler
//! ```
//!
//! `profile` runs one piece of the application work TIMES times (default 1) and nothing
//! else, so that `perf record` or `valgrind --tool=callgrind` see only it: `analyze` (the
//! benchmark initiative), `what-if` (one network what-if per partner of it), `load` (a
//! 10⁵-partner document, generated first), or a network operation on an edge-list file:
//! `betweenness|closeness|components|articulation|cores|louvain FILE`.
//!
//! With `--sources`, betweenness is `sampled_betweenness` and closeness `closeness_of`
//! from those nodes, their times also extrapolated to all sources (× n / k).
//!
//! Timing rule (the same in `compare/peers.py`): an operation runs once; when that took
//! under 0.2 s it is repeated until 1 s has passed (at most 50 runs) and the median is
//! kept. The clock is read here, never in the core.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use convener::network::centrality::{closeness_of, pagerank, sample_sources, sampled_betweenness, shortest_paths};
use convener::network::community::{louvain, louvain_runs, modularity};
use convener::network::structure::{components, core_numbers, cut_points};
use convener::network::{PartnerGraph, whatif};
use convener::synth::{SynthOptions, initiative};
use convener::{Initiative, Options};
use convener_benches::{Model, edge_list_text, parse_edge_list};

/// The system allocator, counting the bytes in use and their peak, so the memory a loaded
/// document holds can be reported per tie.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters move.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is System's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Seconds of one operation by the timing rule of the module doc.
fn time<T>(mut work: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    black_box(work());
    let first = start.elapsed().as_secs_f64();
    if first >= 0.2 {
        return first;
    }
    let mut samples = vec![first];
    let begun = Instant::now();
    while begun.elapsed().as_secs_f64() < 1.0 && samples.len() < 50 {
        let start = Instant::now();
        black_box(work());
        samples.push(start.elapsed().as_secs_f64());
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Runs `work` once, returning its result and the seconds it took.
fn once<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = work();
    (out, start.elapsed().as_secs_f64())
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn write(path: &str, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))
}

/// `graphs DIR SIZE... [--sources K]`: the edge lists of both models at each size, and
/// (with `--sources`) `sources-SIZE.txt`, K source nodes drawn by the core's
/// `sample_sources` (seed 1), one a line.
fn graphs(args: &[String]) -> Result<(), String> {
    let (dir, rest) = args.split_first().ok_or("graphs DIR SIZE... [--sources K]")?;
    let mut sizes = Vec::new();
    let mut k = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "--sources" {
            k = Some(it.next().and_then(|k| k.parse::<usize>().ok()).ok_or("--sources K: a whole number")?);
        } else {
            sizes.push(a.parse::<usize>().map_err(|_| format!("{a}: not a size"))?);
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for &n in &sizes {
        for model in Model::ALL {
            write(&format!("{dir}/{}-{n}.txt", model.short()), &edge_list_text(n, &model.edges(n)))?;
        }
        if let Some(k) = k {
            let lines: String = sample_sources(n, k, 1).iter().map(|s| format!("{s}\n")).collect();
            write(&format!("{dir}/sources-{n}.txt"), &lines)?;
        }
    }
    Ok(())
}

/// `network FILE [--sources FILE]`: times each operation on the edge list.
fn network(args: &[String]) -> Result<(), String> {
    let (file, rest) = args.split_first().ok_or("network FILE [--sources FILE]")?;
    let sources: Option<Vec<u32>> = match rest {
        [] => None,
        [flag, path] if flag == "--sources" => Some(
            read(path)?
                .lines()
                .map(|l| l.trim().parse::<u32>().map_err(|_| format!("{path}: {l:?} is not a node")))
                .collect::<Result<_, _>>()?,
        ),
        _ => return Err("network FILE [--sources FILE]".into()),
    };
    let text = read(file)?;
    let read_s = time(|| parse_edge_list(&text).map(|(n, e)| n + e.len()));
    let (n, edges) = parse_edge_list(&text).map_err(|e| format!("{file}: {e}"))?;
    let build_s = time(|| PartnerGraph::from_edges(n, &edges));
    let g = PartnerGraph::from_edges(n, &edges);
    let csr = g.csr();
    let mut ops = Vec::new();

    match &sources {
        Some(s) => {
            let (_, secs) = once(|| sampled_betweenness(csr, s));
            ops.push(format!(
                "\"betweenness\": {{\"seconds\": {secs}, \"method\": \"sampled\", \"sources\": {}, \"all_sources_seconds\": {}}}",
                s.len(),
                secs * n as f64 / s.len() as f64
            ));
        }
        None => {
            let secs = time(|| shortest_paths(csr, true));
            ops.push(format!(
                "\"betweenness\": {{\"seconds\": {secs}, \"method\": \"exact\", \"all_sources_seconds\": {secs}}}"
            ));
        }
    }
    if let Some(s) = &sources {
        let secs = time(|| closeness_of(csr, s));
        ops.push(format!(
            "\"closeness\": {{\"seconds\": {secs}, \"method\": \"sampled\", \"sources\": {}, \"all_sources_seconds\": {}}}",
            s.len(),
            secs * n as f64 / s.len() as f64
        ));
    } else {
        let secs = time(|| shortest_paths(csr, false));
        ops.push(format!(
            "\"closeness\": {{\"seconds\": {secs}, \"method\": \"exact\", \"all_sources_seconds\": {secs}}}"
        ));
    }

    let degree: Vec<usize> = (0..n).map(|v| csr.degree(v)).collect();
    let secs = time(|| pagerank(csr, &degree));
    ops.push(format!("\"pagerank\": {{\"seconds\": {secs}}}"));
    let secs = time(|| components(csr));
    ops.push(format!("\"components\": {{\"seconds\": {secs}}}"));
    let secs = time(|| cut_points(csr));
    ops.push(format!("\"articulation_points\": {{\"seconds\": {secs}}}"));
    let secs = time(|| core_numbers(csr));
    ops.push(format!("\"core_numbers\": {{\"seconds\": {secs}}}"));
    let (communities, secs) = once(|| louvain(csr));
    let q = modularity(csr, &communities).unwrap_or(f64::NAN);
    let count = communities.iter().max().map_or(0, |&c| c as usize + 1);
    ops.push(format!(
        "\"louvain\": {{\"seconds\": {secs}, \"modularity\": {q}, \"communities\": {count}, \"runs\": {}}}",
        louvain_runs(n)
    ));

    println!(
        "{{\"library\": \"convener\", \"version\": \"{}\", \"threads\": {}, \"nodes\": {n}, \"edges\": {}, \"read\": {read_s}, \"build\": {build_s}, {}}}",
        env!("CARGO_PKG_VERSION"),
        rayon::current_num_threads(),
        g.undirected_edges().len(),
        ops.join(", ")
    );
    Ok(())
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median seconds of `runs` runs after one warm-up.
fn median_of<T>(runs: usize, mut work: impl FnMut() -> T) -> f64 {
    black_box(work());
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(work());
                start.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

/// `profile WORK [TIMES]`: runs one piece of work and nothing else (see the module
/// documentation).
fn profile(args: &[String]) -> Result<(), String> {
    const ON_A_GRAPH: [&str; 6] = ["betweenness", "closeness", "components", "articulation", "cores", "louvain"];
    let (work, file, rest) = match args {
        [w, f, rest @ ..] if ON_A_GRAPH.contains(&w.as_str()) => (w.as_str(), Some(f.as_str()), rest),
        [w, rest @ ..] => (w.as_str(), None, rest),
        [] => return Err("profile: which work? analyze, what-if, load, or an operation and a file".into()),
    };
    let times: usize = match rest.first() {
        Some(t) => t.parse().map_err(|_| format!("profile: TIMES is a whole number, not '{t}'"))?,
        None => 1,
    };
    let options = Options::default();
    match (work, file) {
        ("analyze", _) => {
            let doc = initiative(&SynthOptions::design_benchmark());
            for _ in 0..times {
                black_box(doc.analyze(&options));
            }
        }
        ("what-if", _) => {
            let doc = initiative(&SynthOptions::design_benchmark());
            for _ in 0..times {
                for p in &doc.partners {
                    let without = doc.without(&[p.id.as_str()]).map_err(|e| e.to_string())?;
                    black_box(whatif::delta(&doc, &without, &options));
                }
            }
        }
        ("load", _) => {
            let text = initiative(&SynthOptions::new(100_000, 1)).to_json();
            for _ in 0..times {
                black_box(Initiative::from_json(&text).map_err(|e| e.to_string())?);
            }
        }
        (_, Some(file)) => {
            let (n, edges) = parse_edge_list(&read(file)?).map_err(|e| format!("{file}: {e}"))?;
            let g = PartnerGraph::from_edges(n, &edges);
            let csr = g.csr();
            for _ in 0..times {
                match work {
                    "betweenness" => drop(black_box(shortest_paths(csr, true))),
                    "closeness" => drop(black_box(shortest_paths(csr, false))),
                    "components" => drop(black_box(components(csr))),
                    "articulation" => drop(black_box(cut_points(csr))),
                    "cores" => drop(black_box(core_numbers(csr))),
                    _ => {
                        let c = louvain(csr);
                        println!("modularity {:?}", modularity(csr, &c));
                    }
                }
            }
        }
        _ => return Err(format!("profile: unknown work '{work}'")),
    }
    Ok(())
}

/// `app [--quick]`: analyze, the what-if sweeps and the key-player sweep of the benchmark
/// initiative; loading a 10⁵-partner document; the bytes a loaded document holds per tie.
fn app(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    let runs = if quick { 5 } else { 21 };
    let options = Options::default();
    let doc = initiative(&SynthOptions::design_benchmark());
    let analyze_s = median_of(runs, || doc.analyze(&options));
    let analyze_json_s = median_of(runs, || doc.analyze(&options).to_json());
    let key_players_s = median_of(runs, || whatif::key_players(&doc, &options, usize::MAX));
    let ids: Vec<&str> = doc.partners.iter().map(|p| p.id.as_str()).collect();
    let sweep_runs = if quick { 1 } else { 5 };
    let delta_s = median_of(sweep_runs, || {
        ids.iter()
            .map(|id| doc.without(&[id]).map(|s| whatif::delta(&doc, &s, &options).components.after).unwrap_or(0))
            .sum::<u64>()
    });
    let full_s = median_of(if quick { 1 } else { 3 }, || {
        ids.iter().filter_map(|id| convener::what_if(&doc, &[id], &options).ok()).count()
    });

    let load_partners = if quick { 10_000 } else { 100_000 };
    let big = initiative(&SynthOptions::new(load_partners, 1));
    let (big_ties, big_text) = (big.ties.len(), big.to_json());
    drop(big);
    let load_s = median_of(if quick { 1 } else { 3 }, || Initiative::from_json(&big_text).map(|d| d.ties.len()));

    // Bytes held per tie by a loaded document of about 10⁶ ties (10⁵ ties with --quick).
    let mem_partners = if quick { 12_500 } else { 125_000 };
    let mem = initiative(&SynthOptions::new(mem_partners, 1));
    let mem_text = mem.to_json();
    drop(mem);
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = Initiative::from_json(&mem_text).map_err(|e| e.to_string())?;
    let held = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let mem_ties = loaded.ties.len();
    drop(loaded);

    println!(
        "{{\"library\": \"convener\", \"version\": \"{}\", \"threads\": {}, \"analyze\": {{\"partners\": {}, \"ties\": {}, \"indicators\": {}, \"measurements\": {}, \"seconds\": {analyze_s}, \"with_json_seconds\": {analyze_json_s}, \"runs\": {runs}}}, \"key_players\": {{\"seconds\": {key_players_s}}}, \"what_if_delta_every_partner\": {{\"seconds\": {delta_s}}}, \"what_if_full_every_partner\": {{\"seconds\": {full_s}}}, \"load\": {{\"partners\": {load_partners}, \"ties\": {big_ties}, \"bytes\": {}, \"seconds\": {load_s}}}, \"memory\": {{\"partners\": {mem_partners}, \"ties\": {mem_ties}, \"text_bytes\": {}, \"held_bytes\": {held}, \"peak_bytes\": {peak}, \"held_per_tie\": {}, \"peak_per_tie\": {}}}}}",
        env!("CARGO_PKG_VERSION"),
        rayon::current_num_threads(),
        doc.partners.len(),
        doc.ties.len(),
        doc.indicators.len(),
        doc.measurements.len(),
        big_text.len(),
        mem_text.len(),
        held as f64 / mem_ties.max(1) as f64,
        peak as f64 / mem_ties.max(1) as f64,
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((cmd, rest)) if cmd == "graphs" => graphs(rest),
        Some((cmd, rest)) if cmd == "network" => network(rest),
        Some((cmd, rest)) if cmd == "app" => app(rest),
        Some((cmd, rest)) if cmd == "profile" => profile(rest),
        _ => Err(
            "usage: convener-compare graphs DIR SIZE... [--sources K] | network FILE [--sources FILE] | app [--quick] \
             | profile analyze|what-if|load [TIMES] | profile OPERATION FILE [TIMES]"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convener-compare: {e}");
            ExitCode::from(2)
        }
    }
}
