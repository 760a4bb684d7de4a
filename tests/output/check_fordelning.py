#!/usr/bin/env python3
"""fordelning.xlsx and kunder/<Kund-id>.xlsx opened by other programs: openpyxl checks that every
total adds up (cached values of the formulas against the cells they sum, the overview against
the supplier sheets, each customer's statement against fordelning.xlsx), LibreOffice converts
them to PDF without error.

The workbooks come from the unit tests' hand-made round (the test binary writes them), and,
when ARSANALYS and ROUND_DIR are given and `arsanalys run` exists, from the real sample round.

Usage: check_fordelning.py TESTS_BINARY WORK_DIR [ARSANALYS_BINARY ROUND_DIR]
Exit 77 = skipped (no openpyxl).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings

warnings.simplefilter("ignore")
try:
    import openpyxl
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
except ImportError:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def expect(cond, where, message):
    if not cond:
        fail(where, message)
    return cond


class Book:
    """A workbook twice: formulas, and the values a spreadsheet program cached."""

    def __init__(self, path):
        self.path = path
        self.f = openpyxl.load_workbook(path)
        self.v = openpyxl.load_workbook(path, data_only=True)

    def value(self, sheet, row, col):
        return self.v[sheet].cell(row=row, column=col).value

    def formula(self, sheet, row, col):
        value = self.f[sheet].cell(row=row, column=col).value
        return value if isinstance(value, str) and value.startswith("=") else None

    def find_row(self, sheet, col, text):
        ws = self.v[sheet]
        for r in range(1, ws.max_row + 1):
            if ws.cell(row=r, column=col).value == text:
                return r
        return None

    def find_col(self, sheet, row, text):
        ws = self.v[sheet]
        for c in range(1, ws.max_column + 1):
            if ws.cell(row=row, column=c).value == text:
                return c
        return None

    def referenced(self, formula):
        """The cached value of the cell a formula `='Sheet'!F12` points at."""
        m = re.fullmatch(r"='((?:[^']|'')+)'!([A-Z]+[0-9]+)", formula or "")
        if not m:
            return None
        col, row = coordinate_from_string(m.group(2))
        return self.value(m.group(1).replace("''", "'"), row, column_index_from_string(col))


def whole(x):
    return isinstance(x, (int, float)) and float(x).is_integer()


def check_formulas_cached(book):
    """Every formula has a cached value (the writer's worksheet_write_formula_num)."""
    for ws in book.f.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    cached = book.v[ws.title][c.coordinate].value
                    expect(cached is not None, f"{book.path} {ws.title}!{c.coordinate}",
                           f"formeln {c.value} saknar värde")


def check_draft(book, draft):
    for ws in book.v.worksheets:
        a1 = ws["A1"].value or ""
        expect(a1.startswith("UTKAST") == draft, f"{book.path} {ws.title}!A1",
               f"utkastraden {'saknas' if draft else 'ska inte finnas'}: {a1!r}")


def check_supplier_sheet(book, sheet):
    """The matrix: row sums, column sums, grand total = the lines' amounts, check row 0."""
    where = f"{book.path} {sheet}"
    h = book.find_row(sheet, 1, "Kund-id")
    if not expect(h is not None, where, "rubriken Kund-id saknas"):
        return None
    total_col = book.find_col(sheet, h, "Summa (kr)")
    amount_row = h - 1
    expect(book.value(sheet, amount_row, 1) == "Radens belopp (kr)", where, "raden Radens belopp")
    sum_row = book.find_row(sheet, 1, "Summa")
    cols = range(4, total_col)
    col_sums = {c: 0 for c in cols}
    for r in range(h + 1, sum_row):
        row_sum = 0
        for c in cols:
            v = book.value(sheet, r, c)
            if v is None:
                continue
            expect(whole(v), where, f"{r}:{c} är inte hela kronor: {v}")
            row_sum += v
            col_sums[c] += v
        expect(book.value(sheet, r, total_col) == row_sum, where,
               f"radsumman på rad {r}: {book.value(sheet, r, total_col)} != {row_sum}")
        if cols:
            expect((book.formula(sheet, r, total_col) or "").startswith("=SUM("), where,
                   f"radsumman på rad {r} är ingen formel")
    grand = 0
    for c in cols:
        amount = book.value(sheet, amount_row, c)
        expect(book.value(sheet, sum_row, c) == col_sums[c], where, f"kolumnsumma {c}")
        expect(col_sums[c] == amount, where,
               f"kolumn {c}: kunderna {col_sums[c]} kr, raden {amount} kr")
        expect(book.value(sheet, sum_row + 1, c) == 0, where, f"kontrollraden kolumn {c}")
        src = book.value(sheet, amount_row - 1, c)
        expect(isinstance(src, str) and "!" in src, where, f"källcell saknas i kolumn {c}")
        grand += amount
    expect(book.value(sheet, sum_row, total_col) == grand, where,
           f"totalsumman {book.value(sheet, sum_row, total_col)} != radernas {grand}")
    return {"grand": grand, "rows": (h + 1, sum_row - 1), "total_col": total_col}


def check_fordelning(path, draft):
    book = Book(path)
    check_formulas_cached(book)
    check_draft(book, draft)
    ov = "Översikt"
    h = book.find_row(ov, 1, "Leverantör")
    expect(h is not None, path, "Översikt saknar rubriken Leverantör")
    r = h + 1
    totals = [0, 0, 0]
    suppliers = 0
    while book.value(ov, r, 1) not in (None, "Summa"):
        name = book.value(ov, r, 1)
        allocated, rest, lines = (book.value(ov, r, c) for c in (3, 4, 5))
        expect(allocated + rest == lines, path,
               f"{name}: fördelat {allocated} + ej fördelat {rest} != raderna {lines}")
        expect(book.value(ov, r, 6) == 0, path, f"{name}: kontrollen är inte 0")
        link = book.formula(ov, r, 3)
        expect(book.referenced(link) == allocated, path,
               f"{name}: Fördelat {allocated} stämmer inte med {link}")
        sheet = re.fullmatch(r"='((?:[^']|'')+)'!.*", link).group(1).replace("''", "'")
        matrix = check_supplier_sheet(book, sheet)
        if matrix:
            expect(matrix["grand"] == allocated, path, f"{name}: bladets totalsumma")
        for i, v in enumerate((allocated, rest, lines)):
            totals[i] += v
        suppliers += 1
        r += 1
    expect(book.value(ov, r, 1) == "Summa", path, "Översikt saknar Summa-raden")
    for i, c in enumerate((3, 4, 5)):
        expect(book.value(ov, r, c) == totals[i], path, f"Översikt: summan i kolumn {c}")
    expect(book.value(ov, r, 6) == 0, path, "Översikt: kontrollsumman är inte 0")

    ej = "Ej fördelat"
    eh = book.find_row(ej, 1, "Leverantör")
    esum = book.find_row(ej, 1, "Summa")
    listed = sum(book.value(ej, x, 6) or 0 for x in range(eh + 1, esum))
    expect(listed == book.value(ej, esum, 6) == totals[1], path,
           f"Ej fördelat: raderna {listed}, summan {book.value(ej, esum, 6)}, översikten {totals[1]}")

    pk = "Per kund"
    ph = book.find_row(pk, 1, "Kund-id")
    sum_col = book.find_col(pk, ph, "Summa (kr)")
    customers = {}
    x = ph + 1
    while book.value(pk, x, 1) not in (None, "Summa"):
        parts = [book.value(pk, x, c) for c in range(4, sum_col)]
        for c in range(4, sum_col):
            expect(book.referenced(book.formula(pk, x, c)) == book.value(pk, x, c), path,
                   f"Per kund rad {x}: kolumn {c} stämmer inte med leverantörens blad")
        expect(sum(parts) == book.value(pk, x, sum_col), path, f"Per kund rad {x}: summan")
        expect(book.value(pk, x, sum_col + 2) == 0, path, f"Per kund rad {x}: avvikelse")
        customers[book.value(pk, x, 1)] = book.value(pk, x, sum_col)
        x += 1
    expect(sum(customers.values()) == totals[0], path,
           f"kunderna betalar {sum(customers.values())}, fördelat {totals[0]}")
    print(f"{path}: {suppliers} leverantörer, fördelat {totals[0]} kr, ej fördelat {totals[1]} kr, "
          f"{len(customers)} kunder: summorna stämmer")
    return customers


def check_statement(path, expected_total, draft):
    book = Book(path)
    check_formulas_cached(book)
    check_draft(book, draft)
    s = "Kundbesked"
    h = book.find_row(s, 1, "Leverantör")
    total_row = None
    r = h + 1
    items, subtotals = 0, []
    while r <= book.v[s].max_row:
        a = book.value(s, r, 1) or ""
        if a.startswith("Totalt att betala"):
            total_row = r
            break
        if a.startswith("Summa "):
            expect(book.value(s, r, 8) == items, path, f"delsumman på rad {r}")
            subtotals.append(book.value(s, r, 8))
            items = 0
        elif book.value(s, r, 2) is not None:
            items += book.value(s, r, 8)
            if isinstance(book.value(s, r, 9), (int, float)):
                expect(book.value(s, r, 10) == book.value(s, r, 8) - book.value(s, r, 9), path,
                       f"förändringen på rad {r}")
        r += 1
    if not expect(total_row is not None, path, "raden Totalt att betala saknas"):
        return
    total = book.value(s, total_row, 8)
    expect(total == sum(subtotals), path, f"totalen {total} != delsummorna {sum(subtotals)}")
    expect(book.value(s, 3 + draft, 2) == total, path,
           "Att betala överst stämmer inte med totalen")
    expect(total == expected_total, path,
           f"totalen {total} != {expected_total} i fordelning.xlsx (Per kund)")
    if not subtotals:
        text = " ".join(str(book.value(s, x, 1)) for x in range(1, total_row))
        expect("debiteras ingenting" in text, path, "kunden utan belopp får inget besked om det")


def check_folder(folder, draft):
    customers = check_fordelning(os.path.join(folder, "fordelning.xlsx"), draft)
    files = sorted(os.listdir(os.path.join(folder, "kunder")))
    # Customers who have left the register since last year get a statement too (resultat.json
    # marks them "departed"); they are charged nothing this year.
    departed = []
    result = os.path.join(folder, "resultat.json")
    if os.path.exists(result):
        with open(result, encoding="utf-8") as f:
            departed = [c["id"] for c in json.load(f)["customers"] if c.get("departed")]
    expect(len(files) == len(customers) + len(departed), folder,
           f"{len(files)} kundbesked för {len(customers)} kunder och {len(departed)} som lämnat")
    for kund_id in departed:
        path = os.path.join(folder, "kunder", re.sub(r'[/\\:*?"<>| ]', "_", kund_id) + ".xlsx")
        if expect(os.path.exists(path), folder, f"kundbeskedet för {kund_id} saknas"):
            check_statement(path, 0, draft)
    for kund_id, kr in customers.items():
        path = os.path.join(folder, "kunder", re.sub(r'[/\\:*?"<>| ]', "_", kund_id) + ".xlsx")
        if expect(os.path.exists(path), folder, f"kundbeskedet för {kund_id} saknas"):
            check_statement(path, kr, draft)
    print(f"{folder}: {len(files)} kundbesked stämmer mot fordelning.xlsx")


def libreoffice(paths, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice saknas; hoppar över konverteringen")
        return
    with tempfile.TemporaryDirectory() as profile:
        for i, p in enumerate(paths):
            # A folder per file (two are called fordelning.xlsx); a profile of its own, so other
            # LibreOffice processes on the machine do not interfere.
            out = os.path.join(work, "pdf", str(i))
            os.makedirs(out, exist_ok=True)
            run = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                                  "--convert-to", "pdf", "--outdir", out, p],
                                 capture_output=True, text=True, timeout=300)
            expect(run.returncode == 0, "LibreOffice", f"{p}: slutade med {run.returncode}: {run.stderr}")
            pdf = os.path.join(out, os.path.splitext(os.path.basename(p))[0] + ".pdf")
            if not expect(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, "LibreOffice",
                          f"ingen PDF av {p}"):
                continue
            if shutil.which("pdftotext"):
                text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
                expect("Fördelning" in text or "Kundbesked" in text, "LibreOffice",
                       f"{pdf} saknar rubriken")
            print(f"LibreOffice: {p} -> {pdf}")


