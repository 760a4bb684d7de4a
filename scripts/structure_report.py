#!/usr/bin/python3
"""The structure of src/ at one or more git revisions, as a Markdown table (docs/structure.md).

Counts what issue 17 asked to put in order: lines per folder, the stages' includes that go
against the stage order or into the recogniser, JSON in public headers, and the concerns that
were done more than once (look layers, sheet-name classes, percent texts, exact number types,
Int128 typedefs, finding-code tables, ways of writing JSON). With the workplace's `duplicates`
on PATH it also counts the pairs of repeated code.

Usage: scripts/structure_report.py REV [REV...]   (e.g. 279233b HEAD)
"""
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The stages in dependency order: a stage may include the ones before it.
STAGES = ["core", "xlsx", "writer", "analys", "checks", "fordelning", "sammanstallning", "inputs",
          "output", "serve", "app"]


def tree(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def count(rev: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = tree(rev, Path(tmp))
        files = [p for p in src.rglob("*") if p.suffix in (".cc", ".h", ".cpp")]
        text = {p: p.read_text(errors="replace") for p in files}
        folders = {}
        for p, t in text.items():
            rel = p.relative_to(src)
            folder = rel.parts[0] if len(rel.parts) > 1 else "."
            n, lines = folders.get(folder, (0, 0))
            folders[folder] = (n + 1, lines + t.count("\n"))
        against, recogniser = 0, 0
        for p, t in text.items():
            rel = p.relative_to(src)
            stage = rel.parts[0] if len(rel.parts) > 1 else None
            for inc in re.findall(r'#include "([a-z_]+)/([a-z_0-9.]+)"', t):
                if stage in STAGES and inc[0] in STAGES and STAGES.index(inc[0]) > STAGES.index(stage):
                    against += 1
                if inc == ("analys", "recognise.h") and stage != "analys":
                    recogniser += 1
        public_json = sum(1 for p, t in text.items() if p.suffix == ".h" and "nlohmann/json.hpp" in t)
        all_text = "\n".join(text.values())
        result = {
            "files": len(files),
            "lines": sum(t.count("\n") for t in text.values()),
            "folders": folders,
            "includes against the stage order": against,
            "stages including the recogniser (analys/recognise.h)": recogniser,
            "public headers with nlohmann/json": public_json,
            "look structs (struct Look / Styles)": len(re.findall(r"^\s*struct (?:Look|Styles) \{", all_text, re.M)),
            "SheetNames classes": len(re.findall(r"^\s*class SheetNames \{", all_text, re.M)),
            "percent_text definitions": len(re.findall(r"^std::string percent_text\([^;]*\) \{", all_text, re.M)),
            "exact number types (Rational, Fraction, Decimal)": len(re.findall(r"^\s*struct (?:Rational|Fraction|Decimal) \{", all_text, re.M)),
            "Int128 typedefs": len(re.findall(r"typedef __int128 Int128", all_text)),
            "index uplift in double": len(re.findall(r"llround\([^;]*index", all_text)),
            "finding-code tables": len(re.findall(r"constexpr std::array kCodes", all_text)),
            # nlohmann's dump(), core/json_text's escaping, markers spliced into dump()'s text,
            # core/json_writer's JsonWriter: how many of the four write JSON.
            "ways of writing JSON": sum([
                bool(re.search(r"\.dump\(", all_text)),
                any(p.name == "json_text.h" for p in files),
                bool(re.search(r'"\\x01', all_text)),
                bool(re.search(r"^class JsonWriter \{", all_text, re.M))]),
            "colours defined as hex outside the style module": sum(
                len(re.findall(r"constexpr lxw_color_t \w+ = 0x[0-9A-Fa-f]{6}", t))
                for p, t in text.items() if p.name != "style.h"),
            "draft title texts (\"Utkast: \" / \"UTKAST – \")": len(re.findall(r'"(?:Utkast: |UTKAST – )"', all_text)),
        }
        if shutil.which("duplicates"):
            out = subprocess.run(["duplicates", "--repo", str(src), "--most", "1", "--seconds", "60"],
                                 capture_output=True, text=True).stdout
            m = re.match(r"(\d+) pairs of places \((\d+) files read\).*?\((\d+) by shape alone", out)
            if m:
                result["repeated blocks (pairs; same to the letter)"] = f"{m.group(1)} ({int(m.group(1)) - int(m.group(3))})"
        return result


def main() -> None:
    revs = sys.argv[1:] or ["HEAD"]
    counts = [count(r) for r in revs]
    names = [subprocess.run(["git", "rev-parse", "--short", r], capture_output=True, text=True,
                            check=True).stdout.strip() for r in revs]
    print("| | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(revs))
    for key in counts[0]:
        if key == "folders":
            continue
        print(f"| {key} | " + " | ".join(str(c.get(key, "")) for c in counts) + " |")
    folders = sorted(set().union(*(c["folders"] for c in counts)))
    for f in folders:
        cells = []
        for c in counts:
            n, lines = c["folders"].get(f, (0, 0))
            cells.append(f"{n} files, {lines} lines" if n else "–")
        print(f"| src/{f}/ | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
