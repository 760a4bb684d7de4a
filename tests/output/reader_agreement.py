#!/usr/bin/env python3
"""Every workbook of a run, read by four independent programs that must agree.

`arsanalys run ROUND_DIR` writes its outputs (and `arsanalys slutreglering` its own beside them
when ROUND_DIR has an utfall.xlsx); every .xlsx among them (sammanstallning.xlsx,
beslutsbilaga.xlsx, fordelning.xlsx, kunder/*.xlsx, granskning/*.xlsx, slutreglering.xlsx,
slutreglering/kunder/*.xlsx, and whatever a later output adds) is read by

  openpyxl     Debian's /usr/bin/python3, data_only: formulas as their cached values;
  LibreOffice  headless, to CSV per sheet (one call for all workbooks): cell values unformatted,
               every text cell quoted;
  Gnumeric     `ssconvert -S` to CSV per sheet, values unformatted ("raw");
  SheetJS      npm `xlsx`, pinned in tests/package.json, installed by `npm ci` into
               tests/node_modules (tests/output/read_sheetjs.js).

They must agree sheet by sheet (the same names, in the same order) and cell by cell on every
value. A difference is a failure unless one of the readers' known limitations below explains
it; each is handled where the values are compared (`agrees`), nowhere else:

  1. A CSV file has no types. LibreOffice quotes every text cell, so its fields are typed: a
     quoted field is text, an unquoted one a number or a truth value. Gnumeric quotes a field
     only when it needs quotes or has spaces, so a Gnumeric field is read as a number where the
     other readers read a number, and compared as text otherwise: a text that looks like a
     number and a number are told apart by openpyxl, SheetJS and LibreOffice only.
  2. Numbers in CSV are text. LibreOffice prints 15 significant digits and keeps the percent
     sign of a percent format even unformatted ("9.34858736714661%"), so its numbers are
     compared to a relative 1e-14 after the percent is divided out; whole numbers (every
     krona) exactly. Gnumeric prints enough digits to give the same double back (up to 20):
     compared exactly.
  3. Formulas: all four give the value cached in the file. (The workbooks say fullCalcOnLoad,
     as libxlsxwriter writes it, but LibreOffice's default for xlsx is never to recalculate on
     load, and Gnumeric takes the stored value.) That a cached value is what its formula
     computes is the business of summary_check.py and check_fordelning.py.
  4. Truth values: openpyxl and SheetJS give booleans, both CSVs TRUE/FALSE. Errors: all four
     give Excel's text (#DIV/0!). A date would be a number with a date format: openpyxl gives a
     datetime (turned back into Excel's serial number here), SheetJS the number, the CSVs a
     formatted date; our outputs hold no dates (a date cell is reported, so this gets a rule
     when one appears).
  5. A merged range holds its value in its first cell; all four leave the others empty. A
     blank cell with only a format counts as empty everywhere.

Defined names, notes and print settings (issue 18): the workbook's own XML is checked for the
forms Excel writes (print titles as `'Blad'!$A:$C,'Blad'!$6:$7`, columns first, or either
alone; a print area as `'Blad'!$A$1:$H$20`; an autofilter with its hidden
`_xlnm._FilterDatabase` over the same range; notes in a comments part with the VML drawing
that shows them), and openpyxl, SheetJS and Gnumeric (its own file format, written by
ssconvert) must read the same print titles, print areas, autofilters and notes. LibreOffice's
CSV shows none of these (by hand, its ODS export has the header rows and columns of every
print title, unions included). Gnumeric's messages while it reads a workbook are failures,
except for two limits of Gnumeric, not of our form:

  a. Print titles of both columns and rows are the union `'Blad'!$A:$C,'Blad'!$6:$7`.
     ECMA-376 Part 1 (18.2.5, definedName) holds a formula (ST_Formula, 18.17), whose grammar
     has the union operator ","; it is the form Excel itself writes for _xlnm.Print_Titles with
     both, and openpyxl, SheetJS and LibreOffice read it. Gnumeric's xlsx reader
     (plugins/excel/xlsx-read.c, handle_delayed_names -> xlsx_parse_expr) parses every defined
     name with GNM_EXPR_PARSE_DEFAULT, which refuses a list of expressions ("Multiple
     expressions are not supported in this context") and keeps the name as error("…"); the
     cells are not affected. Allowed only for a Print_Titles name of exactly that union, as
     written in the workbook.
  b. "Unhandled object of type Note": Excel draws each note as a VML shape of ObjectType
     "Note"; Gnumeric reads the notes from the comments part (compared above) and says this
     for each shape (plugins/excel/xlsx-read-drawing.c, xlsx_vml_client_data_start). Allowed
     as many times as the workbook has notes.

Seen by hand and not tested here (no PDF is made), for libxlsxwriter's workbooks as for ours:
Gnumeric keeps an xlsx file's print titles as a name only and does not repeat the rows on
printed pages (its printing uses the name Print_Area, never Print_Titles; LibreOffice repeats
them); it prints a page header's font code as text (`&"-,Bold"UTKAST` as `-,Bold"UTKAST`:
Excel's form for a bold header, which its xls_header_footer_import does not know); and its
PDF export of merged cells says "gnm_style_conditions_eval: assertion 'sc != NULL' failed"
(print-cell.c tests the style where it means the style's conditions).

Usage: reader_agreement.py ARSANALYS ROUND_DIR WORK_DIR
Exit 77 = skipped: a reader is missing (openpyxl, soffice, ssconvert, node or npm), with a
message saying which.
"""
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
import xml.etree.ElementTree as ET
import zipfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)

