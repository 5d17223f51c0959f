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
