"""简体中文 strings: list the ones that lack a translation, or add translations from a TSV file.

    python tools/translate.py missing            # context<TAB>source, one per untranslated string
    python tools/translate.py add zh.tsv          # context<TAB>source<TAB>translation per line

`add` runs lupdate over core/ and gui/ (as `make translations`), fills in the translations given
(\\n in a field stands for a line break), and compiles the .qm. Run it under `flock /tmp/gl-ts.lock`
when several people edit at once.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "greenledger_zh_CN.ts"
BIN = Path(sys.executable).parent


def lupdate() -> None:
    sources = sorted(str(p) for d in ("core", "gui") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete"], check=True,
                   capture_output=True)


def lrelease() -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True,
                   capture_output=True)


def _unescape(s: str) -> str:
    return s.replace("\\n", "\n").replace("\\t", "\t")


def missing() -> list[tuple[str, str]]:
    lupdate()
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not tr.text:
                out.append((name, msg.findtext("source") or ""))
    return out


def add(tsv: Path) -> int:
    wanted = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ctx, source, text = line.split("\t")[:3]
        wanted[(ctx, _unescape(source))] = _unescape(text)
    lupdate()
    tree = ET.parse(TS)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            key = (name, msg.findtext("source") or "")
            if key in wanted:
                tr = msg.find("translation")
                if tr is None:
                    tr = ET.SubElement(msg, "translation")
                tr.text = wanted.pop(key)
                tr.attrib.pop("type", None)
                done += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    lupdate()  # lupdate's own formatting again
    lrelease()
    for ctx, source in wanted:
        print(f"not in the sources: {ctx}\t{source}", file=sys.stderr)
    print(f"{done} translations set; {len(missing())} strings still lack one")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["missing"]:
        for ctx, source in missing():
            print(f"{ctx}\t{source.replace(chr(10), chr(92) + 'n')}")
        return 0
    if argv[:1] == ["add"] and len(argv) == 2:
        return add(Path(argv[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
