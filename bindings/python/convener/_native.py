"""The C ABI of convener (``bindings/ffi/include/convener.h``) through ctypes.

Everything here is plumbing: finding the shared library, declaring the signature of
every function, turning a status into a :class:`ConvenerError` and copying the strings
convener allocates into Python before handing them back to ``convener_string_free``.

Results are declared ``c_void_p``, never ``c_char_p``: ctypes would copy a ``c_char_p``
result into ``bytes`` and drop the pointer, so the string could never be freed.
"""

from __future__ import annotations

import ctypes
import enum
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any, Optional

__all__ = [
    "ConvenerError",
    "LibraryNotFoundError",
    "Status",
    "api",
    "library_path",
]

# The names cargo gives the library of the crate `convener-ffi` on each platform.
if sys.platform == "win32":
    LIBRARY_NAME = "convener_ffi.dll"
elif sys.platform == "darwin":
    LIBRARY_NAME = "libconvener_ffi.dylib"
else:
    LIBRARY_NAME = "libconvener_ffi.so"

_HERE = Path(__file__).resolve().parent
# A copy packaged next to the module (a wheel built with the library in it).
PACKAGED_DIR = _HERE / "_lib"
# The repository when the package is used from a checkout: bindings/python/convener.
REPO_ROOT: Optional[Path] = _HERE.parents[2] if len(_HERE.parents) > 2 else None


class Status(enum.IntEnum):
    """``convener_status``: the outcome of a C call. 0 is success."""

    OK = 0
    NULL_PARAMETER = 1
    INVALID_UTF8 = 2
    INVALID_DOCUMENT = 3
    INVALID_OPTIONS = 4
    IO = 5
    LIMIT_EXCEEDED = 6
    PANIC = 7
    INTERNAL = 8


# The code to give when convener's own account of an error cannot be had (it always can,
# unless the library itself is broken).
_FALLBACK_CODES = {
    Status.NULL_PARAMETER: "null_parameter",
    Status.INVALID_UTF8: "invalid_utf8",
    Status.INVALID_DOCUMENT: "document.invalid",
    Status.INVALID_OPTIONS: "options.invalid",
    Status.IO: "io",
    Status.LIMIT_EXCEEDED: "limit.exceeded",
    Status.PANIC: "panic",
    Status.INTERNAL: "internal",
}


