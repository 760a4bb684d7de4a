#!/usr/bin/python3
"""Writes the self-check fixtures: a filled-in Årlig analys in the template's layout, once
correct and once with each mistake that suppliers really make (issue 14), written by other
programs than ours:

  opx_<case>.xlsx  written by openpyxl, which keeps formulas but writes no values for them
  lo_<case>.xlsx   the same opened and saved by LibreOffice (soffice --headless --convert-to
                   xlsx), which computes the formulas as Excel does when a supplier saves

Cases: ok, typed_total, text_amount, no_outcome, no_budget, prose_32, forms.
tests/checks/selfcheck_fixtures_test.cc holds what `validate` must find in each.

    /usr/bin/python3 tests/data/selfcheck/make_selfcheck.py

Needs openpyxl (Debian: python3-openpyxl); without soffice the committed lo_*.xlsx are kept.
Zip entries carry a fixed time and docProps a fixed date, so openpyxl's files are reproducible.
"""
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
DOC_TIME = "2024-01-01T00:00:00Z"

TITLE_A = "3.1a Förvaltningskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)"
TITLE_B = "3.1b Utvecklingskostnader inom befintliga tjänster, bas- och infrastrukturtjänster (tkr)"
TITLE_C = "3.1c Kostnader för nya förändringsinsatser, ej befintlig tjänst (tkr)"
EFFECT = "Påverkan förvaltningskostnad (nivå per år)"


