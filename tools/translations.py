"""Qt Linguist workflow for GradLab.

    uv run python tools/translations.py update   # lupdate → .ts, fill from zh_CN.json, lrelease
    uv run python tools/translations.py check    # list source strings without a translation
    uv run python tools/translations.py add CONTEXT "source" "译文"   # one entry, sorted in

Translations live in ``resources/translations/zh_CN.json`` as
``{"Context": {"source": "译文", ...}, ...}`` (easy to review and diff);
``gradlab_zh_CN.ts`` is regenerated from the sources by ``pyside6-lupdate`` and
filled from that file, then compiled to ``gradlab_zh_CN.qm`` by ``pyside6-lrelease``.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TDIR = ROOT / "resources" / "translations"
TS = TDIR / "gradlab_zh_CN.ts"
QM = TDIR / "gradlab_zh_CN.qm"
DICT = TDIR / "zh_CN.json"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it ships with PySide6-Essentials)")
    return found


def sources() -> list[str]:
    files = [ROOT / "main.py"] + sorted((ROOT / "gui").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate(ts_path: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts_path)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts_path: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts_path)
    out = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((cname, msg.findtext("source") or "", msg))
    return out


def load_dict() -> dict[str, dict[str, str]]:
    if DICT.exists():
        return json.loads(DICT.read_text(encoding="utf-8"))
    return {}


def lookup(d: dict[str, dict[str, str]], ctx: str, src: str) -> str | None:
    if src in d.get(ctx, {}):
        return d[ctx][src]
    return d.get("*", {}).get(src)


def carried_over(d: dict[str, dict[str, str]], src: str) -> str | None:
    """The translation of ``src`` in other contexts, when they all agree: code moved
    from one class to another keeps its translations."""
    found = {texts[src] for ctx, texts in d.items() if ctx != "*" and src in texts}
    return found.pop() if len(found) == 1 else None


def untranslated(ts_path: Path | None = None) -> list[tuple[str, str]]:
    """(context, source) pairs in the current sources that have no translation."""
    d = load_dict()
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "check.ts"
        lupdate(ts)
        return [(c, s) for c, s, _m in messages(ts) if not lookup(d, c, s)]


def update() -> None:
    TDIR.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    d = load_dict()
    tree = ET.parse(TS)
    missing = []
    carried: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            text = lookup(d, cname, src)
            if not text:
                text = carried_over(d, src)
                if text:
                    d.setdefault(cname, {})[src] = text
                    carried.append((cname, src))
            if text:
                tr.text = text
                tr.attrib.pop("type", None)
            else:
                missing.append((cname, src))
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    if carried:
        DICT.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{len(carried)} translations carried over from another context into {DICT.name}")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True,
                   capture_output=True)
    print(f"{TS.name}: {len(messages(TS))} strings, {len(missing)} untranslated")
    for c, s in missing:
        print(f"  [{c}] {s!r}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "update"
    if cmd == "update":
        update()
    elif cmd == "add" and len(sys.argv) == 5:
        ctx, src, text = sys.argv[2:5]
        d = load_dict()
        d.setdefault(ctx, {})[src] = text
        DICT.write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"[{ctx}] {src!r} → {text!r}")
    elif cmd == "check":
        miss = untranslated()
        for c, s in miss:
            print(f"[{c}] {s!r}")
        print(f"{len(miss)} untranslated")
        sys.exit(1 if miss else 0)
    else:
        raise SystemExit(__doc__)
