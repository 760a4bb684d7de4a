#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Checks that the baseline allocates as `arsanalys run` does (docs/performance.md, "Hela
körningen"): compares two resultat.json files.

    /usr/bin/python3 bench/compare_results.py OURS/resultat.json PEER/resultat.json [PEER_NAME]

Compares, to the krona: the amount allocated per supplier, every customer's total, and every
allocation line's customers_kr (lines matched by supplier, table and service). Prints what
it compared; exits 1 on any difference.
"""

import collections
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    per_supplier = collections.Counter()
    lines = {}
    for a in d["allocations"]:
        per_supplier[a["supplier"]] += a["amount_kr"]
        lines[a["supplier"], a["table"], a["service"]] = (a["amount_kr"], a["customers_kr"])
    customers = {c["id"]: c["total_kr"] for c in d["customers"]}
    return per_supplier, customers, lines


def main():
    ours, base = load(sys.argv[1]), load(sys.argv[2])
    peer = sys.argv[3] if len(sys.argv) > 3 else "baseline"
    problems = []
    for s in sorted(set(ours[0]) | set(base[0])):
        a, b = ours[0].get(s), base[0].get(s)
        print(f"{s}: {a:,} kr (arsanalys) / {b:,} kr ({peer})")
        if a != b:
            problems.append(f"leverantör {s}: {a} != {b}")
    differ = [c for c in set(ours[1]) | set(base[1]) if ours[1].get(c) != base[1].get(c)]
    print(f"kunder: {len(ours[1])} / {len(base[1])}, totaler som skiljer: {len(differ)}")
    for c in sorted(ours[1])[:3]:
        print(f"  {c}: {ours[1][c]:,} kr / {base[1].get(c, 0):,} kr")
    problems += [f"kund {c}: {ours[1].get(c)} != {base[1].get(c)}" for c in sorted(differ)[:10]]
    same = sum(1 for k, v in ours[2].items() if base[2].get(k) == v)
    print(f"fördelade rader: {len(ours[2])} / {len(base[2])}, lika på kronan: {same}")
    if same != len(ours[2]) or len(ours[2]) != len(base[2]):
        missing = [k for k in ours[2] if base[2].get(k) != ours[2][k]][:5]
        problems.append(f"rader som skiljer, t.ex. {missing}")
    for p in problems:
        print("fel:", p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
