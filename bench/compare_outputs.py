#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Checks that the tuned Python peer writes the same outputs as the baseline
(docs/performance.md, "Hela körningen"): two output folders, cell for cell.

    /usr/bin/python3 bench/compare_outputs.py BASELINE_OUT TUNED_OUT [--every N]

Compares sammanstallning.xlsx, fordelning.xlsx and the statements kunder/*.xlsx (all of them,
or with --every N the first, the last and every Nth: openpyxl reads about 100,000 cells a
second): the same sheets in the same order, and in each the same non-empty cells with the same
value and the same boldness (an empty string and an absent cell are alike). resultat.json must
hold the same document (parsed; indentation aside). Prints what it compared; exits 1 on any
difference.
"""

import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
from openpyxl import load_workbook  # noqa: E402


def cells(path):
    """[(sheet name, {(row, column): (value, bold)})] of a workbook."""
    wb = load_workbook(path, read_only=True)
    out = []
    for ws in wb.worksheets:
        found = {}
        for row in ws.iter_rows():
            for c in row:
                v = getattr(c, "value", None)
                if v is None or v == "":
                    continue
                found[c.row, c.column] = (v, bool(c.font.b))
        out.append((ws.title, found))
    wb.close()
    return out


def compare_book(a, b, name, problems):
    ca, cb = cells(a), cells(b)
    if [t for t, _ in ca] != [t for t, _ in cb]:
        problems.append(f"{name}: blad {[t for t, _ in ca]} != {[t for t, _ in cb]}")
        return 0
    n = 0
    for (title, x), (_, y) in zip(ca, cb):
        n += len(x)
        if x != y:
            diff = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
            first = [(k, x.get(k), y.get(k)) for k in diff[:3]]
            problems.append(f"{name} blad {title!r}: {len(diff)} celler skiljer, t.ex. {first}")
    return n


def main():
    base, tuned = sys.argv[1], sys.argv[2]
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    problems = []
    with open(os.path.join(base, "resultat.json"), encoding="utf-8") as f:
        a = json.load(f)
    with open(os.path.join(tuned, "resultat.json"), encoding="utf-8") as f:
        b = json.load(f)
    if a != b:
        differ = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
        problems.append(f"resultat.json skiljer i {sorted(differ)}")
    print(f"resultat.json: {len(a.get('allocations', []))} fördelade rader, "
          f"{'lika' if a == b else 'OLIKA'}")
    for name in ("sammanstallning.xlsx", "fordelning.xlsx"):
        n = compare_book(os.path.join(base, name), os.path.join(tuned, name), name, problems)
        print(f"{name}: {n:,} celler jämförda")
    ours = sorted(os.listdir(os.path.join(base, "kunder")))
    theirs = sorted(os.listdir(os.path.join(tuned, "kunder")))
    if ours != theirs:
        problems.append(f"kunder/: {len(ours)} filer mot {len(theirs)}")
    picked = [f for i, f in enumerate(ours) if i % every == 0 or i == len(ours) - 1]
    n = 0
    for f in picked:
        if f in theirs:
            n += compare_book(os.path.join(base, "kunder", f), os.path.join(tuned, "kunder", f),
                              "kunder/" + f, problems)
    print(f"kunder/: {len(picked)} av {len(ours)} kundbesked, {n:,} celler jämförda")
    for p in problems[:20]:
        print("fel:", p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
