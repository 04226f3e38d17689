//! convener's C ABI: opaque initiative handles, JSON and CSV text out, a status on every
//! call, and the last error of the thread in words and as JSON.
//!
//! Rules for every function:
//! - Every pointer argument is checked: NULL gives `CONVENER_NULL_PARAMETER`.
//! - Text in is UTF-8; anything else gives `CONVENER_INVALID_UTF8`.
//! - A panic never crosses into C: it gives `CONVENER_PANIC`.
//! - What convener allocates, only convener frees: strings with `convener_string_free`,
//!   handles with `convener_initiative_free`. Both take NULL as a no-op.
//! - On failure, out-parameters are set to NULL and the thread's last error is set
//!   (`convener_last_error`, `convener_last_error_json`); it stays until the next failing
//!   call on the same thread.
//! - Handles are immutable: one handle may be used from many threads at once.

#![allow(unsafe_code)] // a C ABI: every unsafe block reads a caller's pointer after a NULL check
#![allow(clippy::missing_safety_doc)] // the safety contract is stated once, above, for all

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use convener::error::Category;
use convener::load::initiative_from_slice;
use convener::model::Options;
use convener::render::{Output, RenderRequest, Rendered};
use convener::{Error, Initiative};

/// The outcome of a call. 0 is success.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvenerStatus {
    /// Done.
    CONVENER_OK = 0,
    /// A required pointer was NULL.
    CONVENER_NULL_PARAMETER = 1,
    /// Text given was not UTF-8.
    CONVENER_INVALID_UTF8 = 2,
    /// The document breaks the format's rules (every problem is in the last error).
    CONVENER_INVALID_DOCUMENT = 3,
    /// The options, or another argument, are not valid.
    CONVENER_INVALID_OPTIONS = 4,
    /// A file or folder could not be read.
    CONVENER_IO = 5,
    /// The input is larger or deeper than a limit allows.
    CONVENER_LIMIT_EXCEEDED = 6,
    /// convener panicked; please report it.
    CONVENER_PANIC = 7,
    /// convener failed in a way it should not; please report it.
    CONVENER_INTERNAL = 8,
}

use ConvenerStatus::*;

/// An initiative read into memory: opaque to C.
pub struct ConvenerInitiative {
    doc: Initiative,
}

/// The status of a category of core error (an exhaustive match: a new category does not
/// compile until it has a status).
pub fn status_of_category(category: Category) -> ConvenerStatus {
    match category {
        Category::InvalidDocument => CONVENER_INVALID_DOCUMENT,
        Category::InvalidOptions | Category::InvalidArgument => CONVENER_INVALID_OPTIONS,
        Category::LimitExceeded => CONVENER_LIMIT_EXCEEDED,
        Category::Io => CONVENER_IO,
        Category::Internal => CONVENER_INTERNAL,
    }
}

/// The status a core error maps to.
pub fn status_of(error: &Error) -> ConvenerStatus {
    status_of_category(error.category())
}

/// The last error of this thread: its message and its JSON `{code, message, issues, more}`.
struct LastError {
    message: String,
    json: String,
}

thread_local! {
    static LAST: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last(message: String, json: String) {
    LAST.with(|l| *l.borrow_mut() = Some(LastError { message, json }));
}

fn fail(status: ConvenerStatus, code: &str, message: &str) -> ConvenerStatus {
    let json = serde_json::json!({"code": code, "message": message, "issues": [], "more": 0}).to_string();
    set_last(message.to_string(), json);
    status
}

fn fail_with(error: Error) -> ConvenerStatus {
    set_last(error.to_string(), error.to_json());
    status_of(&error)
}

/// Runs `f` behind the panic boundary.
fn guard(f: impl FnOnce() -> ConvenerStatus) -> ConvenerStatus {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(status) => status,
        Err(_) => fail(CONVENER_PANIC, "panic", "convener panicked; please report this with the input that caused it"),
    }
}

/// Reads a NUL-terminated UTF-8 string.
unsafe fn text<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, ConvenerStatus> {
    if ptr.is_null() {
        return Err(fail(CONVENER_NULL_PARAMETER, "null_parameter", &format!("{what} is NULL")));
    }
    // SAFETY: the caller promises a NUL-terminated string; checked non-NULL above.
    unsafe { CStr::from_ptr(ptr) }
        .to_str()
        .map_err(|_| fail(CONVENER_INVALID_UTF8, "invalid_utf8", &format!("{what} is not UTF-8 text")))
}

