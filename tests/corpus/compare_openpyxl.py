#!/usr/bin/env python3
"""Differential test: arsanalys's reader against openpyxl on workbooks nobody here wrote.

For every .xlsx/.xlsm under the corpus folder, runs `arsanalys inspect --json` and openpyxl
(data_only=True for cached values) and compares each cell's type and value. Files openpyxl
cannot open must be refused by arsanalys too, or read (arsanalys may be more lenient).
Known, explained differences are listed in KNOWN below; anything else fails the test.

Usage: compare_openpyxl.py ARSANALYS_BINARY CORPUS_DIR [--verbose]
"""
import datetime
import json
import math
import re
import os
import subprocess
import sys
import warnings

warnings.simplefilter("ignore")
try:
    import openpyxl  # noqa: E402
except ImportError:  # CTest counts exit 77 as skipped
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

# file name -> reason. Differences in these files are reported but do not fail.
KNOWN = {
    "52575_main.xlsx": "LibreOffice bug: t=\"inlineStr\" with the text in <v>; we read it, "
                       "openpyxl drops it",
    "sample-beta.xlsx": "Excel 2007 beta names shared strings <sstItem>; openpyxl knows only <si>",
    "poc-shared-strings.xlsx": "r=\"0\" is outside the grid: we refuse, openpyxl reads on",
    "duplicate-filename-case-insensitive.xlsx": "two zip entries whose names differ in case "
                                                "only (OPC part names are case-insensitive): "
                                                "we refuse",
    "duplicate-filename.xlsx": "two zip entries named xl/worksheets/sheet1.xml: we refuse the "
                               "ambiguity, openpyxl takes one of them",
}

ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_escapes(text):
    """ECMA-376 22.4.2.4 `_xHHHH_` escapes, which we decode and openpyxl 3.0 keeps."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def openpyxl_cells(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        cells = {}
        # The cells openpyxl holds, not iter_rows(): a sheet whose dimension claims
        # A1:XFD1048576 would make openpyxl create every empty cell of the grid.
        for c in ws._cells.values():
            if True:
                v = c.value
                if v is None:
                    continue
                if isinstance(v, str) and v == "" and c.data_type != "e":
                    continue
                cells[c.coordinate] = (c.data_type, v)
        out[ws.title] = cells
    return out


def norm_ours(cell):
    return cell["type"], cell["value"], "formula" in cell


def same(ours, theirs):
    t, v, _ = ours
    dt, tv = theirs
    if isinstance(tv, bool):
        return t == "bool" and v == tv
    if isinstance(tv, (int, float)):
        if t == "date" and ours[2]:
            return True  # openpyxl leaves a formula's cached value a number even in date style
        if t != "number":
            return False
        return math.isclose(float(v), float(tv), rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(tv, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        if t == "number" and v < 0:
            return True  # a negative serial: Excel shows ####, we keep the number
        return t == "date"
    if dt == "e":
        return t == "error" and v == tv
    if isinstance(tv, str):
        return t in ("string", "error") and (v == tv or v == decode_escapes(tv))
    return False


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):  # vendored in tests/corpus: missing is a broken checkout
        print(f"fel: ingen korpus i {corpus}")
        return 1
    verbose = "--verbose" in sys.argv
    failures = 0
    checked = 0
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith((".xlsx", ".xlsm")):
                continue
            path = os.path.join(root, name)
            proc = subprocess.run([binary, "inspect", "--json", path], capture_output=True,
                                  timeout=60)
            if proc.returncode not in (0, 2) or b"AddressSanitizer" in proc.stderr:
                print(f"FAIL {name}: exit {proc.returncode}: {proc.stderr[:300]!r}")
                failures += 1
                continue
            try:
                theirs = openpyxl_cells(path)
            except Exception as e:  # openpyxl refuses: we may refuse or read
                if verbose:
                    print(f"skip {name}: openpyxl: {type(e).__name__}")
                continue
            checked += 1
            if proc.returncode == 2:
                msg = proc.stderr.decode("utf-8", "replace").strip()
                line = f"{name}: we refuse a file openpyxl reads: {msg[:200]}"
                if name in KNOWN:
                    print(f"known {line}")
                else:
                    print(f"FAIL {line}")
                    failures += 1
                continue
            ours = json.loads(proc.stdout)
            diffs = []
            our_sheets = {s["name"]: {c["ref"]: norm_ours(c) for c in s["cells"]}
                          for s in ours["sheets"]}
            for title, cells in theirs.items():
                mine = our_sheets.get(title)
                if mine is None:
                    diffs.append(f"sheet {title!r} missing")
                    continue
                for ref, tv in cells.items():
                    if ref not in mine:
                        diffs.append(f"{title}!{ref}: missing, openpyxl {tv!r}")
                    elif not same(mine[ref], tv):
                        diffs.append(f"{title}!{ref}: ours {mine[ref]!r}, openpyxl {tv!r}")
                for ref, v in mine.items():
                    # A formula whose cached value is "" is a cell for us; openpyxl's data_only
                    # view cannot tell it from an empty one.
                    if ref not in cells and not (v[0] == "string" and v[1] == "" and v[2]):
                        diffs.append(f"{title}!{ref}: extra {v!r}")
            if diffs:
                tag = "known" if name in KNOWN else "FAIL"
                if tag == "FAIL":
                    failures += 1
                print(f"{tag} {name}: {len(diffs)} differences; first: {diffs[:3]}")
    print(f"{checked - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
