"""GradLab session files: a documented, versioned JSON format, saved atomically.

Format (version 1)::

    {
      "format": "gradlab-session",
      "version": 1,
      "saved_at": "2026-11-29T18:00:00Z",
      "app": {"tab": "descent", ...},          # optional window state
      "labs": {                                # one object per lab
        "descent": {...}, "regression": {...}, "chain": {...}
      }
    }

Each lab documents its own keys (its ``get_state``); unknown keys are ignored on
load, missing keys take defaults. A file with a newer ``version`` than this
program understands is refused with a clear message, never half-loaded.

Saves are atomic: the text goes to a temporary file in the same folder, which
is flushed and fsync'ed, then renamed over the target (and the folder fsync'ed),
so a crash mid-save leaves either the old file or the new one, never a torn one.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "gradlab-session"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64  # nesting kept on save; GradLab's own states are at most 4 deep


class SessionFileError(ValueError):
    """A session file that cannot be loaded (or a session that cannot be saved).
    ``key`` is one of "unreadable", "not_a_file", "not_json", "not_session",
    "future_version", "too_large", "too_large_to_save"."""

    def __init__(self, message: str, key: str, **params):
        super().__init__(message)
        self.key = key
        self.params = params


def _clean(obj: Any, depth: int = 0) -> Any:
    """JSON-safe copy: numpy arrays/scalars → lists/floats, nan/inf → None.
    Anything nested deeper than MAX_DEPTH becomes None (it could not be read back)."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(obj, np.ndarray):
        if obj.ndim == 1 and obj.dtype.kind == "f":
            return [v if math.isfinite(v) else None for v in obj.tolist()]
        return [_clean(v, depth + 1) for v in obj.tolist()]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): _clean(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v, depth + 1) for v in obj]
    if obj is None or isinstance(obj, (bool, int, str)):
        return obj
    return str(obj)


def dumps(labs: dict[str, Any], app: dict[str, Any] | None = None) -> str:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "app": _clean(app or {}),
        "labs": _clean(labs),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)


def loads(text: str) -> dict[str, Any]:
    """Parse and validate a session document; returns the whole document."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # incl. ints of more than 4300 digits
        line = getattr(exc, "lineno", None)
        raise SessionFileError(
            f"This file is not valid JSON (line {line}); it may be damaged." if line
            else "This file is not valid JSON; it may be damaged.", "not_json",
            line=line) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionFileError("This is not a GradLab session file.", "not_session")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError("This session file has no valid version number.",
                               "not_session")
    if version > VERSION:
        raise SessionFileError(
            f"This session was saved by a newer GradLab (format version {version}); "
            f"this one reads up to version {VERSION}. Please update GradLab.",
            "future_version", version=version, supported=VERSION)
    labs = doc.get("labs")
    if not isinstance(labs, dict):
        raise SessionFileError("This session file has no lab data.", "not_session")
    app = doc.get("app")
    doc["app"] = app if isinstance(app, dict) else {}
    return doc


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        dfd = os.open(str(path.parent), os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - not every platform can fsync a folder
        pass


def save(path: str | os.PathLike, labs: dict[str, Any], app: dict[str, Any] | None = None
         ) -> None:
    """Write a session atomically.  Refuses (SessionFileError "too_large_to_save")
    what :func:`load` could not read back, leaving the file as it was."""
    text = dumps(labs, app)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SessionFileError("This session is too large to be saved.",
                               "too_large_to_save", limit_mb=MAX_BYTES // (1024 * 1024))
    atomic_write_text(path, text)


def read_limited(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises SessionFileError "not_a_file" for folders, FIFOs and devices (opened
    without blocking, so a FIFO never hangs), "too_large" beyond ``limit`` bytes
    and "unreadable" for any OS error."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(os.fspath(path), flags)
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise SessionFileError("This is not a regular file.", "not_a_file") from None
        raise SessionFileError(f"The file could not be read: {exc}", "unreadable",
                               detail=str(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SessionFileError("This is not a regular file.", "not_a_file")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise SessionFileError("This file is too large to be a GradLab session.",
                                       "too_large")
        return b"".join(chunks)
    except OSError as exc:
        raise SessionFileError(f"The file could not be read: {exc}", "unreadable",
                               detail=str(exc)) from None
    finally:
        os.close(fd)


def load(path: str | os.PathLike) -> dict[str, Any]:
    data = read_limited(path, MAX_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SessionFileError(f"The file could not be read: {exc}", "unreadable",
                               detail=str(exc)) from None
    return loads(text)