/// Reads `len` bytes (a document's bytes: the core's loader checks they are UTF-8 and
/// says where they are not, as the CLI does).
unsafe fn bytes<'a>(ptr: *const c_char, len: usize, what: &str) -> Result<&'a [u8], ConvenerStatus> {
    if ptr.is_null() {
        return Err(fail(CONVENER_NULL_PARAMETER, "null_parameter", &format!("{what} is NULL")));
    }
    // SAFETY: the caller promises `len` readable bytes at `ptr`; checked non-NULL above.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// Options from NULL (defaults) or JSON text.
unsafe fn options(ptr: *const c_char) -> Result<Options, ConvenerStatus> {
    if ptr.is_null() {
        return Ok(Options::default());
    }
    // SAFETY: non-NULL, NUL-terminated by contract.
    let s = unsafe { text(ptr, "options_json") }?;
    Options::from_json(s).map_err(fail_with)
}

/// Checks an out-parameter and sets it to NULL.
unsafe fn out_ptr<T>(out: *mut *mut T, what: &str) -> Result<(), ConvenerStatus> {
    if out.is_null() {
        return Err(fail(CONVENER_NULL_PARAMETER, "null_parameter", &format!("{what} is NULL")));
    }
    // SAFETY: checked non-NULL; the caller gives a writable pointer slot.
    unsafe { *out = std::ptr::null_mut() };
    Ok(())
}

/// Hands a Rust string to C.
unsafe fn give(out: *mut *mut c_char, s: String) -> ConvenerStatus {
    match CString::new(s) {
        Ok(c) => {
            // SAFETY: `out` was checked by `out_ptr`.
            unsafe { *out = c.into_raw() };
            CONVENER_OK
        }
        Err(_) => fail(CONVENER_INTERNAL, "internal", "the result holds a NUL byte"),
    }
}

unsafe fn handle<'a>(ini: *const ConvenerInitiative) -> Result<&'a Initiative, ConvenerStatus> {
    if ini.is_null() {
        return Err(fail(CONVENER_NULL_PARAMETER, "null_parameter", "the initiative handle is NULL"));
    }
    // SAFETY: a handle from `convener_initiative_from_*`, not freed (caller's contract).
    Ok(unsafe { &(*ini).doc })
}

macro_rules! attempt {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(status) => return status,
        }
    };
}

/// convener's version, e.g. "0.1.0". Static: do not free.
#[unsafe(no_mangle)]
pub extern "C" fn convener_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Reads an initiative from `len` bytes of JSON text at `json` (format convener/1; a
/// UTF-8 byte order mark is skipped; bytes that are not UTF-8 are
/// `CONVENER_INVALID_DOCUMENT` with an `encoding.invalid` issue at their line and column,
/// as in every layer). Exactly `len` bytes are read: no NUL is needed after them, a NUL
/// within them is a byte of the text (not JSON), and `len` 0 is an empty, invalid document.
/// On success `*out` is a handle to free with `convener_initiative_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_initiative_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut ConvenerInitiative,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out, "out") });
        let s = attempt!(unsafe { bytes(json, len, "json") });
        match initiative_from_slice(s, &Options::default().limits) {
            Ok(doc) => {
                // SAFETY: checked by `out_ptr`.
                unsafe { *out = Box::into_raw(Box::new(ConvenerInitiative { doc })) };
                CONVENER_OK
            }
            Err(e) => fail_with(e),
        }
    })
}

/// Reads an initiative from a folder of CSV files (NUL-terminated UTF-8 path). On
/// success `*out` is a handle to free with `convener_initiative_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_initiative_from_csv_dir(
    path: *const c_char,
    out: *mut *mut ConvenerInitiative,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out, "out") });
        let dir = attempt!(unsafe { text(path, "path") });
        let limits = Options::default().limits;
        let files = match read_csv_folder(std::path::Path::new(dir), limits.max_document_bytes) {
            Ok(f) => f,
            Err(e) => return fail_with(e),
        };
        match convener::formats::csv::read(&files, &limits) {
            Ok(doc) => {
                // SAFETY: checked by `out_ptr`.
                unsafe { *out = Box::into_raw(Box::new(ConvenerInitiative { doc })) };
                CONVENER_OK
            }
            Err(e) => fail_with(e),
        }
    })
}