class ConvenerError(Exception):
    """A call into convener failed.

    Attributes:
        code: the stable dotted code, e.g. ``document.invalid``, ``options.invalid``,
            ``argument.unknown_partner``, ``limit.exceeded``, ``io``.
        message: what went wrong, in words (also ``str(error)``).
        issues: every problem found, as dicts with ``code``, ``message`` and where it is
            (``pointer`` in a JSON document; ``file``, ``row``, ``column`` in a CSV
            folder; ``line``, ``column`` for JSON syntax). Empty for errors that are not
            about the input's content.
        more: how many further problems were found beyond those listed.
        status: the C status (a :class:`Status`).
    """

    def __init__(
        self,
        code: str,
        message: str,
        issues: Optional[list] = None,
        more: int = 0,
        status: Status = Status.INTERNAL,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.issues = list(issues or [])
        self.more = int(more or 0)
        self.status = Status(status)

    def __repr__(self) -> str:
        return f"ConvenerError(code={self.code!r}, message={self.message!r}, issues={len(self.issues)}, status={self.status.name})"


class LibraryNotFoundError(OSError):
    """The shared library of convener could not be found or loaded."""


def library_path() -> Path:
    """Where the shared library is: ``CONVENER_LIB``, then ``convener/_lib/``, then the
    checkout's ``target/release/``. Raises :class:`LibraryNotFoundError` when none has it."""
    env = os.environ.get("CONVENER_LIB")
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise LibraryNotFoundError(
                f"CONVENER_LIB is set to {env!r}, which is not a file. Set it to the path of "
                f"convener's shared library ({LIBRARY_NAME}), e.g. "
                f"CONVENER_LIB=/path/to/convener/target/release/{LIBRARY_NAME}"
            )
        return path
    candidates = [PACKAGED_DIR / LIBRARY_NAME]
    if REPO_ROOT is not None and (REPO_ROOT / "bindings" / "ffi" / "Cargo.toml").is_file():
        candidates.append(REPO_ROOT / "target" / "release" / LIBRARY_NAME)
    looked = []
    for candidate in candidates:
        if candidate.is_file():
            return candidate
        looked.append(str(candidate))
    raise LibraryNotFoundError(
        f"convener's shared library ({LIBRARY_NAME}) was not found; looked in: "
        + ", ".join(looked)
        + ". Build it with `cargo build --release -p convener-ffi` in the convener repository "
        f"and set CONVENER_LIB to its path, e.g. "
        f"export CONVENER_LIB=/path/to/convener/target/release/{LIBRARY_NAME}"
    )


class _Api:
    """The loaded library with the signature of every function declared."""

    def __init__(self, path: Path) -> None:
        try:
            # CDLL (not PyDLL): every call releases the GIL while convener runs.
            lib = ctypes.CDLL(str(path))
        except OSError as e:
            raise LibraryNotFoundError(
                f"could not load convener's shared library {path}: {e}. "
                f"Set CONVENER_LIB to the path of a {LIBRARY_NAME} built for this machine."
            ) from e
        self.path = path
        self.lib = lib
        vp, pvp, cp, size, status = (
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p),
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_int,
        )

        def bind(name: str, restype: Any, *argtypes: Any) -> Any:
            f = getattr(lib, name)
            f.restype = restype
            f.argtypes = list(argtypes)
            return f

        # const char *convener_version(void): static, never freed.
        self.version = bind("convener_version", vp)
        self.initiative_from_json = bind("convener_initiative_from_json", status, cp, size, pvp)
        self.initiative_from_csv_dir = bind("convener_initiative_from_csv_dir", status, cp, pvp)
        self.initiative_free = bind("convener_initiative_free", None, vp)
        self.string_free = bind("convener_string_free", None, vp)
        self.analyze = bind("convener_analyze", status, vp, cp, pvp)
        self.network_csv = bind("convener_network_csv", status, vp, cp, pvp)
        self.network_json = bind("convener_network_json", status, vp, cp, pvp)
        self.indicators_csv = bind("convener_indicators_csv", status, vp, cp, pvp)
        self.indicators_json = bind("convener_indicators_json", status, vp, cp, pvp)
        self.what_if = bind("convener_what_if", status, vp, cp, cp, pvp)
        self.validate_json = bind("convener_validate_json", status, cp, size, pvp)
        self.schema = bind("convener_schema", status, cp, pvp)
        self.last_error = bind("convener_last_error", status, ctypes.c_char_p, size, ctypes.POINTER(size))
        self.last_error_json = bind("convener_last_error_json", status, pvp)

    # -- strings -------------------------------------------------------------------

    def take(self, ptr: ctypes.c_void_p) -> str:
        """Copies a string convener gave into Python and frees it."""
        if not ptr.value:
            raise ConvenerError("internal", "convener reported success but gave no result", status=Status.INTERNAL)
        try:
            return ctypes.string_at(ptr.value).decode("utf-8")
        finally:
            self.string_free(ptr)

    def text_out(self, fn: Any, *args: Any) -> str:
        """Calls ``fn(*args, &out)``: the text on success, :class:`ConvenerError` otherwise."""
        out = ctypes.c_void_p()
        status = fn(*args, ctypes.byref(out))
        if status != Status.OK:
            # The ABI sets *out to NULL on failure; free it anyway should it ever not.
            if out.value:
                self.string_free(out)
            raise self.error(status)
        return self.take(out)

    def handle_out(self, fn: Any, *args: Any) -> int:
        """Calls ``fn(*args, &out)`` for a new handle: its address, or :class:`ConvenerError`."""
        out = ctypes.c_void_p()
        status = fn(*args, ctypes.byref(out))
        if status != Status.OK:
            if out.value:
                self.initiative_free(out)
            raise self.error(status)
        if not out.value:
            raise ConvenerError("internal", "convener reported success but gave no handle", status=Status.INTERNAL)
        return out.value

    # -- errors --------------------------------------------------------------------

    def error(self, status: int) -> ConvenerError:
        """The :class:`ConvenerError` for a failed call, from this thread's last error.

        Must be called on the thread that made the failing call, before any other call
        that might fail (the last error is per thread and kept until the next failure).
        """
        try:
            st = Status(status)
        except ValueError:
            st = Status.INTERNAL
        data: Any = None
        out = ctypes.c_void_p()
        if self.last_error_json(ctypes.byref(out)) == Status.OK and out.value:
            try:
                data = json.loads(self.take(out))
            except ValueError:
                data = None
        if not isinstance(data, dict):
            data = {"code": _FALLBACK_CODES.get(st, "internal"), "message": self.last_message()}
        message = data.get("message") or self.last_message() or f"convener failed ({st.name})"
        return ConvenerError(
            code=str(data.get("code") or _FALLBACK_CODES.get(st, "internal")),
            message=message,
            issues=data.get("issues") or [],
            more=data.get("more") or 0,
            status=st,
        )

    def last_message(self) -> str:
        """This thread's last error message through ``convener_last_error`` (two calls:
        the size, then the text)."""
        needed = ctypes.c_size_t(0)
        if self.last_error(None, 0, ctypes.byref(needed)) != Status.OK or needed.value == 0:
            return ""
        buf = ctypes.create_string_buffer(needed.value)
        if self.last_error(buf, needed.value, None) != Status.OK:
            return ""
        return buf.value.decode("utf-8", "replace")


_API: Optional[_Api] = None
_API_LOCK = threading.Lock()


def api() -> _Api:
    """The library, loaded on first use (thread-safe)."""
    global _API
    if _API is None:
        with _API_LOCK:
            if _API is None:
                _API = _Api(library_path())
    return _API
