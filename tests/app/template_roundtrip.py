#!/usr/bin/env python3
"""Round trip: `arsanalys template` -> filled in by other programs -> `validate`.

openpyxl fills in the blank template as a supplier would, the analysis fields with prose
included; LibreOffice then opens and saves each workbook, computing the SUM formulas as Excel
does when a supplier saves (openpyxl writes formulas without values). The filled-in template
must validate clean. Then the mistakes suppliers really make (issue 14) are planted one at a
time; each must be found at its cell, by its own finding, and nothing else may change:

  typed_total    a total typed over its formula (rows in hundreds to 22 700, typed 22 800)
  text_amount    an amount typed as text, "1 200 tkr" (LibreOffice's SUM skips it, as Excel's)
  no_outcome     the column Utfall 2023 deleted from 3.1a
  no_budget      the column Budget 2024 deleted from 3.1b
  no_goal        a proposal's Effektmål left empty

Besides: untouched forms are no proposals, the prose under 3.2 is no service row, the review
copy (validate -o) shows the amounts in tkr as typed.

Usage: template_roundtrip.py ARSANALYS_BINARY WORK_DIR
Exit 77 = skipped: openpyxl or LibreOffice is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import warnings

warnings.simplefilter("ignore")
try:
    import openpyxl
except ImportError:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    print("LibreOffice saknas (Debian: libreoffice-calc-nogui); hoppar över")
    sys.exit(77)

binary, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
blank = os.path.join(work, "mall-2025.xlsx")
subprocess.run([binary, "template", "--year", "2025", "-o", blank], check=True,
               stdout=subprocess.DEVNULL)

PROSE = ("Förvaltningskostnaden ökar med index. Utvecklingskostnaden för tjänsterna minskar när "
         "projektet är klart, och fördelningsnycklarna behöver ses över inför nästa år.")


def find(ws, text, start_row=1):
    for row in ws.iter_rows(min_row=start_row):
        for c in row:
            if isinstance(c.value, str) and c.value.strip().startswith(text):
                return c
    raise SystemExit(f"'{text}' saknas på bladet {ws.title}")


def analysis(ws, text=PROSE):
    """The text in the input cell under each "Leverantörens analys" of the sheet."""
    for row in ws.iter_rows():
        for c in row:
            if c.value == "Leverantörens analys":
                ws.cell(c.row + 1, 1, text)


def delete_column(ws, col, total_row):
    """Deletes a column as Excel does: cells to the right move left, and the merged ranges and
    formulas with them (openpyxl moves only the cells)."""
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    for r in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(r))
    ws.delete_cols(col)
    for r1, c1, r2, c2 in merged:
        if c1 > col:
            c1 -= 1
        if c2 >= col:
            c2 -= 1
        if c2 > c1:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for c in ws[total_row]:
        if c.column >= col and isinstance(c.value, str) and c.value.startswith("=SUM("):
            letter = openpyxl.utils.get_column_letter(c.column)
            first, last = c.value[5:-1].split(":")
            c.value = f"=SUM({letter}{first.lstrip('ABCDEFGH')}:{letter}{last.lstrip('ABCDEFGH')})"


def fill(path, plant=None):
    wb = openpyxl.load_workbook(blank)
    find(wb["Instruktioner"], "Leverantör").offset(0, 1).value = "Nämnden för provning"
    # Section 1 and the analysis fields.
    one = wb["1 Befintliga tjänster"]
    head = find(one, "Namn på bastjänst")
    one.cell(head.row + 1, 1, "E-arkiv")
    one.cell(head.row + 1, 2, "Ny sökfunktion")
    one.cell(head.row + 1, 3, "Kortare handläggningstid")
    find(one, "Pågående förändringsinsats 1")
    find(one, "Namn på förändringsinsats").offset(0, 1).value = "Införande av e-arkiv"
    for name in wb.sheetnames[1:]:
        analysis(wb[name])

    # 3.1a: index 3 %; in hundreds, so that a typed total has no rounding to hide behind.
    ws = wb["3.1a Förvaltning"]
    head = find(ws, "Tjänst")
    rows = [("E-arkiv", 9000, 10000, 10300), ("Lönesystem", 12000, 12700, 13100)]
    for i, (name, *amounts) in enumerate(rows, start=1):
        ws.cell(head.row + i, 1, name)
        for k, v in enumerate(amounts):
            ws.cell(head.row + i, 2 + k, v)
    total = find(ws, "Totalkostnad", head.row)
    if plant == "typed_total":
        ws.cell(total.row, 3, 22800)  # over =SUM(C3:C17); the rows give 22 700
    if plant == "text_amount":
        ws.cell(head.row + 2, 3, "1 200 tkr")
    if plant == "no_outcome":
        delete_column(ws, 2, total.row)

    # 3.1b: one service, effects as levels.
    ws = wb["3.1b Utveckling"]
    head = find(ws, "Tjänst")
    ws.cell(head.row + 1, 1, "E-arkiv")
    for k, v in enumerate([100, 200, 200, 0, 50, 50]):
        ws.cell(head.row + 1, 2 + k, v)
    if plant == "no_budget":
        delete_column(ws, 3, find(ws, "Totalkostnad", head.row).row)
    # 3.1c: one initiative.
    ws = wb["3.1c Nya insatser"]
    head = find(ws, "Förändringsinsats")
    ws.cell(head.row + 1, 1, "Ny e-tjänst")
    for k, v in enumerate([300, 100, 0, 0, 20, 20]):
        ws.cell(head.row + 1, 2 + k, v)
    # 3.2, the prose under it in its analysis field.
    keys = wb["3.2 Fördelningsnycklar"]
    head = find(keys, "Tjänst")
    keys.cell(head.row + 1, 1, "E-arkiv")
    keys.cell(head.row + 1, 2, "Antal anställda")
    keys.cell(head.row + 2, 1, "Lönesystem")
    keys.cell(head.row + 2, 2, "Antal anställda")
    # 2.2: the first form answered in full, the other four left as they are.
    form = wb["2 Förslag"]
    answers = {"Namn på": "Ny e-tjänst", "Behovsbeskrivning": "Invånarna efterfrågar den.",
               "Effektmål": None if plant == "no_goal" else "Halverad handläggningstid.",
               "Är informationsklassning": "JA", "Tröskel- och konsekvensanalys": "JA",
               "Total projektbudget": 400}
    first = find(form, "Föreslagen förändringsinsats 1")
    for label, value in answers.items():
        find(form, label, first.row).offset(0, 1).value = value
    wb.save(path)


def recalculate(paths, out_dir):
    """Opens and saves the workbooks in LibreOffice, which computes their formulas."""
    profile = "file://" + os.path.join(work, "lo-profil")
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "xlsx", "--outdir", out_dir, *paths], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)


def validate(path, *extra):
    proc = subprocess.run([binary, "validate", "--json", path, *extra], capture_output=True)
    return proc.returncode, json.loads(proc.stdout)


PLANTS = {
    "typed_total": (1, [("FORMULA_REPLACED", "3.1a Förvaltning", "C18", "varning"),
                        ("SUM_MISMATCH", "3.1a Förvaltning", "C18", "fel")]),
    "text_amount": (1, [("NUMBER_AS_TEXT", "3.1a Förvaltning", "C4", "fel"),
                        ("SUM_MISMATCH", "3.1a Förvaltning", "C18", "fel")]),
    "no_outcome": (1, [("COLUMN_MISSING", "3.1a Förvaltning", "B2", "fel")]),
    "no_budget": (1, [("COLUMN_MISSING", "3.1b Utveckling", "C3", "fel")]),
    "no_goal": (0, [("PROPOSAL_INCOMPLETE", "2 Förslag", "B15", "varning")]),
}

filled = os.path.join(work, "ifyllda")
saved = os.path.join(work, "sparade")
os.makedirs(filled)
fill(os.path.join(filled, "ifylld.xlsx"))
for plant in PLANTS:
    fill(os.path.join(filled, f"{plant}.xlsx"), plant)
recalculate(sorted(os.path.join(filled, f) for f in os.listdir(filled)), saved)

failures = []

# The filled-in template: clean, named, its year read, its totals right.
clean = os.path.join(saved, "ifylld.xlsx")
review_dir = os.path.join(work, "ut")
code, result = validate(clean, "-o", review_dir)
if code != 0 or result["findings"]:
    failures.append(f"ifylld mall: exit {code}, fynd {result['findings']}")
supplier = result["suppliers"][0] if result["suppliers"] else {}
if supplier.get("name") != "Nämnden för provning" or supplier.get("year") != 2025:
    failures.append(f"leverantör/år: {supplier.get('name')!r} {supplier.get('year')!r}")
if supplier.get("totals_kr", {}).get("forvaltning", {}).get("2025") != 23_400_000:
    failures.append(f"3.1a 2025: {supplier.get('totals_kr')}")

# The review copy: the tables in tkr as typed; one proposal; 3.2 with its two services only.
review = openpyxl.load_workbook(os.path.join(review_dir, "granskning", "ifylld.xlsx"))
summary = {r[0].value: r[1].value for r in review["Sammanfattning"].iter_rows() if r[0].value}
if summary.get("Förslag enligt 2.2") not in ("1", 1):
    failures.append(f"förslag enligt 2.2: {summary.get('Förslag enligt 2.2')!r} (tomma formulär?)")
costs = review["3.1a Förvaltning"]
head = find(costs, "Rad")
headings = [c.value for c in costs[head.row]]
if "Budget 2024 (tkr)" not in headings:
    failures.append(f"granskningskopians rubriker: {headings}")
else:
    col = headings.index("Budget 2024 (tkr)") + 1
    if costs.cell(head.row + 1, col).value != 10000:
        failures.append(f"granskningskopian, E-arkiv budget: {costs.cell(head.row + 1, col).value!r}")
keys = review["3.2 Nycklar"]
services = [r[0].value for r in keys.iter_rows(min_row=find(keys, "Rad").row + 1) if r[0].value]
if services != ["E-arkiv", "Lönesystem"]:
    failures.append(f"3.2 i granskningskopian: {services}")

# Each mistake alone: exactly its findings, at its cells.
for plant, (want_code, want) in PLANTS.items():
    code, result = validate(os.path.join(saved, f"{plant}.xlsx"))
    got = sorted((f["code"], f["sheet"], f["cell"], f["level"]) for f in result["findings"])
    if code != want_code or got != sorted(want):
        failures.append(f"{plant}: exit {code}, fynd {got}, väntade {sorted(want)}")
    for f in result["findings"]:
        print(f"{plant}: {f['code']} {f['cell']}: {f['message']}")

for f in failures:
    print("FEL:", f)
print("ok" if not failures else f"{len(failures)} fel")
sys.exit(1 if failures else 0)