/// The `.csv` files of a folder, by name, reading no more than `max` bytes in all.
fn read_csv_folder(dir: &std::path::Path, max: u64) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    use std::io::Read;
    let io = |what: &str, e: std::io::Error| Error::Io {
        message: format!("could not {what} {}: {e}", dir.display()),
        source: e,
    };
    let mut files = BTreeMap::new();
    let mut left = max.saturating_add(1);
    for entry in std::fs::read_dir(dir).map_err(|e| io("read the folder", e))? {
        let entry = entry.map_err(|e| io("read the folder", e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.to_ascii_lowercase().ends_with(".csv") || !entry.path().is_file() {
            continue;
        }
        let mut bytes = Vec::new();
        std::fs::File::open(entry.path())
            .and_then(|f| f.take(left).read_to_end(&mut bytes))
            .map_err(|e| io("read a file in", e))?;
        left = left.saturating_sub(bytes.len() as u64);
        files.insert(name, bytes);
    }
    Ok(files)
}

/// Frees a handle. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_initiative_free(ini: *mut ConvenerInitiative) {
    if !ini.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: a handle from `convener_initiative_from_*`, freed once (caller's contract).
            drop(unsafe { Box::from_raw(ini) });
        }));
    }
}

/// Frees a string convener gave. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_string_free(s: *mut c_char) {
    if !s.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: a string from convener (`CString::into_raw`), freed once.
            drop(unsafe { CString::from_raw(s) });
        }));
    }
}

/// Runs `f` on the handle and options, giving its text through `out`.
unsafe fn with_handle(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out: *mut *mut c_char,
    f: impl FnOnce(&Initiative, &Options) -> Result<String, Error>,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out, "out") });
        let doc = attempt!(unsafe { handle(ini) });
        let options = attempt!(unsafe { options(options_json) });
        match f(doc, &options) {
            Ok(s) => unsafe { give(out, s) },
            Err(e) => fail_with(e),
        }
    })
}

/// One output of the document as text, through the core's one entry.
fn rendered_text(doc: &Initiative, options: &Options, output: Output) -> Result<String, Error> {
    convener::render(&RenderRequest::new(doc, output).options(options.clone()))?.into_text()
}

fn json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

/// The report (`convener-report/1`, pretty JSON with a trailing newline), byte for byte
/// as every layer gives it. `options_json` NULL means the defaults. Free `*out` with
/// `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_analyze(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out_report_json: *mut *mut c_char,
) -> ConvenerStatus {
    unsafe { with_handle(ini, options_json, out_report_json, |doc, o| Ok(doc.analyze(o).to_json())) }
}

/// The network table as CSV (18 columns, one row per partner). Free `*out` with
/// `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_network_csv(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> ConvenerStatus {
    unsafe { with_handle(ini, options_json, out, |doc, o| rendered_text(doc, o, Output::NetworkCsv)) }
}

/// The network table as JSON: an array of per-partner rows (the CSV's columns, and
/// clustering). Free `*out` with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_network_json(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> ConvenerStatus {
    unsafe { with_handle(ini, options_json, out, |doc, o| json(&convener::network::analyze(doc, o).partners)) }
}

/// The indicators table as CSV (22 columns, one row per series and phase). Free `*out`
/// with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_indicators_csv(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> ConvenerStatus {
    unsafe { with_handle(ini, options_json, out, |doc, o| rendered_text(doc, o, Output::IndicatorsCsv)) }
}

/// The indicators table as JSON: an array of rows with the CSV's columns. Free `*out`
/// with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_indicators_json(
    ini: *const ConvenerInitiative,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> ConvenerStatus {
    unsafe {
        with_handle(ini, options_json, out, |doc, o| {
            json(&convener::render::csv::indicator_rows(&convener::measure::analyze(doc, o)))
        })
    }
}

