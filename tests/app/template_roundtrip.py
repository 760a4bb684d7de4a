#!/usr/bin/env python3
"""Round trip: `arsanalys template` -> filled in by another program (openpyxl) -> `validate`.

A supplier fills in the blank template as the instructions say; it must validate clean. Then a
total is made wrong and a required form field emptied: validate must find exactly those.
Usage: template_roundtrip.py ARSANALYS_BINARY WORK_DIR   (exit 77 = skipped: no openpyxl)
"""
import json
import os
import subprocess
import sys
import warnings

warnings.simplefilter("ignore")
try:
    import openpyxl
except ImportError:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
blank = os.path.join(work, "mall-2025.xlsx")
subprocess.run([binary, "template", "--year", "2025", "-o", blank], check=True)


def find(ws, text, start_row=1):
    for row in ws.iter_rows(min_row=start_row):
        for c in row:
            if isinstance(c.value, str) and c.value.strip().startswith(text):
                return c
    raise SystemExit(f"'{text}' saknas på bladet {ws.title}")


def fill(path, wrong_total=False, drop_effect_goal=False):
    wb = openpyxl.load_workbook(blank)
    find(wb["Instruktioner"], "Leverantör").offset(0, 1).value = "Nämnden för provning"
    ws = wb["3.1 Kostnader"]
    # 3.1a: index 3 % exactly: 1000 -> 1030, 2000 -> 2060.
    head = find(ws, "Tjänst")
    rows = [("E-arkiv", 900, 1000, 1030), ("Lönesystem", 1900, 2000, 2060)]
    for i, (name, *amounts) in enumerate(rows, start=1):
        ws.cell(head.row + i, 1, name)
        for k, v in enumerate(amounts):
            ws.cell(head.row + i, 2 + k, v)
    total = find(ws, "Totalkostnad", head.row)
    for k in range(3):  # the sums, as Excel would have cached them
        ws.cell(total.row, 2 + k, sum(r[1 + k] for r in rows) + (40 if wrong_total and k == 1 else 0))
    # 3.1b: one service, effects as levels.
    head_b = find(ws, "Tjänst", total.row + 1)
    ws.cell(head_b.row + 1, 1, "E-arkiv")
    for k, v in enumerate([100, 200, 200, 0, 50, 50]):
        ws.cell(head_b.row + 1, 2 + k, v)
    total_b = find(ws, "Totalkostnad", head_b.row)
    for k, v in enumerate([100, 200, 200, 0, 50, 50]):
        ws.cell(total_b.row, 2 + k, v)
    # 3.1c: one initiative.
    head_c = find(ws, "Förändringsinsats", total_b.row + 1)
    ws.cell(head_c.row + 1, 1, "Ny e-tjänst")
    for k, v in enumerate([300, 100, 0, 0, 20, 20]):
        ws.cell(head_c.row + 1, 2 + k, v)
    total_c = find(ws, "Totalkostnad", head_c.row)
    for k, v in enumerate([300, 100, 0, 0, 20, 20]):
        ws.cell(total_c.row, 2 + k, v)
    # 3.2
    keys = wb["3.2 Fördelningsnycklar"]
    head_k = find(keys, "Tjänst")
    keys.cell(head_k.row + 1, 1, "E-arkiv")
    keys.cell(head_k.row + 1, 2, "Antal anställda")
    # 2.2: the first form answered in full.
    form = wb["2.2 Förslag"]
    answers = {"Namn på": "Ny e-tjänst", "Behovsbeskrivning": "Invånarna efterfrågar den.",
               "Effektmål": "" if drop_effect_goal else "Halverad handläggningstid.",
               "Är informationsklassning": "JA", "Tröskel- och konsekvensanalys": "JA",
               "Total projektbudget": 400}
    for label, value in answers.items():
        find(form, label).offset(0, 1).value = value if value != "" else None
    wb.save(path)


def validate(path):
    proc = subprocess.run([binary, "validate", "--json", path], capture_output=True)
    return proc.returncode, json.loads(proc.stdout)


clean = os.path.join(work, "ifylld.xlsx")
fill(clean)
code, result = validate(clean)
failures = []
if code != 0 or result["findings"]:
    failures.append(f"ifylld mall: exit {code}, fynd {result['findings']}")
supplier = result["suppliers"][0] if result["suppliers"] else {}
if supplier.get("name") != "Nämnden för provning" or supplier.get("year") != 2025:
    failures.append(f"leverantör/år: {supplier.get('name')!r} {supplier.get('year')!r}")
if supplier.get("totals_kr", {}).get("forvaltning", {}).get("2025") != 3_090_000:
    failures.append(f"3.1a 2025: {supplier.get('totals_kr')}")

broken = os.path.join(work, "felaktig.xlsx")
fill(broken, wrong_total=True, drop_effect_goal=True)
code, result = validate(broken)
codes = sorted((f["code"], f["cell"]) for f in result["findings"])
if code != 1 or [c for c, _ in codes] != ["PROPOSAL_INCOMPLETE", "SUM_MISMATCH"]:
    failures.append(f"felaktig mall: exit {code}, fynd {codes}")

for f in failures:
    print("FEL:", f)
print("ok" if not failures else f"{len(failures)} fel")
sys.exit(1 if failures else 0)
