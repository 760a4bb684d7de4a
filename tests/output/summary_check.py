#!/usr/bin/env python3
"""sammanstallning.xlsx opened by other programs: openpyxl and LibreOffice.

The unit tests write the workbook from a round built by hand (the hidden Catch2 case
"[.summary_export]"); with a SAMPLE_ROUND the real `arsanalys run` writes it too. Each workbook
must have the contract's sheets, every formula's cached value must equal what the formula
computes from the cached values it refers to (so a reader that does not recalculate sees the
same figures as Excel), the charts must exist and point at plain numbers, and LibreOffice must
convert it to PDF and CSV, showing kronor as tkr.

Usage: summary_check.py TESTS_BINARY WORK_DIR [ARSANALYS_BINARY SAMPLE_ROUND]
Exit 77 = skipped (no openpyxl).
"""
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile

warnings.simplefilter("ignore")
try:
    import openpyxl
    from openpyxl.utils import range_boundaries, get_column_letter
except ImportError:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

FIXED = ["Översikt", "Förslag", "Indexkontroll", "Fynd", "Diagram", "Utanför ramarna",
         "Justeringar"]
failures = []


def fail(msg):
    failures.append(msg)
    print("FEL:", msg)


def evaluate(formula, sheet, values):
    """The value of a formula of our own (SUM, + - * /, cell references) from cached values."""
    def cell(ref):
        v = values[sheet].get(ref.replace("$", ""))
        return v if isinstance(v, (int, float)) else 0

    def rng(ref):
        lo_c, lo_r, hi_c, hi_r = range_boundaries(ref.replace("$", ""))
        return [cell(f"{get_column_letter(c)}{r}")
                for r in range(lo_r, hi_r + 1) for c in range(lo_c, hi_c + 1)]

    expr = formula.lstrip("=")
    if re.search(r"[!'\"]", expr):
        raise ValueError(f"unexpected formula {formula}")
    expr = re.sub(r"\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?",
                  lambda m: f"*_rng('{m.group(0)}')" if ":" in m.group(0) else f"_cell('{m.group(0)}')",
                  expr)
    expr = expr.replace("SUM(", "_sum(")
    return eval(expr, {"_rng": rng, "_cell": cell, "_sum": lambda *a: sum(a)})


def check_workbook(path, sample):
    print(f"-- {path}")
    wb = openpyxl.load_workbook(path)                  # formulas
    cached = openpyxl.load_workbook(path, data_only=True)  # their cached values
    names = wb.sheetnames
    if names[0] != "Översikt" or names[-(len(FIXED) - 1):] != FIXED[1:]:
        fail(f"{path}: bladen är {names}")
    if len(names) < len(FIXED) + (3 if sample else 1):
        fail(f"{path}: för få leverantörsblad: {names}")
    values = {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row}
              for ws in cached.worksheets}
    formulas = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    formulas += 1
                    want = evaluate(c.value, ws.title, values)
                    got = values[ws.title][c.coordinate]
                    if not isinstance(got, (int, float)) or abs(got - want) > 1e-9 * max(1, abs(want)):
                        fail(f"{ws.title}!{c.coordinate} {c.value}: sparat {got}, räknat {want}")
    if formulas < 20:
        fail(f"{path}: bara {formulas} formler")
    print(f"   {len(names)} blad, {formulas} formler stämmer med sina sparade värden")

    over = values["Översikt"]
    if not any(isinstance(v, str) and v.startswith("Tabell 1.") for v in over.values()):
        fail("Översikt saknar Tabell 1")
    if not any(isinstance(v, str) and v.startswith("Tabell 2.") for v in over.values()):
        fail("Översikt saknar Tabell 2")

    # Charts: the parts, and every range they show holds plain numbers.
    with zipfile.ZipFile(path) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        if "xl/charts/chart1.xml" not in charts or len(charts) < 2:
            fail(f"{path}: diagrammen saknas ({charts})")
        for part in charts:
            xml = z.read(part).decode("utf-8")
            if "<c:barChart>" not in xml or 'val="stacked"' not in xml:
                fail(f"{part}: inte staplade stapeldiagram")
            for ref in re.findall(r"<c:val><c:numRef><c:f>([^<]+)</c:f>", xml):
                sheet, cells = ref.split("!")
                sheet = sheet.strip("'")
                lo_c, lo_r, hi_c, hi_r = range_boundaries(cells.replace("$", ""))
                for r in range(lo_r, hi_r + 1):
                    for col in range(lo_c, hi_c + 1):
                        f = wb[sheet].cell(r, col).value
                        if f is None and col >= 7:
                            continue  # a supplier without the year: a gap, not a 0
                        if not isinstance(f, (int, float)):
                            fail(f"{part}: {sheet}!{get_column_letter(col)}{r} är inte ett tal: {f!r}")
        print(f"   {len(charts)} diagram över vanliga tal")


def check_libreoffice(path, work, tag):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("   LibreOffice saknas; konverteringen hoppas över")
        return
    out = os.path.join(work, "lo-" + tag)
    os.makedirs(out, exist_ok=True)
    profile = "file://" + os.path.abspath(os.path.join(work, "lo-profile"))
    base = os.path.splitext(os.path.basename(path))[0]
    # CSV in UTF-8 with the cells as shown (token 9), so the number formats are applied.
    for target in ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false"):
        r = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", target, "--outdir", out, path],
                           capture_output=True, text=True, timeout=240)
        made = os.path.join(out, f"{base}.{target.split(':')[0]}")
        if r.returncode != 0 or not os.path.exists(made) or os.path.getsize(made) == 0:
            fail(f"LibreOffice kunde inte konvertera {path} till {target}: {r.stdout} {r.stderr}")
            return
    with open(os.path.join(out, f"{base}.csv"), encoding="utf-8", errors="replace") as f:
        csv = f.read()
    print(f"   LibreOffice: pdf och csv skrivna ({out})")
    return csv


def main():
    tests, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    made = os.path.join(work, "sammanstallning.xlsx")
    env = dict(os.environ, ARSANALYS_SUMMARY_OUT=made)
    subprocess.run([tests, "[.summary_export]"], env=env, check=True, capture_output=True)
    check_workbook(made, sample=False)
    csv = check_libreoffice(made, work, "enhetstest")
    if csv is not None:
        # The first sheet as LibreOffice shows it: kronor displayed as tkr (77 587 000 kr ->
        # 77,587 in its default en-US locale), never the raw kronor.
        if "Sammanställning av årlig analys 2024" not in csv:
            fail("csv: rubriken saknas")
        if "77,587" not in csv or "77,587,000" in csv:
            fail("csv: 77 587 000 kr visas inte som 77,587 tkr")

    if len(sys.argv) >= 5:
        binary, sample = sys.argv[3], sys.argv[4]
        out = os.path.join(work, "run")
        r = subprocess.run([binary, "run", sample, "-o", out], capture_output=True, text=True)
        path = os.path.join(out, "sammanstallning.xlsx")
        if r.returncode not in (0, 1) or not os.path.exists(path):
            fail(f"arsanalys run gav {r.returncode} och ingen sammanstallning.xlsx: {r.stderr}")
        else:
            check_workbook(path, sample=True)
            check_libreoffice(path, work, "run")

    if failures:
        print(f"{len(failures)} fel")
        sys.exit(1)
    print("allt stämmer")


main()