warnings.simplefilter("ignore")
try:
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel
except ImportError:
    print("HOPPAR ÖVER: openpyxl saknas (Debian: python3-openpyxl)")
    sys.exit(SKIP)

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def skip(why):
    print(f"HOPPAR ÖVER: {why}")
    sys.exit(SKIP)


def ref(row, col):
    """A1-style reference of a 1-based cell."""
    return f"{get_column_letter(col)}{row}"


# --- The readers ----------------------------------------------------------------------------
# Each gives, per workbook, a list of (sheet name, {(row, col): value}) in tab order, rows and
# columns 1-based. A typed value is ("n", float), ("s", str), ("b", bool), ("e", str) or
# ("d", text); a CSV field is ("csv", text, quoted).


def read_openpyxl(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for name in wb.sheetnames:
        ws = wb[name]
        cells = {}
        for (row, col), cell in getattr(ws, "_cells", {}).items():
            v = cell.value
            if v is None or v == "":
                continue
            if isinstance(v, bool):
                cells[(row, col)] = ("b", v)
            elif isinstance(v, (int, float)):
                cells[(row, col)] = ("n", float(v))
            elif isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
                cells[(row, col)] = ("d", float(to_excel(v)))
            elif cell.data_type == "e":
                cells[(row, col)] = ("e", str(v))
            else:
                cells[(row, col)] = ("s", str(v))
        sheets.append((name, cells))
    return sheets, wb


def parse_csv(text):
    """Rows of (field, quoted): Python's csv module does not say which fields were quoted."""
    rows, row, field, quoted, i, n = [], [], [], False, 0, len(text)
    at_start = True
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            quoted, at_start = True, False
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                field.append(text[i])
                i += 1
            continue
        at_start = False
        if ch == ",":
            row.append(("".join(field), quoted))
            field, quoted, at_start = [], False, True
        elif ch == "\n":
            row.append(("".join(field), quoted))
            rows.append(row)
            row, field, quoted, at_start = [], [], False, True
        elif ch == "\r" and i + 1 < n and text[i + 1] == "\n":
            pass
        else:
            field.append(ch)
        i += 1
    if field or row or quoted:
        row.append(("".join(field), quoted))
        rows.append(row)
    return rows


def csv_cells(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    cells = {}
    for r, row in enumerate(parse_csv(text), start=1):
        for c, (value, quoted) in enumerate(row, start=1):
            if value != "":
                cells[(r, c)] = ("csv", value, quoted)
    return cells


def read_libreoffice(paths, work):
    """All workbooks in one soffice call, on copies named w0.xlsx, w1.xlsx, … (two outputs may
    share a name), each sheet to w<i>-<sheet>.csv. The filter's tokens: ',' '"' UTF-8 (76),
    line 1, -, language 0, 7 quote every text cell, 8 -, 9 values unformatted (not as shown),
    10 no formulas, 11 spaces kept, 12 every sheet (-1). The tab order is the order of
    LibreOffice's "Writing sheet X -> …" lines."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = os.path.join(work, "libreoffice")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "in"))
    out = os.path.join(folder, "out")
    copies = []
    for i, p in enumerate(paths):
        copy = os.path.join(folder, "in", f"w{i}.xlsx")
        shutil.copyfile(p, copy)
        copies.append(copy)
    # A profile of its own, kept between runs (making one takes seconds), so that other
    # LibreOffice processes on the machine do not interfere.
    profile = "file://" + os.path.abspath(os.path.join(work, "lo-profile"))
    target = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", target, "--outdir", out] + copies,
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        fail("LibreOffice", f"slutade med {run.returncode}: {run.stderr.strip()}")
    books = {p: [] for p in paths}
    for line in run.stdout.splitlines():
        m = re.fullmatch(r"Writing sheet (.*) -> (.*)", line.strip())
        if not m:
            continue
        file = os.path.basename(m.group(2))
        w = re.fullmatch(r"w([0-9]+)-.*\.csv", file)
        if w is None or not os.path.exists(os.path.join(out, file)):
            fail("LibreOffice", f"okänd fil: {line}")
            continue
        books[paths[int(w.group(1))]].append((m.group(1), csv_cells(os.path.join(out, file))))
    return books


def read_gnumeric(path, work, index):
    """`ssconvert -S` to one CSV per sheet, values unformatted (the configurable text exporter:
    format=raw), '.' as the decimal point; the sheets named <n>_<name>.csv. Returns the sheets
    and Gnumeric's messages."""
    folder = os.path.join(work, "gnumeric", str(index))
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    run = subprocess.run(
        ["ssconvert", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O",
         "format=raw separator=, quoting-mode=auto eol=unix charset=UTF-8 locale=C",
         path, os.path.join(folder, "%n_%s.csv")],
        capture_output=True, text=True, timeout=300)
    messages = [m for m in (run.stdout + run.stderr).splitlines() if m.strip()]
    if run.returncode != 0:
        fail(f"Gnumeric {path}", f"ssconvert slutade med {run.returncode}")
    sheets = []
    for name in os.listdir(folder):
        n, _, sheet = name[:-4].partition("_")
        sheets.append((int(n), sheet, csv_cells(os.path.join(folder, name))))
    return [(s, c) for _, s, c in sorted(sheets)], messages


def read_sheetjs(paths):
    env = dict(os.environ, NODE_PATH=os.path.join(TESTS, "node_modules"))
    run = subprocess.run(["node", os.path.join(HERE, "read_sheetjs.js")] + paths, env=env,
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        fail("SheetJS", f"slutade med {run.returncode}: {run.stderr.strip()}")
        return {}
    books = json.loads(run.stdout)
    out = {}
    for p, book in books.items():
        sheets = []
        for s in book["sheets"]:
            cells = {}
            for a1, (t, v) in s["cells"].items():
                m = re.fullmatch(r"([A-Z]+)([0-9]+)", a1)
                col = openpyxl.utils.column_index_from_string(m.group(1))
                cells[(int(m.group(2)), col)] = (t, float(v) if t == "n" else v)
            sheets.append((s["name"], cells))
        out[p] = (sheets, book)
    return out


# --- Comparing values -----------------------------------------------------------------------

def as_number(text):
    """A CSV field as a number: LibreOffice's percent sign divided out (limitation 2)."""
    t = text.strip()
    scale = 1.0
    if t.endswith("%"):
        t, scale = t[:-1], 100.0
    try:
        return float(t) / scale
    except ValueError:
        return None


def same_number(a, b, reader):
    """Limitation 2: LibreOffice's 15 digits to a relative 1e-14 except whole numbers; the
    others exactly."""
    if a == b:
        return True
    if reader != "LibreOffice" or (float(b).is_integer() and abs(b) < 1e15):
        return False
    return abs(a - b) <= 1e-14 * max(abs(a), abs(b))


def agrees(reader, ours, theirs):
    """Whether `theirs` (a value read by `reader`) is the value `ours` (openpyxl's)."""
    if theirs is None or ours is None:
        return theirs is ours
    kind = ours[0]
    if theirs[0] != "csv":  # SheetJS: typed
        if kind == "d":  # limitation 4: SheetJS gives a date's serial number
            return theirs[0] == "n" and theirs[1] == ours[1]
        return theirs[0] == kind and theirs[1] == ours[1]
    _, text, quoted = theirs
    typed = reader == "LibreOffice"  # limitation 1: only LibreOffice's quotes say "text"
    if kind == "s":
        return text == ours[1] and (quoted or not typed)
    if typed and quoted:
        return False
    if kind == "n":
        number = as_number(text)
        return number is not None and same_number(number, ours[1], reader)
    if kind == "b":
        return text == ("TRUE" if ours[1] else "FALSE")
    if kind == "e":
        return text == ours[1]
    return False  # "d": no rule yet (limitation 4)


def show(value):
    if value is None:
        return "(tom)"
    if value[0] == "csv":
        return repr(value[1]) + (" (citerad)" if value[2] else "")
    return f"{value[0]}:{value[1]!r}"


def compare_book(label, ours, others):
    """`ours`: openpyxl's sheets; `others`: reader -> its sheets."""
    names = [n for n, _ in ours]
    for reader, sheets in others.items():
        theirs = [n for n, _ in sheets]
        if theirs != names:
            fail(f"{label} ({reader})", f"bladen {theirs}, openpyxl {names}")
    for name, cells in ours:
        for reader, sheets in others.items():
            found = dict(sheets).get(name)
            if found is None:
                continue
            wrong = []
            for pos in sorted(set(cells) | set(found)):
                if not agrees(reader, cells.get(pos), found.get(pos)):
                    wrong.append(f"{ref(*pos)} openpyxl {show(cells.get(pos))}, "
                                 f"{reader} {show(found.get(pos))}")
            if wrong:
                fail(f"{label} '{name}' ({reader})",
                     f"{len(wrong)} celler skiljer, t.ex.\n      " + "\n      ".join(wrong[:8]))


# --- Defined names, notes, print settings ----------------------------------------------------

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def unquote_sheet(text):
    return text[1:-1].replace("''", "'") if text.startswith("'") else text


def split_union(value):
    """`'A, b'!$1:$1,B!$A:$A` -> [("'A, b'", "$1:$1"), ("B", "$A:$A")]: sheets as written."""
    return re.findall(r"('(?:[^']|'')+'|[^'!,]+)!([^,]+)", value)


def print_titles(value, sheet):
    """(rows, columns) of a Print_Titles value, each like '6:7' / 'A:C' or None; raises on a
    form Excel does not write (another sheet, another order, a cell range)."""
    parts = split_union(value)
    if not parts or ",".join(f"{s}!{r}" for s, r in parts) != value:
        raise ValueError(value)
    rows = cols = None
    for i, (s, r) in enumerate(parts):
        if unquote_sheet(s) != sheet:
            raise ValueError(value)
        if re.fullmatch(r"\$[0-9]+:\$[0-9]+", r) and rows is None:
            rows = r.replace("$", "")
        elif re.fullmatch(r"\$[A-Z]+:\$[A-Z]+", r) and cols is None and i == 0:
            cols = r.replace("$", "")
        else:
            raise ValueError(value)
    return rows, cols


def written_form(path, label):
    """What the workbook's XML says, per sheet name: its print titles (as written, and as rows
    and columns), print area, autofilter, filter database and notes. A form Excel does not
    write is a failure."""
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in
            ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("rel:Relationship", NS)}
    sheets = []
    for s in book.findall("m:sheets/m:sheet", NS):
        target = rels[s.get(f"{{{NS['r']}}}id")].lstrip("/")
        sheets.append((s.get("name"), target if target.startswith("xl/") else "xl/" + target))
    info = {name: {"titles": None, "area": None, "filter": None, "database": None, "notes": {}}
            for name, _ in sheets}
    for d in book.findall("m:definedNames/m:definedName", NS):
        name, local, value = d.get("name"), d.get("localSheetId"), d.text or ""
        if not name.startswith("_xlnm."):
            continue
        where = f"{label} definedName {name}"
        if local is None:
            fail(where, "saknar localSheetId (Excel skriver bladets nummer)")
            continue
        sheet = sheets[int(local)][0]
        if name == "_xlnm.Print_Titles":
            try:
                info[sheet]["titles"] = (value, print_titles(value, sheet))
            except ValueError:
                fail(where, f"{value!r} är inte Excels form ('Blad'!$A:$C,'Blad'!$6:$7)")
        elif name == "_xlnm.Print_Area":
            if not re.fullmatch(r"(?:'(?:[^']|'')+'|[^'!]+)!\$[A-Z]+\$[0-9]+:\$[A-Z]+\$[0-9]+",
                                value):
                fail(where, f"{value!r} är inte Excels form ('Blad'!$A$1:$H$20)")
            info[sheet]["area"] = value
        elif name == "_xlnm._FilterDatabase":
            if d.get("hidden") != "1":
                fail(where, "ska vara dolt (hidden=\"1\"), som Excel skriver det")
            info[sheet]["database"] = value
    for name, target in sheets:
        xml = ET.fromstring(z.read(target))
        f = xml.find("m:autoFilter", NS)
        info[name]["filter"] = f.get("ref") if f is not None else None
        database = info[name]["database"]
        if info[name]["filter"] or database:
            expect = None
            if info[name]["filter"]:
                a, b = info[name]["filter"].split(":")
                ab = [re.fullmatch(r"([A-Z]+)([0-9]+)", x).groups() for x in (a, b)]
                expect = "!" + ":".join(f"${c}${r}" for c, r in ab)
            if database is None or expect is None or not database.endswith(expect) or \
                    unquote_sheet(database[:-len(expect)]) != name:
                fail(f"{label} '{name}'", f"autofiltret {info[name]['filter']} och "
                                         f"_xlnm._FilterDatabase {database!r} hör inte ihop")
        rels_part = re.sub(r"([^/]+)$", r"_rels/\1.rels", target)
        if rels_part in z.namelist():
            targets = {r.get("Type").rsplit("/", 1)[-1]: r.get("Target") for r in
                       ET.fromstring(z.read(rels_part)).findall("rel:Relationship", NS)}
            if "comments" in targets:
                if xml.find("m:legacyDrawing", NS) is None or "vmlDrawing" not in targets:
                    fail(f"{label} '{name}'", "anteckningar utan VML-ritningen som visar dem")
                part = os.path.normpath(os.path.join(os.path.dirname(target),
                                                     targets["comments"]))
                comments = ET.fromstring(z.read(part))
                for c in comments.findall("m:commentList/m:comment", NS):
                    text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
                    info[name]["notes"][c.get("ref")] = text
    return info


def plain_range(value):
    """'Blad'!$A$1:$H$20 -> A1:H20."""
    return value.rsplit("!", 1)[-1].replace("$", "") if value else None


def settings_openpyxl(wb):
    out = {}
    for ws in wb.worksheets:
        rows = (ws.print_title_rows or "").replace("$", "") or None
        cols = (ws.print_title_cols or "").replace("$", "") or None
        notes = {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row
                 if c.comment is not None}
        out[ws.title] = {"titles": (rows, cols) if rows or cols else None,
                         "area": plain_range(ws.print_area), "filter": ws.auto_filter.ref or None,
                         "notes": notes}
    return out


def settings_sheetjs(book):
    order = [s["name"] for s in book["sheets"]]
    names = {(order[n["sheet"]], n["name"]): n["ref"] for n in book["names"]
             if n["sheet"] is not None}
    out = {}
    for s in book["sheets"]:
        titles = names.get((s["name"], "_xlnm.Print_Titles"))
        try:
            titles = print_titles(titles, s["name"]) if titles else None
        except ValueError:
            titles = ("?", titles)
        out[s["name"]] = {"titles": titles,
                          "area": plain_range(names.get((s["name"], "_xlnm.Print_Area"))),
                          "filter": s["filter"], "notes": s["notes"]}
    return out


def settings_gnumeric(path, work, index, written):
    """Gnumeric's own file of the workbook (ssconvert to Gnumeric XML): its names, filters and
    notes per sheet. Print titles of rows it holds as the rows' cells ($A$3:$XFD$3), of columns
    as the columns' ($A$1:$C$1048576); a union it could not read (see "Gnumeric's limit") as
    error("…"), taken here as what was written when it is exactly that text. Print_Area #REF! is
    Gnumeric's placeholder for none."""
    file = os.path.join(work, "gnumeric", f"{index}.gnumeric.xml")
    subprocess.run(["ssconvert", "-T", "Gnumeric_XmlIO:sax:0", path, file],
                   capture_output=True, text=True, timeout=300)
    if not os.path.exists(file):
        fail(f"{os.path.basename(path)} (Gnumeric)", "ssconvert skrev ingen Gnumeric-fil")
        return {}
    gnm = "{http://www.gnumeric.org/v10.dtd}"
    out = {}
    for sheet in ET.parse(file).getroot().iter(gnm + "Sheet"):
        name = sheet.findtext(gnm + "Name")
        names = {n.findtext(gnm + "name"): n.findtext(gnm + "value")
                 for n in sheet.findall(f"{gnm}Names/{gnm}Name")}
        titles = names.get("Print_Titles")
        want = (written.get(name) or {}).get("titles")
        if titles is None:
            pass
        elif want and titles == f'error("{want[0]}")' and all(want[1]):
            titles = want[1]
        else:
            m = re.fullmatch(r"(?:'(?:[^']|'')+'|[^'!]+)!\$([A-Z]+)\$([0-9]+):\$([A-Z]+)\$([0-9]+)",
                             titles)
            if m and m.group(1) == "A" and m.group(3) == "XFD":
                titles = (f"{m.group(2)}:{m.group(4)}", None)
            elif m and m.group(2) == "1" and m.group(4) == "1048576":
                titles = (None, f"{m.group(1)}:{m.group(3)}")
            else:
                titles = ("?", titles)
        area = names.get("Print_Area")
        f = sheet.find(f"{gnm}Filters/{gnm}Filter")
        notes = {c.get("ObjectBound"): c.get("Text")
                 for c in sheet.findall(f"{gnm}Objects/{gnm}CellComment")}
        out[name] = {"titles": titles, "area": None if area in (None, "#REF!") else
                     plain_range(area), "filter": f.get("Area") if f is not None else None,
                     "notes": notes}
    return out


def check_settings(label, written, readers, gnumeric_messages):
    """Every reader reads the print titles, print areas, autofilters and notes the XML has;
    Gnumeric warns only as its limits above allow."""
    for name, w in written.items():
        want = {"titles": w["titles"][1] if w["titles"] else None, "area": plain_range(w["area"]),
                "filter": w["filter"], "notes": w["notes"]}
        for reader, settings in readers.items():
            got = settings.get(name)
            if got is None:
                fail(f"{label} '{name}' ({reader})", "bladet saknas")
                continue
            for what, word in (("titles", "utskriftsrubrikerna"), ("area", "utskriftsområdet"),
                               ("filter", "autofiltret")):
                if got[what] != want[what]:
                    fail(f"{label} '{name}' ({reader})",
                         f"{word} {got[what]!r}, skrivet {want[what]!r}")
            if got["notes"] != want["notes"]:
                wrong = sorted(k for k in set(got["notes"]) | set(want["notes"])
                               if got["notes"].get(k) != want["notes"].get(k))
                fail(f"{label} '{name}' ({reader})", f"anteckningarna skiljer i {wrong[:8]}")
    # Gnumeric's limits: a union of columns and rows in Print_Titles; a note's VML shape (it
    # reads the notes from the comments part and says so for each shape; the notes themselves
    # are compared above). Anything else it says is a failure.
    unions = {w["titles"][0] for w in written.values() if w["titles"] and all(w["titles"][1])}
    notes = sum(len(w["notes"]) for w in written.values())
    other = {}
    for m in gnumeric_messages:
        g = re.fullmatch(r"At A1: '(.*)' Multiple expressions are not supported in this context",
                         m)
        if g and g.group(1) in unions:
            continue
        if m == "Unhandled object of type Note" and notes > 0:
            notes -= 1
            continue
        key = re.sub(r"^\*\* \(ssconvert:[0-9]+\): (\w+) \*\*: [0-9:.]+: ", r"\1: ", m)
        other[key] = other.get(key, 0) + 1
    for m, n in sorted(other.items(), key=lambda x: -x[1])[:5]:
        fail(f"{label} (Gnumeric)", f"{m}" + (f" ({n} gånger)" if n > 1 else ""))
    if len(other) > 5:
        fail(f"{label} (Gnumeric)", f"och {len(other) - 5} andra meddelanden")


# --- The run --------------------------------------------------------------------------------

def install_sheetjs():
    """`npm ci` in tests/ when tests/node_modules lacks the pinned xlsx or is older than the
    lock file."""
    installed = os.path.join(TESTS, "node_modules", "xlsx", "package.json")
    marker = os.path.join(TESTS, "node_modules", ".package-lock.json")
    lock = os.path.join(TESTS, "package-lock.json")
    if os.path.exists(installed) and os.path.exists(marker) and \
            os.path.getmtime(marker) >= os.path.getmtime(lock):
        return
    print("Installerar SheetJS (npm ci i tests/)")
    run = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                         cwd=TESTS, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        print("FEL: npm ci i tests/ misslyckades")
        sys.exit(1)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    arsanalys, round_dir, work = sys.argv[1:]
    missing = [tool for tool in ("ssconvert", "node", "npm") if shutil.which(tool) is None]
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        missing.append("soffice")
    if missing:
        skip(f"saknas: {', '.join(missing)} (scripts/test.sh installerar LibreOffice och "
             "Gnumeric; node och npm är maskinens Node.js)")
    install_sheetjs()

    os.makedirs(work, exist_ok=True)
    for entry in os.listdir(work):  # all but LibreOffice's profile
        if entry != "lo-profile":
            shutil.rmtree(os.path.join(work, entry))
    out = os.path.join(work, "ut")
    run = subprocess.run([arsanalys, "run", round_dir, "-o", out], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"FEL: arsanalys run slutade med {run.returncode}: {run.stderr}")
        sys.exit(1)
    # The year-end settlement's workbooks too, where the round has an outcome (the sample's is
    # invented): slutreglering.xlsx and slutreglering/kunder/*.xlsx.
    utfall = os.path.join(round_dir, "utfall.xlsx")
    if os.path.exists(utfall):
        settle = subprocess.run([arsanalys, "slutreglering", round_dir, "--utfall", utfall,
                                 "-o", out], capture_output=True, text=True)
        if settle.returncode not in (0, 1):
            print(f"FEL: arsanalys slutreglering slutade med {settle.returncode}: {settle.stderr}")
            sys.exit(1)
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs
                   if f.endswith(".xlsx"))
    rel = {p: os.path.relpath(p, out) for p in paths}
    for expected in ("sammanstallning.xlsx", "beslutsbilaga.xlsx", "fordelning.xlsx"):
        if expected not in rel.values():
            fail(out, f"{expected} saknas")
    for folder in ("kunder", "granskning"):
        if not any(r.startswith(folder + os.sep) for r in rel.values()):
            fail(out, f"inga arbetsböcker i {folder}/")

    seconds = {}

    def timed(reader, f, *args):
        start = time.monotonic()
        result = f(*args)
        seconds[reader] = seconds.get(reader, 0) + time.monotonic() - start
        return result

    # LibreOffice converts all workbooks in the background while the others read them.
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    converting = pool.submit(timed, "LibreOffice", read_libreoffice, paths, work)
    sheetjs = timed("SheetJS", read_sheetjs, paths)
    cells = 0
    read = []
    for i, p in enumerate(paths):
        label = rel[p]
        ours, wb = timed("openpyxl", read_openpyxl, p)
        cells += sum(len(c) for _, c in ours)
        for name, c in ours:
            if any(v[0] == "d" for v in c.values()):
                fail(f"{label} '{name}'", "har ett datum: jämförelsen saknar regel för det")
        gnumeric, messages = timed("Gnumeric", read_gnumeric, p, work, i)
        others = {"Gnumeric": gnumeric}
        if p in sheetjs:
            others["SheetJS"] = sheetjs[p][0]
        compare_book(label, ours, others)
        read.append((label, ours, p))
        written = written_form(p, label)
        readers = {"openpyxl": settings_openpyxl(wb),
                   "Gnumeric": timed("Gnumeric", settings_gnumeric, p, work, i, written)}
        if p in sheetjs:
            readers["SheetJS"] = settings_sheetjs(sheetjs[p][1])
        check_settings(label, written, readers, messages)

    libreoffice = converting.result()
    pool.shutdown()
    for label, ours, p in read:
        compare_book(label, ours, {"LibreOffice": libreoffice.get(p, [])})
    print("Läsarnas tid: " + ", ".join(f"{r} {t:.1f} s" for r, t in seconds.items()))
    if failures:
        print("\n".join(failures))
        print(f"FEL: {len(failures)} skillnader mellan läsarna i {len(paths)} arbetsböcker")
        sys.exit(1)
    print(f"{len(paths)} arbetsböcker, {cells} celler: openpyxl, LibreOffice, Gnumeric och "
          "SheetJS läser samma blad och värden")


if __name__ == "__main__":
    main()