def normalise(data, path):
    """Fixed zip entry times and docProps dates: the same input gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(path, "w") as out:
        for name in z.namelist():
            part = z.read(name)
            if name == "docProps/core.xml":
                s = part.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                           r"\g<1>" + DOC_TIME + r"\3", s)
                part = s.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            out.writestr(info, part, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def costs_a(wb, case):
    ws = wb.create_sheet("3.1a Förvaltning")
    ws.append([TITLE_A])
    head = ["Tjänst", "Utfall 2023", "Budget 2024", "Prognos budget 2025"]
    rows = [["E-arkiv", 9000, 10000, 10300], ["Lönesystem", 12000, 12700, 13100]]
    if case == "text_amount":
        rows[1][2] = "1 200 tkr"
    if case == "no_outcome":
        head.pop(1)
        for r in rows:
            r.pop(1)
    ws.append(head)
    for r in rows:
        ws.append(r)
    ws.append([])  # an empty input row left over
    last = ws.max_row
    total = ["Totalkostnad"]
    for col in range(2, len(head) + 1):
        letter = openpyxl.utils.get_column_letter(col)
        total.append(f"=SUM({letter}3:{letter}{last})")
    if case == "typed_total":
        total[2] = 22800  # the rows give 22 700
    ws.append(total)
    ws.append([])
    ws.append(["Leverantörens analys"])
    ws.append(["Förvaltningskostnaden ökar med index; inga nya tjänster tillkommer under året."])


def costs_b(wb, case):
    ws = wb.create_sheet("3.1b Utveckling")
    ws.append([TITLE_B])
    groups = [None, "Utvecklingskostnad", None, None, EFFECT]
    head = ["Tjänst", "Utfall 2023", "Budget 2024", "Prognos budget 2025", "Nivå 2025",
            "Nivå 2026", "Nivå 2027"]
    row = ["E-arkiv", 100, 200, 200, 0, 50, 50]
    if case == "no_budget":
        groups = [None, "Utvecklingskostnad", None, EFFECT]
        head.pop(2)
        row.pop(2)
    ws.append(groups)
    ws.append(head)
    ws.append(row)
    total = ["Totalkostnad"]
    for col in range(2, len(head) + 1):
        letter = openpyxl.utils.get_column_letter(col)
        total.append(f"=SUM({letter}4:{letter}4)")
    ws.append(total)


def costs_c(wb):
    ws = wb.create_sheet("3.1c Nya insatser")
    ws.append([TITLE_C])
    ws.append([None, "Kostnad för insatsen", None, None, EFFECT])
    ws.append(["Förändringsinsats", "År 2025", "År 2026", "År 2027", "Nivå 2025", "Nivå 2026",
               "Nivå 2027"])
    ws.append(["Ny e-tjänst", 300, 100, 0, 0, 20, 20])
    ws.append(["Totalkostnad"] + [f"=SUM({c}4:{c}4)" for c in "BCDEFG"])


def keys(wb, case):
    ws = wb.create_sheet("3.2 Fördelningsnycklar")
    ws.append(["3.2 Förslag justering av fördelningsnycklar"])
    ws.append(["Tjänst", "Nuvarande fördelningsnyckel", "Förslag justering", "Motivering"])
    ws.append(["E-arkiv", "Antal anställda"])
    ws.append(["Lönesystem", "Antal anställda"])
    if case == "prose_32":
        ws.append([])
        ws.append(["Leverantörens analys"])
        ws.append([])
        ws.append(["Utifall det blir förändringar i nyttjandet av tjänsterna behöver det finnas en "
                   "hanteringsordning för hur kostnaden justeras under året."])
        ws.append([])
        ws.append(["Ingen lösning för detta är i dagsläget klar utan får arbetas fram under året."])


FORM = ["Namn på förändringsinsats", "Strategisk del", "Behovsbeskrivning", "Effektmål",
        "Informationssäkerhet", "Är informationsklassning genomförd? JA / NEJ",
        "Tröskel- och konsekvensanalys genomförd? JA / NEJ", "Ekonomisk del",
        "Total projektbudget (tkr)"]


def forms(wb, case):
    ws = wb.create_sheet("2 Förslag")
    ws.append(["2.2 Förslag på nya förändringsinsatser"])
    answers = {"Namn på förändringsinsats": "Ny e-tjänst",
               "Behovsbeskrivning": "Invånarna efterfrågar den.",
               "Effektmål": "Halverad handläggningstid.",
               "Är informationsklassning genomförd? JA / NEJ": "JA",
               "Tröskel- och konsekvensanalys genomförd? JA / NEJ": "JA",
               "Total projektbudget (tkr)": 400}
    if case == "forms":
        answers["Effektmål"] = None
    for n in (1, 2, 3):
        ws.append([])
        ws.append([f"Föreslagen förändringsinsats {n}", "Svar", "Kommentar"])
        for label in FORM:
            ws.append([label, answers.get(label) if n == 1 else None])


def workbook(case):
    wb = openpyxl.Workbook()
    intro = wb.active
    intro.title = "Instruktioner"
    intro.append(["Årlig analys av digital utveckling och förvaltning 2025"])
    intro.append([])
    intro.append(["Leverantör", "Nämnden för provning"])
    forms(wb, case)
    costs_a(wb, case)
    costs_b(wb, case)
    costs_c(wb)
    keys(wb, case)
    wb.properties.creator = "arsanalys make_selfcheck.py"
    return wb


CASES = ["ok", "typed_total", "text_amount", "no_outcome", "no_budget", "prose_32", "forms"]


def main():
    made = []
    for case in CASES:
        buf = io.BytesIO()
        workbook(case).save(buf)
        path = os.path.join(HERE, f"opx_{case}.xlsx")
        normalise(buf.getvalue(), path)
        made.append(path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice saknas: de lo_*.xlsx som finns behålls", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in")
        os.makedirs(src)
        for path in made:
            shutil.copy(path, os.path.join(src, os.path.basename(path)[4:]))
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profil", "--headless",
                        "--convert-to", "xlsx", "--outdir", os.path.join(tmp, "out"),
                        *sorted(os.path.join(src, f) for f in os.listdir(src))],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for case in CASES:
            with open(os.path.join(tmp, "out", f"{case}.xlsx"), "rb") as f:
                normalise(f.read(), os.path.join(HERE, f"lo_{case}.xlsx"))


if __name__ == "__main__":
    main()
