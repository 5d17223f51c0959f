import json
import os

import numpy as np
import pytest

from core import sessionfile as sf


def test_round_trip(tmp_path):
    labs = {"descent": {"function": "x^2 + y^2", "start": np.array([3.0, 2.0]),
                        "eta": np.float64(0.1)},
            "regression": {"x": [48, 57], "y": [165.0, 165.0], "bad": float("nan")}}
    p = tmp_path / "s.gradlab"
    sf.save(p, labs, {"tab": "descent"})
    doc = sf.load(p)
    assert doc["version"] == sf.VERSION and doc["format"] == "gradlab-session"
    assert doc["labs"]["descent"] == {"function": "x^2 + y^2", "start": [3.0, 2.0], "eta": 0.1}
    assert doc["labs"]["regression"]["bad"] is None
    assert doc["app"] == {"tab": "descent"}
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    p = tmp_path / "s.gradlab"
    sf.save(p, {"descent": {"a": 1}})
    before = p.read_text()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(sf.os, "fsync", boom)
    with pytest.raises(OSError):
        sf.save(p, {"descent": {"a": 2}})
    assert p.read_text() == before
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


@pytest.mark.parametrize("text,key", [
    ("{not json", "not_json"),
    ("[]", "not_session"),
    ('{"format": "other", "version": 1, "labs": {}}', "not_session"),
    ('{"format": "gradlab-session", "version": "1", "labs": {}}', "not_session"),
    ('{"format": "gradlab-session", "version": 1}', "not_session"),
    ('{"format": "gradlab-session", "version": 99, "labs": {}}', "future_version"),
    ("[" * 100000, "not_json"),
])
def test_bad_files_give_clear_errors(tmp_path, text, key):
    p = tmp_path / "bad.gradlab"
    p.write_text(text)
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(p)
    assert info.value.key == key
    assert str(info.value)


def test_future_version_message_names_versions(tmp_path):
    p = tmp_path / "f.gradlab"
    p.write_text(json.dumps({"format": "gradlab-session", "version": 7, "labs": {}}))
    with pytest.raises(sf.SessionFileError, match="version 7"):
        sf.load(p)


def test_unreadable_file(tmp_path):
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(tmp_path / "missing.gradlab")
    assert info.value.key == "unreadable"
    p = tmp_path / "bin.gradlab"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(sf.SessionFileError):
        sf.load(p)


# --- attacks (issue 9): files that must be refused quickly, never hang or raise else
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.gradlab"
    os.mkfifo(fifo)  # opening it for reading would block until a writer comes
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(fifo)
    assert info.value.key == "not_a_file"


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null"])
def test_devices_are_refused(path):
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(path)
    assert info.value.key == "not_a_file"


def test_folder_is_refused(tmp_path):
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(tmp_path)
    assert info.value.key == "not_a_file"


def test_reads_at_most_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sf, "MAX_BYTES", 1000)
    p = tmp_path / "big.gradlab"
    p.write_text(" " * 5000)
    reads = []
    real_read = os.read
    monkeypatch.setattr(sf.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(sf.SessionFileError) as info:
        sf.load(p)
    assert info.value.key == "too_large"
    assert sum(reads) <= 1001


def test_five_thousand_digit_integer_is_a_session_error():
    text = ('{"format": "gradlab-session", "version": 1, "labs": {"descent": {"cursor": '
            + "9" * 5000 + "}}}")
    with pytest.raises(sf.SessionFileError) as info:
        sf.loads(text)
    assert info.value.key == "not_json"


def test_deeply_nested_value_never_breaks_a_save(tmp_path):
    deep: list = []
    for _ in range(500):
        deep = [deep]
    p = tmp_path / "deep.gradlab"
    sf.save(p, {"descent": {"junk": deep, "function": "x^2"}})
    doc = sf.load(p)  # what was written can be read back
    assert doc["labs"]["descent"]["function"] == "x^2"
    depth, v = 0, doc["labs"]["descent"]["junk"]
    while isinstance(v, list) and v:
        depth, v = depth + 1, v[0]
    assert depth <= sf.MAX_DEPTH


def test_never_writes_what_cannot_be_read_back(tmp_path, monkeypatch):
    p = tmp_path / "s.gradlab"
    sf.save(p, {"regression": {"x": [1.0], "y": [2.0]}})
    before = p.read_bytes()
    monkeypatch.setattr(sf, "MAX_BYTES", 4000)
    big = {"regression": {"x": list(np.arange(2000.0)), "y": list(np.arange(2000.0))}}
    with pytest.raises(sf.SessionFileError) as info:
        sf.save(p, big)
    assert info.value.key == "too_large_to_save"
    assert p.read_bytes() == before
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.gradlab"
    p.write_bytes("\ufeff".encode() + sf.dumps({"descent": {}}).encode())
    assert sf.load(p)["labs"] == {"descent": {}}
