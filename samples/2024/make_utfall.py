#!/usr/bin/python3
"""Writes samples/2024/utfall.xlsx: an INVENTED outcome of 2024 for the year-end settlement
(`arsanalys slutreglering samples/2024 --utfall samples/2024/utfall.xlsx`).

    /usr/bin/python3 samples/2024/make_utfall.py build/arsanalys

The program writes the outcome template for the sample round (`arsanalys template --utfall
samples/2024`): every service the round charged by key, with what it charged. This script fills
it with invented figures and says so in the workbook (the title and a sheet "Om exemplet"):
- each service's actual cost is its charged amount × a factor from 0.93 to 1.07, fixed by the
  service's name (crc32), in whole kronor;
- actual volumes for four customers (their first measure of the register +/- a few per cent);
  every other volume is left empty, so the round's value is used.
Byte-stable (make_samples.save: fixed properties and zip timestamps); written atomically.
"""

import os
import subprocess
import sys
import tempfile
import zlib

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_samples  # noqa: E402

INVENTED = ("PÅHITTADE SIFFROR: utfallet och volymerna i den här filen är påhittade för att "
            "visa slutregleringen på exempelomgången. Det är inget riktigt utfall.")


def factor(supplier, service):
    h = zlib.crc32(f"{supplier}|{service}".encode("utf-8"))
    return 0.93 + (h % 1401) / 10000  # 0.93 … 1.07


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} ARSANALYS")
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "mall.xlsx")
        subprocess.run([exe, "template", "--utfall", HERE, "-o", template], check=True,
                       stdout=subprocess.DEVNULL)
        wb = openpyxl.load_workbook(template)
    ws = wb["Utfall"]
    ws["A1"].value = "Utfall 2024 för slutreglering (påhittat exempel)"
    header = next(r for r in range(1, 30) if ws.cell(r, 1).value == "Leverantör")
    for r in range(header + 1, ws.max_row + 1):
        supplier, service, charged = (ws.cell(r, c).value for c in (1, 2, 4))
        if supplier and service and isinstance(charged, (int, float)):
            ws.cell(r, 3).value = int(round(charged * factor(supplier, service)))
    # Actual volumes: four customers' first measure, a few per cent off the register's.
    reg = openpyxl.load_workbook(os.path.join(HERE, "kunder.xlsx"), data_only=True)["Kunder"]
    values = {str(row[0]): row[3] for row in reg.iter_rows(min_row=2, values_only=True)}
    kunder = wb["Kunder"]
    changes = [1.04, 0.97, 1.10, 0.95]
    for r in range(2, kunder.max_row + 1):
        if not changes:
            break
        value = values.get(str(kunder.cell(r, 1).value))
        if isinstance(value, (int, float)) and value > 0:
            kunder.cell(r, 4).value = int(round(value * changes.pop(0)))
    about = wb.create_sheet("Om exemplet")
    about.column_dimensions["A"].width = 100
    about["A1"].value = "Om exemplet"
    about["A1"].font = Font(bold=True, size=14)
    about["A2"].value = INVENTED
    about["A3"].value = ("Utfallet är varje tjänsts debitering 2024 gånger en faktor mellan "
                         "0,93 och 1,07; volymerna i bladet Kunder är ändrade för fyra kunder. "
                         "Filen skrivs av samples/2024/make_utfall.py.")
    for cell in ("A2", "A3"):
        about[cell].alignment = Alignment(wrap_text=True, vertical="top")
        about.row_dimensions[int(cell[1:])].height = 45
    p = wb.properties
    p.creator = p.lastModifiedBy = make_samples.CREATOR
    p.created = p.modified = make_samples.FIXED_TIME
    p.title = "Utfall 2024 för slutreglering (påhittat exempel)"
    make_samples.save(wb, os.path.join(HERE, "utfall.xlsx"))


if __name__ == "__main__":
    main()
