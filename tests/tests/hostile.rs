//! The hostile corpus (`hostile/cases.json`): malformed and extreme documents and CSV
//! folders, each refused with exactly its expected status, code and places by the core and
//! by the `convener` command, within a bounded time and memory. The same file drives the
//! wasm test (bindings/wasm/tests/hostile.test.mjs) and the C test
//! (bindings/ffi/tests/hostile.c).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use convener::model::{Limits, Options};
use convener::{Error, Initiative, Location};
use serde_json::{Value, json};

/// A run that takes longer than this has hung (the slowest case takes seconds).
const HANG_GUARD: Duration = Duration::from_secs(300);
/// The address space the command may use, in KiB (`ulimit -v`): 4 GiB.
const MEMORY_KIB: u64 = 4 * 1024 * 1024;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("hostile")
}

/// One case of `cases.json`.
struct Case {
    name: String,
    /// A committed file or CSV folder, relative to `hostile/`.
    input: Option<String>,
    /// Or text built from `(text, times)` segments at test time.
    generate: Vec<(String, usize)>,
    options: Option<Value>,
    /// When set, the case lists only the first issues; this many are listed in all.
    listed: Option<usize>,
    exit: i32,
    expect: Value,
}

/// The cases, checking the file's layout: one case a line, keys in the order the C test
/// reads them (`name`, `input` or `generate`, `options`, `listed`, `exit`, `expect` last).
fn cases() -> Vec<Case> {
    let path = corpus_dir().join("cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let all: Vec<Value> = serde_json::from_str(&text).expect("cases.json is a JSON array");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(lines.len(), all.len(), "cases.json must hold one case a line");
    let order = ["\"name\"", "\"input\"", "\"generate\"", "\"options\"", "\"listed\"", "\"exit\"", "\"expect\""];
    all.iter()
        .zip(&lines)
        .map(|(v, line)| {
            let o = v.as_object().expect("a case is an object");
            let name = o["name"].as_str().expect("a name").to_string();
            let at: Vec<usize> = order.iter().filter_map(|k| line.find(&format!("{k}:"))).collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{name}: keys out of order in cases.json");
            for key in o.keys() {
                assert!(order.contains(&format!("\"{key}\"").as_str()), "{name}: unknown key {key}");
            }
            let generate: Vec<(String, usize)> = o
                .get("generate")
                .map(|g| {
                    g.as_array()
                        .expect("generate is a list")
                        .iter()
                        .map(|s| {
                            let text = s["text"].as_str().expect("a segment's text").to_string();
                            (text, s["times"].as_u64().expect("a segment's times") as usize)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let input = o.get("input").map(|i| i.as_str().expect("input is a path").to_string());
            assert!(input.is_some() == generate.is_empty(), "{name}: give input or generate");
            Case {
                name,
                input,
                generate,
                options: o.get("options").cloned(),
                listed: o.get("listed").map(|n| n.as_u64().expect("listed is a count") as usize),
                exit: o["exit"].as_i64().expect("an exit status") as i32,
                expect: o["expect"].clone(),
            }
        })
        .collect()
}

impl Case {
    fn is_csv(&self) -> bool {
        self.input.as_deref().is_some_and(|i| i.starts_with("csv/"))
    }

    fn limits(&self) -> Limits {
        match &self.options {
            Some(o) => Options::from_json(&o.to_string()).expect("the case's options are valid").limits,
            None => Limits::default(),
        }
    }

    /// The input on disk: the committed path, or the generated text written to `scratch`.
    fn path(&self, scratch: &Path) -> PathBuf {
        match &self.input {
            Some(input) => corpus_dir().join(input),
            None => {
                let path = scratch.join(format!("{}.json", self.name));
                let mut text = String::new();
                for (t, n) in &self.generate {
                    text.push_str(&t.repeat(*n));
                }
                std::fs::write(&path, text).expect("the generated case can be written");
                path
            }
        }
    }
}

/// An issue without its message: `{code, pointer}`, `{code, line, column}` or `{code,
/// file, row, column}`.
fn issue_value(code: &str, location: &Location) -> Value {
    match location {
        Location::Pointer(p) => json!({"code": code, "pointer": p}),
        Location::Text { line, column } => json!({"code": code, "line": line, "column": column}),
        Location::Cell { file, row, column } => json!({"code": code, "file": file, "row": row, "column": column}),
    }
}

/// Compares an outcome `{error, issues, more}` with the expectation; with `listed`, the
/// expectation holds the first issues of that many.
fn compare(case: &Case, actual: &Value) -> Result<(), String> {
    let issues = actual["issues"].as_array().cloned().unwrap_or_default();
    let want = case.expect["issues"].as_array().expect("expected issues");
    let (listed, shown) = match case.listed {
        Some(n) => (n, issues.iter().take(want.len()).cloned().collect::<Vec<_>>()),
        None => (want.len(), issues.clone()),
    };
    let ok = actual["error"] == case.expect["error"]
        && actual["more"] == case.expect["more"]
        && issues.len() == listed
        && &shown == want;
    let first: Vec<&Value> = issues.iter().take(5).collect();
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected {} ({listed} issues listed)\n  actual {{\"error\": {}, \"more\": {}, {} issues, the first: {first:?}}}",
            case.expect,
            actual["error"],
            actual["more"],
            issues.len()
        ))
    }
}

/// The `.csv` files of a folder, by name, as the command line reads them.
fn read_folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        if path.is_file() && name.to_ascii_lowercase().ends_with(".csv") {
            files.insert(name, std::fs::read(&path).expect("the file can be read"));
        }
    }
    files
}

fn core_outcome(case: &Case, path: &Path) -> Value {
    let limits = case.limits();
    let result: Result<Initiative, Error> = if case.is_csv() {
        if !path.is_dir() {
            return json!({"error": "io", "issues": [], "more": 0});
        }
        convener::formats::csv::read(&read_folder(path), &limits)
    } else {
        convener::load::initiative_from_slice(&std::fs::read(path).expect("the case can be read"), &limits)
    };
    match result {
        Ok(_) => json!({"ok": true}),
        Err(e) => {
            let issues: Vec<Value> = e.issues().iter().map(|i| issue_value(i.code.as_str(), &i.location)).collect();
            json!({"error": e.code(), "issues": issues, "more": e.more()})
        }
    }
}

fn scratch_dir(what: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn the_corpus_is_large_and_every_input_is_there() {
    let cases = cases();
    assert!(cases.len() >= 60, "the hostile corpus has {} cases; it needs at least 60", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names must be unique");
    for case in &cases {
        let expect = case.expect.as_object().expect("expect is an object");
        assert!(expect.contains_key("error") && expect.contains_key("issues") && expect.contains_key("more"));
        match case.exit {
            1 => assert!(!case.expect["issues"].as_array().expect("issues").is_empty(), "{}", case.name),
            3 => assert_eq!(case.expect["error"], "io", "{}", case.name),
            other => panic!("{}: exit status {other} is not 1 or 3", case.name),
        }
        if let Some(input) = &case.input {
            let path = corpus_dir().join(input);
            // Committed inputs are small; only the I/O case names a path that is not there.
            if case.exit != 3 {
                let size = if path.is_dir() {
                    read_folder(&path).values().map(Vec::len).sum()
                } else {
                    std::fs::metadata(&path).map(|m| m.len() as usize).unwrap_or_else(|_| panic!("{input} is missing"))
                };
                assert!(size < 16 * 1024, "{input} is {size} bytes: generate large cases instead");
            }
        }
    }
    // Every committed file belongs to a case.
    for sub in ["json", "csv"] {
        for entry in std::fs::read_dir(corpus_dir().join(sub)).expect("the corpus folder") {
            let name = format!("{sub}/{}", entry.expect("an entry").file_name().to_string_lossy());
            assert!(cases.iter().any(|c| c.input.as_deref() == Some(&name)), "{name} is in no case");
        }
    }
}

#[test]
fn the_core_gives_every_expected_outcome() {
    let scratch = scratch_dir("core");
    let mut failures = String::new();
    let cases = cases();
    for case in &cases {
        let path = case.path(&scratch);
        let actual = core_outcome(case, &path);
        if let Err(e) = compare(case, &actual) {
            let _ = write!(failures, "\n\n{}: {e}", case.name);
        }
        if case.input.is_none() {
            let _ = std::fs::remove_file(&path);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "cases that differ from cases.json:{failures}");
}

// ------------------------------------------------------------------ the command line

/// The `convener` binary: `CONVENER_BIN`, or the one in this test's target folder, built
/// (or found up to date) by cargo first. Cargo does not hold the target folder's lock while
/// tests run, so this waits only for other builds.
fn cli_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("CONVENER_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("the test's path");
    let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps/<test>");
    let bin = profile_dir.join(format!("convener{}", std::env::consts::EXE_SUFFIX));
    if let Some(cargo) = std::env::var_os("CARGO") {
        let mut command = Command::new(cargo);
        command.args(["build", "--locked", "-p", "convener-cli", "--bin", "convener"]);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            command.arg("--release");
        }
        let status = command.current_dir(convener_conformance::repo_root()).status().expect("cargo runs");
        assert!(status.success(), "cannot build the convener binary");
    }
    assert!(bin.is_file(), "{} is missing: build it with cargo build -p convener-cli", bin.display());
    bin
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the command with its address space capped (on Unix) and a hang guard.
fn run_cli(bin: &Path, args: &[&std::ffi::OsStr]) -> Run {
    let mut command = if cfg!(unix) {
        let mut c = Command::new("sh");
        c.arg("-c").arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\"")).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let mut child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("convener runs");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for convener") {
            break status;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            panic!("convener {args:?} still runs after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&reader.join().expect("stdout")).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().expect("stderr")).into_owned();
    Run { status: status.code().unwrap_or(-1), stdout, stderr }
}

#[test]
fn the_command_line_gives_every_expected_status_code_and_place() {
    let bin = cli_binary();
    let scratch = scratch_dir("cli");
    let mut failures = String::new();
    let cases = cases();
    for case in &cases {
        let path = case.path(&scratch);
        let options = scratch.join(format!("{}.options.json", case.name));
        let mut args: Vec<&std::ffi::OsStr> = vec!["validate".as_ref(), path.as_os_str(), "--format".as_ref()];
        args.push("json".as_ref());
        if let Some(o) = &case.options {
            std::fs::write(&options, o.to_string()).expect("the options can be written");
            args.extend(["--options".as_ref(), options.as_os_str()]);
        }
        let run = run_cli(&bin, &args);
        let mut problem = String::new();
        if run.status != case.exit {
            let _ = write!(problem, "\n  exit status {} instead of {}; stderr: {}", run.status, case.exit, run.stderr);
        }
        if case.exit == 3 {
            if !run.stderr.ends_with("[io]\n") {
                let _ = write!(problem, "\n  stderr does not end with [io]: {}", run.stderr);
            }
        } else if run.status < 2 {
            match serde_json::from_str::<Value>(&run.stdout) {
                Ok(v) => {
                    let issues: Vec<Value> = v["issues"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|i| {
                            let mut i = i.clone();
                            i.as_object_mut().map(|o| o.remove("message"));
                            i
                        })
                        .collect();
                    let actual = json!({"error": v["code"], "issues": issues, "more": v["more"]});
                    if let Err(e) = compare(case, &actual) {
                        problem.push_str(&format!("\n  {e}"));
                    }
                }
                Err(e) => {
                    let _ = write!(problem, "\n  validate --format json printed no JSON ({e}): {}", run.stdout);
                }
            }
        }
        // Another command refuses the committed cases the same way, on stderr.
        if case.input.is_some() && case.exit == 1 {
            let run = run_cli(&bin, &["network".as_ref(), path.as_os_str()]);
            let code = case.expect["issues"][0]["code"].as_str().unwrap_or_default();
            if run.status != 1 || !run.stderr.lines().next().is_some_and(|l| l.ends_with(&format!("[{code}]"))) {
                let _ = write!(problem, "\n  network: exit status {}, stderr: {:.300}", run.status, run.stderr);
            }
            // One issue a line, whatever the document holds: no control or bidi characters.
            let issues = case.expect["issues"].as_array().map_or(0, Vec::len);
            let hostile = |c: char| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c);
            if run.stderr.lines().count() != issues || run.stderr.chars().any(hostile) {
                let _ = write!(problem, "\n  network: not {issues} clean lines on stderr: {:?}", run.stderr);
            }
        }
        if !problem.is_empty() {
            let _ = write!(failures, "\n\n{}:{problem}", case.name);
        }
        if case.input.is_none() {
            let _ = std::fs::remove_file(&path);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "the command line differs from cases.json:{failures}");
}