/// The initiative without some partners: `removed_ids_json` is a JSON array of partner
/// ids; `*out_json` gets `{removed, delta, report}`. Free it with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_what_if(
    ini: *const ConvenerInitiative,
    removed_ids_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out_json, "out_json") });
        let ids_text = attempt!(unsafe { text(removed_ids_json, "removed_ids_json") });
        let ids: Vec<String> = match serde_json::from_str(ids_text) {
            Ok(ids) => ids,
            Err(_) => {
                return fail_with(Error::InvalidArgument {
                    code: convener::IssueCode::ArgumentInvalid,
                    message: "removed_ids_json must be a JSON array of partner ids, e.g. [\"hub\"]".into(),
                });
            }
        };
        unsafe {
            with_handle(ini, options_json, out_json, |doc, o| {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                Ok(convener::what_if(doc, &ids, o)?.to_json())
            })
        }
    })
}

/// Any output of the document, through the same entry as every layer: `request_json` is
/// `{"output": NAME, "options": {...}, "without": [ids]}` (only `output` required; NAME is
/// one of `report.json`, `report.html`, `report.md`, `summary.txt`, `network.txt`,
/// `network.csv`, `network.json`, `network-rows.json`, `indicators.txt`, `indicators.csv`,
/// `indicators.json`, `indicator-rows.json`, `plan.txt`, `plan.json`, `graph.graphml`,
/// `graph.gexf`, `graph.dot`, `graph.kumu.json`, `what-if.json`, `what-if.txt` (with
/// `without`), `drawing.json`, `document.json`, `csv-folder`). `*out` gets the output's
/// bytes and `*out_len` their number: bytes, not a C string, since an output may hold NUL
/// bytes (a workbook); text outputs are UTF-8 without a terminating NUL. A folder
/// (`csv-folder`) comes as a JSON object `{file name: text}`. Free `*out` with
/// `convener_bytes_free(*out, *out_len)`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_render(
    ini: *const ConvenerInitiative,
    request_json: *const c_char,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out, "out") });
        if out_len.is_null() {
            return fail(CONVENER_NULL_PARAMETER, "null_parameter", "out_len is NULL");
        }
        // SAFETY: checked non-NULL.
        unsafe { *out_len = 0 };
        let doc = attempt!(unsafe { handle(ini) });
        let request = attempt!(unsafe { text(request_json, "request_json") });
        let bytes = match RenderRequest::from_json(doc, request).and_then(|r| convener::render(&r)) {
            Ok(Rendered::Bytes(b)) => b,
            Ok(Rendered::Files(files)) => folder_json(files).into_bytes(),
            Err(e) => return fail_with(e),
        };
        let boxed = bytes.into_boxed_slice();
        // SAFETY: both checked non-NULL above; the allocation is handed to C whole.
        unsafe {
            *out_len = boxed.len();
            *out = Box::into_raw(boxed).cast::<u8>();
        }
        CONVENER_OK
    })
}

/// A folder of text files as the JSON object `{name: text}`, in the order written.
fn folder_json(files: Vec<(String, Vec<u8>)>) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        files.into_iter().map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned().into())).collect();
    serde_json::Value::Object(map).to_string()
}

/// Frees bytes from `convener_render`: `len` must be the length it gave. NULL is a no-op.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_bytes_free(bytes: *mut u8, len: usize) {
    if bytes.is_null() {
        return;
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: from `convener_render`, which gave exactly `len` bytes, not freed before.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(bytes, len)) });
    }));
}

/// Checks `len` bytes of JSON text: `CONVENER_OK` with `*out_issues_json` a JSON array
/// of issues (empty when valid; bytes that are not UTF-8 are an `encoding.invalid` issue).
/// Other statuses only when the call itself fails (NULL). Free `*out_issues_json` with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_validate_json(
    json_text: *const c_char,
    len: usize,
    out_issues_json: *mut *mut c_char,
) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out_issues_json, "out_issues_json") });
        let s = attempt!(unsafe { bytes(json_text, len, "json") });
        let issues = match initiative_from_slice(s, &Options::default().limits) {
            Ok(_) => "[]".to_string(),
            Err(e) => match json(&e.issues()) {
                Ok(t) => t,
                Err(e) => return fail_with(e),
            },
        };
        unsafe { give(out_issues_json, issues) }
    })
}

