#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Every customer statement of the sample round reconciles with its bridge (issue 15).

    /usr/bin/python3 tests/output/bridge_statements.py ARSANALYS ROUND_DIR WORK_DIR

Runs `arsanalys run ROUND_DIR` (a round with [foregaende]) and reads, with openpyxl, each
kunder/<Kund-id>.xlsx against resultat.json's customers[].bridge:
- the sheet Kundbesked: "Att betala" is this year, the line above "Förändring" last year, and
  "Förändring" the difference (the cached values of the formulas);
- the sheet "Varför ändras beloppet": last year, this year, the seven parts in the contract's
  order and their sum; per service, the columns add up to the same totals and every row's parts
  add up to its change;
- every sentence is a whole Swedish sentence with an amount in kronor.
Exit 0 when all agree.
"""

import json
import os
import re
import shutil
import subprocess
import sys

from openpyxl import load_workbook

PARTS = ["index", "kostnad", "nyckel", "egen_volym", "andras_volym", "ny_eller_upphord", "katalog"]


def main():
    arsanalys, round_dir, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    env = dict(os.environ, ARSANALYS_CHROMIUM="")
    p = subprocess.run([arsanalys, "run", round_dir, "-o", work], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit(f"arsanalys run failed ({p.returncode}): {p.stderr.decode()}")
    with open(os.path.join(work, "resultat.json"), encoding="utf-8") as f:
        result = json.load(f)
    bad = []
    checked = sentences = 0
    for c in result["customers"]:
        b = c.get("bridge")
        if b is None:
            bad.append(f"{c['id']}: no bridge")
            continue
        wb = load_workbook(os.path.join(work, "kunder", c["id"] + ".xlsx"), data_only=True)
        ws = wb["Kundbesked"]
        labels = {}
        for row in ws.iter_rows(min_row=1, max_row=12, max_col=2, values_only=True):
            if isinstance(row[0], str):
                labels[row[0]] = row[1]
        pay = next(v for k, v in labels.items() if k.startswith("Att betala"))
        last = next(v for k, v in labels.items() if k.startswith(("Förra året", "Debiterat")))
        change = labels.get("Förändring")
        if (pay, last, change) != (b["this_year_kr"], b["last_year_kr"],
                                   b["this_year_kr"] - b["last_year_kr"]):
            bad.append(f"{c['id']}: Kundbesked says {pay}, {last}, {change}; bridge {b}")
        ws = wb["Varför ändras beloppet"]
        rows = list(ws.iter_rows(values_only=True))
        first = {r[0]: r[1] for r in rows if isinstance(r[0], str) and r[1] is not None}
        top = [first.get(f"Förra året ({result['year'] - 1})"),
               first.get(f"I år ({result['year']})"), first.get("Förändring")]
        if top != [b["last_year_kr"], b["this_year_kr"], b["this_year_kr"] - b["last_year_kr"]]:
            bad.append(f"{c['id']}: the sheet's totals {top}")
        at = next(i for i, r in enumerate(rows) if r[0] == "Orsak")
        parts = [rows[at + 1 + i][1] for i in range(7)]
        if parts != [b["parts_kr"][p] for p in PARTS] or rows[at + 8][1] != sum(parts):
            bad.append(f"{c['id']}: the sheet's parts {parts}, resultat.json {b['parts_kr']}")
        head = next(i for i, r in enumerate(rows) if r[0] == "Leverantör")
        sums = [0] * 10
        for r in rows[head + 1:]:
            if not isinstance(r[2], (int, float)):
                break
            for i in range(10):
                sums[i] += r[2 + i]
            if sum(r[5:12]) != r[4] or r[3] - r[2] != r[4]:
                bad.append(f"{c['id']}: the row of {r[1]} does not add up")
            for s in str(r[12]).split("\n"):
                sentences += 1
                if s != "Oförändrat." and not re.fullmatch(r"[A-ZÅÄÖ].*\d kr\.", s):
                    bad.append(f"{c['id']}: sentence '{s}'")
                if "  " in s or "None" in s or " ;" in s:
                    bad.append(f"{c['id']}: sentence '{s}'")
        if sums[0] != b["last_year_kr"] or sums[1] != b["this_year_kr"] or \
                sums[3:10] != [b["parts_kr"][p] for p in PARTS]:
            bad.append(f"{c['id']}: the service rows add up to {sums}")
        checked += 1
    for line in bad[:40]:
        print(line)
    print(f"{checked} statements checked, {sentences} sentences read, {len(bad)} problems")
    sys.exit(1 if bad or checked == 0 else 0)


if __name__ == "__main__":
    main()
