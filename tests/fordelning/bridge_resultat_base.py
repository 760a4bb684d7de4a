#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The bridge on the base "resultat", end to end on the sample round: last year's charges read
from a resultat.json, as a controller gives them in omgang.toml's [foregaende].

    /usr/bin/python3 tests/fordelning/bridge_resultat_base.py ARSANALYS SAMPLES WORK_DIR

Runs the sample round once and takes its resultat.json as what was charged "last year" (its
year set to 2023, one customer charged 1 000 kr more on one line). Then runs the round again
with `resultat` naming that file, and checks, per customer: the base is "resultat"; last year's
figure is what the file charged it; this year's is its total; the parts add up. Then renames a
service in the charges ("Office 365" -> "Microsoft Office 365") and gives this year's catalogue
row that name as an alias: every customer's bridge must be the same as without the rename (the
service matched, not ended and new). Exit 0 when all holds.
"""

import json
import os
import shutil
import subprocess
import sys

from openpyxl import load_workbook

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "samples", "2024"))
import make_samples  # noqa: E402  (byte-stable saving)

ENV = dict(os.environ, ARSANALYS_CHROMIUM="")
RENAMED = ("Nämnden för Intraservice", "forvaltning", "Office 365", "Microsoft Office 365")


def run(exe, round_dir, out):
    p = subprocess.run([exe, "run", round_dir, "-o", out], env=ENV, capture_output=True,
                       text=True, timeout=300)
    if p.returncode not in (0, 1):
        sys.exit(f"arsanalys run {round_dir} slutade med {p.returncode}: {p.stderr}")
    with open(os.path.join(out, "resultat.json"), encoding="utf-8") as f:
        return json.load(f)


def bridges(result):
    return {c["id"]: c["bridge"] for c in result["customers"]}


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    exe, samples, work = (os.path.abspath(a) for a in sys.argv[1:])
    shutil.rmtree(work, ignore_errors=True)
    this_dir, last_dir = os.path.join(work, "2024"), os.path.join(work, "2023")
    shutil.copytree(os.path.join(samples, "2024"), this_dir)
    shutil.copytree(os.path.join(samples, "2023"), last_dir)
    first = run(exe, this_dir, os.path.join(work, "forsta"))

    # "Last year's" charges: the first run's, as 2023, one customer 1 000 kr more on one line.
    charged = dict(first, year=2023)
    line = charged["allocations"][0]
    lucky = sorted(line["customers_kr"])[0]
    line["customers_kr"][lucky] += 1000
    line["amount_kr"] += 1000
    os.makedirs(os.path.join(last_dir, "ut"))
    charged_path = os.path.join(last_dir, "ut", "resultat.json")
    with open(charged_path, "w", encoding="utf-8") as f:
        json.dump(charged, f, ensure_ascii=False)
    with open(os.path.join(this_dir, "omgang.toml"), "a", encoding="utf-8") as f:
        f.write('resultat = "../2023/ut/resultat.json"\n')  # [foregaende] is the last table
    second = run(exe, this_dir, os.path.join(work, "andra"))

    bad = []
    last = {}
    for a in charged["allocations"]:
        for cid, kr in a["customers_kr"].items():
            last[cid] = last.get(cid, 0) + kr
    seen = set()
    for c in second["customers"]:
        b = c["bridge"]
        seen.add(c["id"])
        if b["base"] != "resultat":
            bad.append(f"{c['id']}: base {b['base']}")
        if b["last_year_kr"] != last.get(c["id"], 0):
            bad.append(f"{c['id']}: last_year_kr {b['last_year_kr']}, charged {last.get(c['id'], 0)}")
        if b["this_year_kr"] != c["total_kr"]:
            bad.append(f"{c['id']}: this_year_kr {b['this_year_kr']}, total_kr {c['total_kr']}")
        if sum(b["parts_kr"].values()) != b["this_year_kr"] - b["last_year_kr"]:
            bad.append(f"{c['id']}: the parts do not add up")
    for cid in sorted(set(last) - seen):
        bad.append(f"{cid}: charged last year, missing from resultat.json")
    if sum(c["bridge"]["last_year_kr"] for c in second["customers"]) != \
            sum(a["amount_kr"] for a in charged["allocations"]):
        bad.append("last year's figures do not add up to the charged amounts")
    if bridges(second)[lucky]["parts_kr"]["kostnad"] > \
            bridges(first)[lucky]["parts_kr"]["kostnad"]:
        bad.append(f"{lucky}: charged 1 000 kr more last year, yet kostnad did not fall")

    # A service renamed since: matched through this year's catalogue alias.
    supplier, table, old, new = RENAMED
    renamed = [a for a in charged["allocations"]
               if (a["supplier"], a["table"], a["service"]) == (supplier, table, old)]
    if len(renamed) != 1:
        sys.exit(f"the sample has no single line {RENAMED[:3]}")
    renamed[0]["service"] = new
    with open(charged_path, "w", encoding="utf-8") as f:
        json.dump(charged, f, ensure_ascii=False)
    unmatched = run(exe, this_dir, os.path.join(work, "utan-alias"))
    if bridges(unmatched) == bridges(second):
        bad.append("renaming a charged service changed no bridge: the test shows nothing")
    wb = load_workbook(os.path.join(this_dir, "kunder.xlsx"))
    tj = wb["Tjänster"]
    heads = [c.value for c in tj[1]]
    for row in tj.iter_rows(min_row=2):
        if row[0].value == supplier and row[1].value == old:
            row[heads.index("Alias")].value = new
    make_samples.save(wb, os.path.join(this_dir, "kunder.xlsx"))
    aliased = run(exe, this_dir, os.path.join(work, "med-alias"))
    if bridges(aliased) != bridges(second):
        differing = [k for k in bridges(second) if bridges(aliased).get(k) != bridges(second)[k]]
        bad.append(f"with the alias the bridges differ from the unrenamed run: {differing[:5]}")

    for b in bad:
        print(b)
    print(f"{len(second['customers'])} kunder kontrollerade mot förra årets resultat.json; "
          f"{len(bad)} fel")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