/// A JSON Schema by name (`initiative`, `options` or `report`). Free `*out` with
/// `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_schema(name: *const c_char, out: *mut *mut c_char) -> ConvenerStatus {
    guard(|| {
        attempt!(unsafe { out_ptr(out, "out") });
        let name = attempt!(unsafe { text(name, "name") });
        match convener::render::schema(name) {
            Ok(s) => unsafe { give(out, s) },
            Err(e) => fail_with(e),
        }
    })
}

/// Copies the thread's last error message into `buf` (`len` bytes), NUL-terminated and
/// cut short if needed; `*needed` (when not NULL) gets the bytes the whole message needs,
/// NUL included (0 when there is no error). `buf` may be NULL with `len` 0 to ask the size.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_last_error(buf: *mut c_char, len: usize, needed: *mut usize) -> ConvenerStatus {
    let r = catch_unwind(AssertUnwindSafe(|| {
        let message = LAST.with(|l| l.borrow().as_ref().map(|e| e.message.clone()));
        let bytes = message.as_deref().unwrap_or("").as_bytes();
        let whole = if message.is_some() { bytes.len() + 1 } else { 0 };
        if !needed.is_null() {
            // SAFETY: checked non-NULL.
            unsafe { *needed = whole };
        }
        if buf.is_null() {
            return if len == 0 { CONVENER_OK } else { CONVENER_NULL_PARAMETER };
        }
        if len == 0 {
            return CONVENER_OK;
        }
        // Cut on a UTF-8 boundary so the copy stays valid text.
        let mut n = bytes.len().min(len - 1);
        while n > 0 && n < bytes.len() && (bytes[n] & 0xC0) == 0x80 {
            n -= 1;
        }
        // SAFETY: `buf` has `len` writable bytes (caller's contract) and n < len.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), n);
            *buf.add(n) = 0;
        }
        CONVENER_OK
    }));
    r.unwrap_or(CONVENER_PANIC)
}

/// The thread's last error as JSON `{code, message, issues, more}` (`null` when there is
/// none). Free `*out` with `convener_string_free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn convener_last_error_json(out: *mut *mut c_char) -> ConvenerStatus {
    let r = catch_unwind(AssertUnwindSafe(|| {
        if out.is_null() {
            return CONVENER_NULL_PARAMETER;
        }
        let json = LAST.with(|l| l.borrow().as_ref().map(|e| e.json.clone())).unwrap_or_else(|| "null".into());
        match CString::new(json) {
            Ok(c) => {
                // SAFETY: checked non-NULL.
                unsafe { *out = c.into_raw() };
                CONVENER_OK
            }
            Err(_) => CONVENER_INTERNAL,
        }
    }));
    r.unwrap_or(CONVENER_PANIC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_error_maps_to_a_status() {
        let issue = convener::Issue::at_pointer(convener::IssueCode::LimitExceeded, "", "m");
        let errors = [
            (Error::InvalidDocument(convener::Problems::default()), CONVENER_INVALID_DOCUMENT),
            (Error::InvalidOptions(convener::Problems::default()), CONVENER_INVALID_OPTIONS),
            (Error::LimitExceeded(Box::new(issue)), CONVENER_LIMIT_EXCEEDED),
            (Error::Io { message: "m".into(), source: std::io::Error::other("x") }, CONVENER_IO),
            (
                Error::InvalidArgument { code: convener::IssueCode::ArgumentInvalid, message: "m".into() },
                CONVENER_INVALID_OPTIONS,
            ),
            (Error::Internal("m".into()), CONVENER_INTERNAL),
        ];
        for (e, s) in &errors {
            assert_eq!(status_of(e), *s, "{}", e.code());
        }
        // Every category has a status other than OK, and the errors above cover them all.
        for c in Category::ALL {
            assert_ne!(status_of_category(c), CONVENER_OK);
            assert!(errors.iter().any(|(e, _)| e.category() == c), "{c:?}");
        }
        // The statuses are distinct and numbered as the header says.
        let all = [
            CONVENER_OK,
            CONVENER_NULL_PARAMETER,
            CONVENER_INVALID_UTF8,
            CONVENER_INVALID_DOCUMENT,
            CONVENER_INVALID_OPTIONS,
            CONVENER_IO,
            CONVENER_LIMIT_EXCEEDED,
            CONVENER_PANIC,
            CONVENER_INTERNAL,
        ];
        for (i, s) in all.iter().enumerate() {
            assert_eq!(*s as i32, i as i32);
        }
    }
}