def main():
    tests, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    fixture = os.path.join(work, "fixtur")
    os.makedirs(fixture)
    env = dict(os.environ, ARSANALYS_FORDELNING_OUT=fixture)
    subprocess.run([tests, "[.fordelning_files]"], env=env, check=True, stdout=subprocess.DEVNULL)
    check_folder(os.path.join(fixture, "slutlig"), draft=False)
    check_folder(os.path.join(fixture, "utkast"), draft=True)
    converted = [os.path.join(fixture, "slutlig", "fordelning.xlsx"),
                 os.path.join(fixture, "slutlig", "kunder", "F2.xlsx"),
                 os.path.join(fixture, "utkast", "kunder", "X9.xlsx")]

    if len(sys.argv) >= 5:
        arsanalys, round_dir = sys.argv[3], sys.argv[4]
        helptext = subprocess.run([arsanalys, "--help"], capture_output=True, text=True).stdout
        if re.search(r"^\s*run\b", helptext, re.M):
            sample = os.path.join(work, "prov")
            run = subprocess.run([arsanalys, "run", round_dir, "-o", sample],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print(f"arsanalys run gav inget ({run.returncode}: {run.stderr.strip()}); "
                      "provomgången hoppas över")
            elif os.path.exists(os.path.join(sample, "fordelning.xlsx")):
                check_folder(sample, draft=run.returncode == 1)
                converted.append(os.path.join(sample, "fordelning.xlsx"))
                statements = sorted(os.listdir(os.path.join(sample, "kunder")))
                if statements:
                    converted.append(os.path.join(sample, "kunder", statements[0]))
            else:
                print("arsanalys run skrev ingen fordelning.xlsx (ännu); provomgången hoppas över")
        else:
            print("arsanalys run finns inte ännu; provomgången hoppas över")

    libreoffice(converted, work)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("Alla kontroller gick igenom.")


if __name__ == "__main__":
    main()
