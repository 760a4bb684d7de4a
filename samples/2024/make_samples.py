#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Bygger exempelomgången samples/2024/ för arsanalys.

    /usr/bin/python3 samples/2024/make_samples.py

Skriver (och skriver över):
    leverantorer/demokrati.xlsx     Nämnden för demokrati och medborgarservice, "inklistrad från Word"
    leverantorer/inkop.xlsx         Nämnden för inköp och upphandling, "ifylld i mallen"
    leverantorer/intraservice.xlsx  Nämnden för Intraservice, "områdes- och tjänstenivå"
    kunder.xlsx                     kunder, volymmått (PÅHITTADE), nycklar, tjänst -> nyckel

Leverantörernas text och belopp är tagna ordagrant ur deras verkliga Årlig analys 2024
(seeds/003_963a95057202cba2.txt, se docs/seed-2024.md). Raderna finns längst ned i den här
filen (SEED_TEXT), var och en med sitt radnummer i seed 003, så att varje cell kan spåras
tillbaka till källan. Fel och egenheter i underlagen (50 733, 77 587, 134,800, -21 200,
Ledning 7 000 mot 5 000 osv.) är medvetet kvar. Se README.md.

Kräver openpyxl (Debian: python3-openpyxl 3.0.9, alltså /usr/bin/python3). Utdata är
bytestabil: fasta dokumentegenskaper och fasta tidsstämplar i zip-arkivet.
"""

import datetime
import io
import math
import os
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime.datetime(2024, 3, 15, 0, 0, 0)
ZIP_TIME = (2024, 3, 15, 0, 0, 0)
CREATOR = "arsanalys exempel"

# Leverantörernas namn, exakt som arbetsböckerna skriver dem (och som omgang.toml och
# kunder.xlsx använder).
DMS = "Nämnden för demokrati och medborgarservice"
INK = "Nämnden för inköp och upphandling"
IS = "Nämnden för Intraservice"

# ---------------------------------------------------------------------------------------
# Seed-raderna
# ---------------------------------------------------------------------------------------

SEED = {}


def load_seed():
    for line in SEED_TEXT.strip("\n").split("\n"):
        num, _, text = line.partition("|")
        SEED[int(num)] = text


def seed_lines(first, last):
    return [(n, SEED[n]) for n in range(first, last + 1)]


# ---------------------------------------------------------------------------------------
# Stilar
# ---------------------------------------------------------------------------------------

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOTAL_BORDER = Border(left=THIN, right=THIN, top=Side(style="medium"), bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
FORM_HEAD_FILL = PatternFill("solid", fgColor="BDD7EE")
FORM_SUB_FILL = PatternFill("solid", fgColor="DDEBF7")
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
TKR = "#,##0"          # visas som "# ##0" med svenska inställningar
WRAP_TOP = Alignment(wrap_text=True, vertical="top")

NUM_RE = re.compile(r"^\d{1,3}(?: \d{3})*$")          # "83 100", "0", "2 000"
PCT_RE = re.compile(r"^(\d{1,3})%$")                   # "92%"
YEAR_RE = re.compile(r"^20\d\d$")
SECTION_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S")
BOLD_LINES = {
    "Leverantörens analys", "Leverantörs analys", "Bakgrund till redovisad information",
    "Ekonomiska förutsättningar", "Gemensamma tjänster", "Digital infrastruktur",
    "Ekonomi", "HR", "Kommunikation", "Ledning och styrning",
    "Tilläggs-, specialist- och verksamhetsspecifika tjänster", "Ambitionsanpassning 2024",
    "Tabell Gemensamma tjänster", "Tabell Digital infrastruktur",
    "Extern service och kommunikation", "Demokratistärkande metoder och verktyg",
}
FORM_HEADS = ("Föreslagen förändringsinsats", "Pågående förändringsinsats")
FORM_SUBHEADINGS = {"Strategisk del", "Informationssäkerhet", "Informationssäker het",
                    "Teknisk del", "Ekonomisk del"}
GROUP_HEADERS = {"Utvecklingskostnad", "Värde Förändringsinsats"}
AREAS = {"Ekonomi", "HR", "Digital infrastruktur", "Kommunikation", "Ledning och styrning",
         "Ledning/styrning", "Ledning, styrning"}


def clean(raw):
    """Seedens HTML-rester (från Word-konverteringen) blir vanlig celltext.

    <p>a</p> <p>b</p> -> två rader i cellen; <ul …>• a• b -> punktlista med radbrytningar;
    <i>…</i> och <u>…</u> som omsluter hela cellen blir kursiv/understruken stil;
    **fet** -> fet (markeringen tas bort). Returnerar (text, kursiv, understruken).
    """
    s = raw
    italic = bool(re.fullmatch(r"<i>.*</i>", s))
    underline = bool(re.fullmatch(r"<u>.*</u>", s))
    had_list = "<ul" in s
    s = s.replace("**", "")
    s = re.sub(r"<ul[^>]*>", "\n", s)
    s = re.sub(r"</p>\s*<p>", "\n", s)
    s = re.sub(r"</?(?:p|i|u)>", "", s)
    if had_list and "•" in s:
        s = re.sub(r"\s*•\s*", "\n• ", s)
    s = re.sub(r" *\n[ \n]*", "\n", s).strip()
    return s, italic, underline


def est_lines(text, width_chars):
    if not text:
        return 1
    n = 0
    for part in str(text).split("\n"):
        n += max(1, math.ceil(len(part) / max(width_chars * 1.15, 1)))
    return n


def fit_to_width(ws):
    """Utskrift: liggande, en sida bred."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


class Sheet:
    """Skriver rader uppifrån och ned på ett blad, som när man klistrar in från Word."""

    def __init__(self, ws, widths, tidy=False):
        self.ws = ws
        self.row = 1
        self.widths = widths
        self.tidy = tidy
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        if tidy:
            fit_to_width(ws)
        else:
            ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = ws.PAPERSIZE_A4

    def width(self, col):
        return self.widths[col - 1] if col - 1 < len(self.widths) else 10

    def text(self, value, bold=False, size=None, italic=False):
        c = self.ws.cell(row=self.row, column=1, value=value)
        if bold or size or italic:
            c.font = Font(bold=bold, size=size or 11, italic=italic)
        self.row += 1
        return c

    def label(self, label, value, number_format=None):
        a = self.ws.cell(row=self.row, column=1, value=label)
        a.font = Font(bold=True)
        b = self.ws.cell(row=self.row, column=2, value=value)
        if number_format:
            b.number_format = number_format
            b.alignment = Alignment(horizontal="left")
        self.row += 1

    def blank(self, n=1):
        self.row += n

    def set_height(self, row, cells):
        lines = 1
        for col, val, wrap in cells:
            if wrap and isinstance(val, str):
                lines = max(lines, est_lines(val, self.width(col)))
        if lines > 1:
            self.ws.row_dimensions[row].height = min(409, 15 * lines)

    # -- inklistring av seed-rader ------------------------------------------------------

    def paste(self, first, last, numeric=False, tidy=False):
        """Klistrar in seed-raderna first..last.

        En rad utan TAB blir en textrad i kolumn A. En rad med TAB blir en tabellrad, en cell
        per fält. Tomma rader mellan två tabellrader (sidbrytningar i Word) tas bort, utom
        före ett nytt formulär. numeric: tal som "83 100" blir heltal (tkr) med formatet
        # ##0; annan text ("-", "=", "134,800", "-21 200") står kvar som text.
        tidy: mallens prydliga variant (inga konverteringsrester "--", fortsättningsrader i
        formulär slås ihop med raden ovanför, "92%" blir procenttal, årtal i rubrik blir tal).
        """
        items = self._items(seed_lines(first, last), tidy)
        for i, it in enumerate(items):
            if it[0] == "blank":
                self.blank()
            elif it[0] == "text":
                nxt = self._next_block(items, i)
                self._text_item(it[2], nxt)
            else:
                rows = it[1]
                if rows[0][1][0].startswith(FORM_HEADS):
                    self._form(rows, tidy)
                else:
                    self._table(rows, numeric, tidy)

    @staticmethod
    def _items(lines, tidy):
        items = []
        for idx, (n, t) in enumerate(lines):
            if not t.strip():
                prev = next((x for x in reversed(items) if x[0] != "blank"), None)
                nxt = next((u for _, u in lines[idx + 1:] if u.strip()), None)
                if (prev is not None and prev[0] == "row" and nxt is not None and "\t" in nxt
                        and not nxt.startswith(FORM_HEADS[0])):
                    continue
                if items and items[-1][0] == "blank":
                    continue
                items.append(("blank",))
            elif "\t" in t:
                cells = t.split("\t")
                if tidy and all(re.fullmatch(r"-*", c) for c in cells):
                    continue            # konverteringsrest "--\t--"
                items.append(("row", n, cells))
            else:
                items.append(("text", n, t))
        while items and items[-1][0] == "blank":
            items.pop()
        # Slå ihop tabellrader till block.
        out = []
        for it in items:
            if it[0] == "row":
                if out and out[-1][0] == "block":
                    out[-1][1].append((it[1], it[2]))
                else:
                    out.append(("block", [(it[1], it[2])]))
            else:
                out.append(it)
        return out

    @staticmethod
    def _next_block(items, i):
        j = i + 1
        if j < len(items) and items[j][0] == "blank":
            j += 1
        if j < len(items) and items[j][0] == "block":
            rows = items[j][1]
            if not rows[0][1][0].startswith(FORM_HEADS):
                return rows
        return None

    def _text_item(self, raw, next_block):
        s, italic, _ = clean(raw)
        if next_block is not None and s not in BOLD_LINES | AREAS:
            # Tabellens rubrik: fet, sammanfogad över tabellens bredd, radbruten.
            width = self._block_width(next_block)
            c = self.ws.cell(row=self.row, column=1, value=s)
            c.font = Font(bold=True)
            c.alignment = WRAP_TOP
            if width > 1:
                self.ws.merge_cells(start_row=self.row, start_column=1,
                                    end_row=self.row, end_column=width)
            total = sum(self.width(k) for k in range(1, width + 1))
            lines = est_lines(s, total)
            if lines > 1:
                self.ws.row_dimensions[self.row].height = min(409, 15 * lines)
            self.row += 1
            return
        if SECTION_RE.match(s) and len(s) < 100:
            self.text(s, bold=True, size=12)
        elif s in BOLD_LINES or s in AREAS:
            self.text(s, bold=True)
        elif self.tidy:
            # Mallen: stycket i en sammanfogad, radbruten cell över bladets bredd.
            c = self.text(s, italic=italic)
            c.alignment = WRAP_TOP
            r, n = c.row, len(self.widths)
            if n > 1:
                self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
            lines = est_lines(s, sum(self.widths))
            if lines > 1:
                self.ws.row_dimensions[r].height = min(409, 15 * lines)
        else:
            self.text(s, italic=italic)   # inklistrat: stycket i kolumn A, flödar ut åt höger

    @staticmethod
    def _block_width(rows):
        w = 1
        for _, cells in rows:
            last = max((k for k, c in enumerate(cells) if c.strip()), default=0)
            w = max(w, last + 1)
        return w

    def _table(self, rows, numeric, tidy):
        width = self._block_width(rows)
        first_label = rows[0][1][0]
        detail = any(len(c) > 1 and c[1] in GROUP_HEADERS for _, c in rows)
        in_header = True
        for i, (n, cells) in enumerate(rows):
            cells = (cells + [""] * width)[:width]
            vals = []
            for j, raw in enumerate(cells):
                s, italic, underline = clean(raw)
                v = s if s != "" else None
                fmt = None
                if v is not None and j > 0 and numeric and NUM_RE.match(s):
                    v, fmt = int(s.replace(" ", "")), TKR
                elif v is not None and j > 0 and tidy and PCT_RE.match(s):
                    v, fmt = int(PCT_RE.match(s).group(1)) / 100, "0%"
                vals.append((v, fmt, italic, underline))
            has_num = any(isinstance(v, int) for v, *_ in vals[1:])
            label = vals[0][0] or ""
            repeated = (i > 0 and (label == first_label
                                   or (label == "" and width > 1 and vals[1][0] in GROUP_HEADERS)))
            header = (i == 0 or repeated
                      or (in_header and label == "" and not has_num)
                      or any(isinstance(v, str) and v.startswith("(Förändring") for v, *_ in vals))
            if not header:
                in_header = False
            if header and tidy:
                vals = [(int(v), "0", it, un) if isinstance(v, str) and YEAR_RE.match(v)
                        else (v, f, it, un) for v, f, it, un in vals]
            total = label.startswith(("Total", "Summa"))
            subtotal = label == "" and has_num
            area_row = detail and label in AREAS
            heights = []
            for j, (v, fmt, italic, underline) in enumerate(vals, start=1):
                c = self.ws.cell(row=self.row, column=j, value=v)
                c.border = TOTAL_BORDER if total else BORDER
                bold = header or total or subtotal or area_row
                if bold or italic or underline:
                    c.font = Font(bold=bold, italic=italic,
                                  underline="single" if underline else None)
                if header:
                    c.fill = HEADER_FILL
                if fmt:
                    c.number_format = fmt
                else:
                    c.alignment = WRAP_TOP
                heights.append((j, v, fmt is None))
            if header and width >= 7 and vals[1][0] in GROUP_HEADERS:
                self.ws.merge_cells(start_row=self.row, start_column=2,
                                    end_row=self.row, end_column=4)
                self.ws.merge_cells(start_row=self.row, start_column=5,
                                    end_row=self.row, end_column=7)
            self.set_height(self.row, heights)
            self.row += 1

    def _form(self, rows, tidy):
        merged = []
        for n, cells in rows:
            cells = [clean(c)[0] for c in cells]
            if tidy and merged and cells[0] == "" and len(cells) > 1:
                merged[-1][1] = (merged[-1][1] + "\n" + cells[1]).strip()
                continue
            merged.append([cells[0], cells[1] if len(cells) > 1 else ""] + cells[2:])
        for cells in merged:
            label, value = cells[0], cells[1]
            a = self.ws.cell(row=self.row, column=1, value=label or None)
            a.alignment = WRAP_TOP
            a.border = BORDER
            b = self.ws.cell(row=self.row, column=2, value=value or None)
            b.alignment = WRAP_TOP
            b.border = BORDER
            if label.startswith(FORM_HEADS):
                a.font = Font(bold=True, size=12)
                a.fill = b.fill = FORM_HEAD_FILL
                if value:
                    b.font = Font(bold=True, size=12)
                else:
                    self.ws.merge_cells(start_row=self.row, start_column=1,
                                        end_row=self.row, end_column=2)
            elif label in FORM_SUBHEADINGS and not value:
                a.font = Font(bold=True)
                a.fill = b.fill = FORM_SUB_FILL
                self.ws.merge_cells(start_row=self.row, start_column=1,
                                    end_row=self.row, end_column=2)
            else:
                a.fill = LABEL_FILL
            self.set_height(self.row, [(1, label, True), (2, value, True)])
            self.row += 1


# ---------------------------------------------------------------------------------------
# Arbetsböcker
# ---------------------------------------------------------------------------------------

def new_workbook(title, creator=CREATOR, time=FIXED_TIME):
    wb = Workbook()
    wb.remove(wb.active)
    p = wb.properties
    p.creator = creator
    p.lastModifiedBy = creator
    p.created = time
    p.modified = time
    p.title = title
    return wb


def save(wb, path, zip_time=ZIP_TIME):
    """Sparar atomärt och bytestabilt (fasta tidsstämplar i zip-arkivet).
    Används också av bench/gen_round.py."""
    raw = io.BytesIO()
    wb.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=zip_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, src.read(info.filename))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out.getvalue())
    os.replace(tmp, path)


def title_lines(sh, title_line, name_line):
    sh.text(SEED[title_line], bold=True, size=16)
    sh.blank()
    sh.text(SEED[name_line], bold=True, size=14)
    sh.blank()


def build_dms(path):
    """Demokrati och medborgarservice: Word-dokumentet inklistrat på två blad.

    Belopp är text ("23 588 tkr", "6500 tkr"), precis som i dokumentet.
    """
    wb = new_workbook("Årlig analys 2024 – " + DMS)
    sh = Sheet(wb.create_sheet("Blad1"), [58, 100])
    title_lines(sh, 5, 7)
    sh.paste(147, 390)                       # 2 Förslag på nya förändringsinsatser, 8 formulär
    sh = Sheet(wb.create_sheet("Blad2"), [42, 24, 16, 18, 12, 12, 12])
    sh.paste(392, 463)                       # 3.1a, 3.1b, 3.1c, 3.2 med text emellan
    save(wb, path)


def build_ink(path):
    """Inköp och upphandling: prydligt ifylld i mallen, ett blad per avsnitt.

    Belopp är tal (heltal, tkr, format # ##0). Summeringsraderna är tal lika med det
    inlämnade (openpyxl kan inte skriva formler med sparade värden).
    """
    wb = new_workbook("Årlig analys 2024 – " + INK)
    sh = Sheet(wb.create_sheet("Försättsblad"), [24, 60], tidy=True)
    sh.text(SEED[498], bold=True, size=16)
    sh.blank()
    sh.label("Leverantör", SEED[500])
    sh.label("Analysår", 2024)
    sh.label("Inlämnad", datetime.datetime(2023, 3, 10), "yyyy-mm-dd")
    sh.blank()
    sh.text("Alla belopp anges i tkr (tusental kronor).", italic=True)

    sections = [
        ("1 Befintliga tjänster", 517, 588, [40, 45, 60, 45], False),
        ("2 Förslag", 590, 602, [100], False),
        ("3.1a Förvaltningskostnader", 604, 625, [42, 14, 14, 22], True),
        ("3.1b Utvecklingskostnader", 627, 644, [50, 14, 14, 22, 10, 10, 10], True),
        ("3.1c Nya förändringsinsatser", 646, 653, [30, 12, 12, 12, 10, 10, 10], True),
        ("3.2 Fördelningsnycklar", 655, 666, [40, 45, 50, 70], False),
        ("4 Långsiktig utveckling", 668, 697, [100], False),
    ]
    for name, first, last, widths, numeric in sections:
        sh = Sheet(wb.create_sheet(name), widths, tidy=True)
        sh.paste(first, last, numeric=numeric, tidy=True)
    save(wb, path)


def build_is(path):
    """Intraservice: avsnitt 2.2 och 3 på egna blad; 3.1a–c både per område och per tjänst."""
    wb = new_workbook("Årlig analys 2024 – " + IS)
    sh = Sheet(wb.create_sheet("Försättsblad"), [60])
    title_lines(sh, 701, 703)
    sh = Sheet(wb.create_sheet("2.2 Förändringsinsatser"), [58, 100, 22])
    sh.paste(1472, 1932)                     # 2 empty template forms, GT 1–7, DI1–5, lists
    sh = Sheet(wb.create_sheet("Sammanställning"), [24, 12, 10, 14, 14, 14, 16, 16])
    sh.paste(1946, 1979, numeric=True)
    sh = Sheet(wb.create_sheet("3.1a Förvaltningskostnader"), [50, 12, 22, 26])
    sh.paste(1981, 2134, numeric=True)
    sh = Sheet(wb.create_sheet("3.1b Utvecklingskostnader"), [50, 12, 12, 14, 14, 14, 14])
    sh.paste(2136, 2251, numeric=True)
    sh = Sheet(wb.create_sheet("3.1c Nya förändringsinsatser"), [46, 12, 12, 12, 18, 14, 14])
    sh.paste(2253, 2347, numeric=True)
    sh = Sheet(wb.create_sheet("3.2 Fördelningsnycklar"), [42, 26, 18, 30])
    sh.paste(2349, 2393)
    save(wb, path)


# ---------------------------------------------------------------------------------------
# kunder.xlsx
# ---------------------------------------------------------------------------------------
# Namnen är förvaltningarnas och bolagens offentliga namn (de som nämns i underlagen,
# kompletterade med stadens övriga välkända). ALLA VOLYMER ÄR PÅHITTADE för exemplet.

MEASURES = ["Antal anställda", "Administrativa datorer", "Antal beställare",
            "Digitala fakturor", "Pappersfakturor", "Anknytningar", "Ärendetid",
            "Stadshus AB-nyckel"]

# Kund-id, Namn, Typ, anställda, adm. datorer, beställare, digitala fakturor,
# pappersfakturor, anknytningar, ärendetid (timmar), Stadshus AB-nyckel (%)
F, B = "Förvaltning", "Bolag"
CUSTOMERS = [
    ("SLK", "Stadsledningskontoret", F, 900, 880, 60, 9500, 300, 950, 310, None),
    ("UBF", "Utbildningsförvaltningen", F, 4900, 3100, 420, 98000, 3600, 4600, 1450, None),
    ("GSF", "Grundskoleförvaltningen", F, 12600, 7900, 1350, 265000, 9800, 11800, 4900, None),
    ("FSK", "Förskoleförvaltningen", F, 7700, 2900, 780, 142000, 5300, 6900, 3100, None),
    ("SFC", "Socialförvaltningen Centrum", F, 2800, 1900, 190, 61000, 2400, 2500, 2300, None),
    ("SFH", "Socialförvaltningen Hisingen", F, 3300, 2200, 220, 70000, 2700, 2900, 2700, None),
    ("SFNO", "Socialförvaltningen Nordost", F, 3700, 2400, 240, 76000, 3000, 3200, 3200, None),
    ("SFSV", "Socialförvaltningen Sydväst", F, 3100, 2100, 210, 66000, 2600, 2800, 2500, None),
    ("AVO", "Äldre samt vård- och omsorgsförvaltningen", F,
     9900, 3800, 560, 188000, 7900, 7400, 3900, None),
    ("FFS", "Förvaltningen för funktionsstöd", F, 5000, 2300, 330, 104000, 4100, 4300, 2100, None),
    ("FK", "Fastighetskontoret", F, 290, 300, 45, 12500, 500, 330, 820, None),
    ("SBF", "Stadsbyggnadsförvaltningen", F, 430, 450, 35, 6200, 200, 470, 1150, None),
    ("SMF", "Stadsmiljöförvaltningen", F, 680, 690, 120, 38000, 1500, 760, 2050, None),
    ("MF", "Miljöförvaltningen", F, 240, 250, 25, 3900, 150, 270, 640, None),
    ("KOV", "Kretslopp och vatten", F, 820, 560, 140, 52000, 2100, 880, 1900, None),
    ("KUF", "Kulturförvaltningen", F, 1050, 780, 160, 41000, 1700, 1100, 560, None),
    ("IOF", "Idrotts- och föreningsförvaltningen", F, 720, 410, 110, 33000, 1400, 760, 690, None),
    ("SFF", "Stadsfastighetsförvaltningen", F, 610, 580, 150, 86000, 3400, 650, 1280, None),
    ("IS", "Intraservice", F, 620, 640, 70, 21000, 400, 700, 180, None),
    ("INK", "Inköp och upphandling", F, 160, 165, 25, 2800, 60, 180, 90, None),
    ("DMS", "Demokrati och medborgarservice", F, 340, 330, 20, 3100, 80, 380, 160, None),
    ("REV", "Stadsrevisionen", F, 55, 58, 5, 600, 20, 60, 15, None),
    ("GSAB", "Göteborgs Stadshus AB", B, 35, 40, 4, 900, 10, None, None, 1.0),
    ("FRAM", "Förvaltnings AB Framtiden", B, 120, 130, 15, 6000, 150, None, None, 4.0),
    ("BOB", "Göteborgs Stads Bostadsaktiebolag", B, 330, 340, 45, 38000, 1100, None, None, 8.0),
    ("FAMB", "Familjebostäder i Göteborg AB", B, 290, 300, 40, 34000, 900, None, None, 7.0),
    ("POS", "Bostads AB Poseidon", B, 310, 320, 42, 36000, 950, None, None, 7.5),
    ("HIG", "Higab AB", B, 110, 115, 20, 14000, 400, None, None, 5.0),
    # Göteborg Energi, Renova och Liseberg ansluts till inköpstjänsterna först 2024/2025
    # (INK 1.2, seed 003 rad 541): 0 beställare och 0 fakturor här.
    ("GE", "Göteborg Energi AB", B, 1000, 1050, 0, 0, 0, None, None, 19.5),
    ("REN", "Renova AB", B, 620, 380, 0, 0, 0, None, None, 6.5),
    ("HAMN", "Göteborgs Hamn AB", B, 150, 150, 18, 5200, 160, None, None, 5.5),
    ("BRG", "Business Region Göteborg AB", B, 190, 200, 12, 3200, 70, None, None, 3.0),
    ("BOP", "Boplats Göteborg AB", B, 25, 28, 3, 400, 10, None, None, 0.5),
    ("LIS", "Liseberg AB", B, 400, 260, 0, 0, 0, None, None, 8.0),
    ("GOT", "Got Event AB", B, 430, 260, 35, 12000, 350, None, None, 6.0),
    ("GOCO", "Göteborg & Co Träffpunkt AB", B, 120, 125, 14, 4200, 90, None, None, 3.5),
    ("STT", "Göteborgs Stadsteater AB", B, 190, 110, 12, 3100, 80, None, None, 2.0),
    ("SPV", "Göteborgs Spårvägar AB", B, 850, 300, 40, 16000, 500, None, None, 7.0),
    ("PARK", "Parkering Göteborg", B, 160, 120, 16, 5000, 140, None, None, 4.5),
    ("LEAS", "Göteborgs Stads Leasing AB", B, 20, 22, 3, 1500, 20, None, None, 1.5),
]

ULA_NU = ("75% av kostnaden till Förvaltningarna där kostnaderna fördelas utifrån antal "
          "anställda 25% av kostnaden till Bolagen där kostnaderna fördelas utifrån Stadshus "
          "ABs fördelningsnyckel.")
ULA_FORSLAG = ("Inköp och upphandlingsnämnden står för 15% av totalkostnad. Resterande del 85 % "
               "av totalkostnaden fördelas som tidigare år 75% till förvaltningar och 25% till "
               "bolagen. 75% av kostnaden till Förvaltningarna där kostnaderna fördelas utifrån "
               "antal anställda 25% av kostnaden till Bolagen där kostnaderna fördelas utifrån "
               "Stadshus ABs fördelningsnyckel")

K_DATORER = "Administrativa datorer"
K_KC = "Kontaktcenter"
K_BEST = "Antal beställare"
K_FAKT = "Leverantörsfakturor"
K_7525 = "Förvaltningar 75 % och bolag 25 %"
K_ULA = "INK 15 %, förvaltningar 63,75 % och bolag 21,25 %"
K_IS_DI = "Intraservice digital infrastruktur"
K_IS_GT = "Intraservice gemensamma tjänster"

# Nyckel, Andel (%), Urval, Mått, Alias (";"-separerade)
KEYS = [
    # DMS 3.2 (seed 003 rad 453–455): administrativa datorer, bara nämnderna (rad 45–48).
    (K_DATORER, 100, "Typ=Förvaltning", "Administrativa datorer", ""),
    # DMS 3.2 (rad 452): grundbelopp + anknytningar + ärendetid, bara nämnderna (rad 52).
    # Andelarna 20/40/40 är PÅHITTADE: underlagen anger inga.
    (K_KC, 20, "Typ=Förvaltning", "lika",
     "Grundbelopp, antal anknötningar och ärendetid till kontaktcenter;"
     "Grundbelopp, antal anknytningar och ärendetid till kontaktcenter"),
    (K_KC, 40, "Typ=Förvaltning", "Anknytningar", ""),
    (K_KC, 40, "Typ=Förvaltning", "Ärendetid", ""),
    # INK 3.2 (rad 658): antal beställare.
    (K_BEST, 100, "alla", "Antal beställare", "Fördelas på antal beställare."),
    # INK 3.2 (rad 659): digitala och pappersfakturor prissätts olika. Vikten 3 är PÅHITTAD.
    (K_FAKT, 100, "alla", "Digitala fakturor + 3 * Pappersfakturor",
     "Fördelas på utifrån antal fakturor, uppdelat på digitala fakturor respektive "
     "pappersfakturor."),
    # INK 3.2 (rad 661–662): 75 % förvaltningar efter anställda, 25 % bolag efter
    # Stadshus AB:s nyckel.
    (K_7525, 75, "Typ=Förvaltning", "Antal anställda", ULA_NU),
    (K_7525, 25, "Typ=Bolag", "Stadshus AB-nyckel", ""),
    # INK:s förslag (rad 661): INK bär 15 %, resten 85 % som förut: 0,85 × 75 = 63,75 och
    # 0,85 × 25 = 21,25. INK är själv en förvaltning och deltar även i 63,75-steget
    # (underlagen säger inget om det; beslut för exemplet).
    (K_ULA, 15, "Kund=INK", "lika", ULA_FORSLAG),
    (K_ULA, 63.75, "Typ=Förvaltning", "Antal anställda", ""),
    (K_ULA, 21.25, "Typ=Bolag", "Stadshus AB-nyckel", ""),
    # Intraservice: underlagen innehåller INGEN nyckel (3.2 tom, prislistan 2023 saknas).
    # Båda nycklarna är PÅHITTADE för exemplet.
    (K_IS_DI, 100, "alla", "Administrativa datorer", ""),
    (K_IS_GT, 80, "Typ=Förvaltning", "Antal anställda", ""),
    (K_IS_GT, 20, "Typ=Bolag", "Stadshus AB-nyckel", ""),
    # Fasta andelar ur ett verkligt avtal mellan sex förvaltningar (seed 004 rad 365–376,
    # budget 2023). Används inte av någon tjänst i omgången; visar nyckelformen.
    ("Vård och omsorg (fasta andelar)", 8.6, "Kund=SFNO", "lika", ""),
    ("Vård och omsorg (fasta andelar)", 7.0, "Kund=SFC", "lika", ""),
    ("Vård och omsorg (fasta andelar)", 6.3, "Kund=SFH", "lika", ""),
    ("Vård och omsorg (fasta andelar)", 4.2, "Kund=SFSV", "lika", ""),
    ("Vård och omsorg (fasta andelar)", 40.6, "Kund=AVO", "lika", ""),
    ("Vård och omsorg (fasta andelar)", 33.3, "Kund=FFS", "lika", ""),
    ("Måltid (fasta andelar)", 33, "Kund=AVO", "lika", ""),
    ("Måltid (fasta andelar)", 36, "Kund=GSF", "lika", ""),
    ("Måltid (fasta andelar)", 26, "Kund=FSK", "lika", ""),
    ("Måltid (fasta andelar)", 5, "Kund=UBF", "lika", ""),
]

# Tjänstekatalogen 2024 (bladet Tjänster). Kategorierna följer beslutsbilagans listor
# "Bastjänsterna 2024" och "Digital infrastruktur 2024" (seed 003 rad 2778–2820: 28 bastjänster,
# 22 infrastrukturtjänster), med bilagans namn på tjänsterna och leverantörernas egna namn som
# alias. Tilläggs- och specialisttjänster (seed 000 rad 284–286: faktureras för såld tjänst) är
# de rader i Intraservice tabell 3.1a som bilagan inte listar. "Används av" kommer ur
# Intraservice avsnitt 1.2 (rad 862–896): utbildningsportalen, E-tjänsteplattformen och
# Webbapplikationsplattformen används inte av bolagen; Liseberg har avsteg från
# löneadministrationen (Stadshus AB 2019-08-26). "Levereras till": goteborg.se:s tekniska
# plattform är en komponent i Demokrati och medborgarservice bastjänst, och Inköp flyttade till
# Inköp och upphandling 2023 (bilagan rad 2903; domain.md, "Scope").
BAS, DI_CAT = "Bastjänst", "Digital infrastruktur"
TILL, SPEC, UTANFOR = "Tilläggstjänst", "Specialisttjänst", "Utanför"
FAKTURA = "Faktura à pris"
FORV_ONLY = "Typ=Förvaltning"

# (Leverantör, Tjänst, Nyckel, Förslag nyckel, Kategori, Finansiering, Används av,
#  Levereras till, Alias)
def svc(lev, tjanst, nyckel="", forslag="", kategori="", finansiering="", anvands="",
        levereras="", alias=""):
    return (lev, tjanst, nyckel, forslag, kategori, finansiering, anvands, levereras, alias)


IS_DI = [
    # bilagans namn, leverantörens namn i 3.1a/3.1b (alias), används av
    ("Applikationsplattform", "", ""),
    ("Databashotell", "", ""),
    ("Datorhjälpen", "", ""),
    ("Domino", "", ""),
    ("EA Arkitektur & Processer", "EA & Processer", ""),
    ("e-tjänstekort", "", ""),
    ("E-tjänsteplattform", "E-tjänstplattform", FORV_ONLY),
    ("Fjärråtkomst", "", ""),
    ("Fritt publikt WiFi utomhus", "", ""),
    ("Identitet och åtkomst", "", ""),
    ("Informationshantering", "", ""),
    ("IT Säkerhet", "IT-säkerhet", ""),
    ("IT-arbetsplats", "IT Arbetsplats", ""),
    ("Licens som tjänst", "", ""),
    ("Lokalt Nät - LAN", "Lokalt Nät; Lokala nät", ""),
    ("Office 365", "", ""),
    ("Processautomation", "", ""),
    ("ServiceNow", "", ""),
    ("Stadsnät - WAN", "Stadsnät WAN", ""),
    ("Telefoni och stödsystem", "", ""),
    ("Webbapplikationsplattform", "", FORV_ONLY),
    ("Webbhotell", "", ""),
]

IS_BAS = [
    # Ekonomi
    ("Sammanställda räkenskaper", "", ""),
    ("Stöd vid budget, prognos och analys", "Stöd i budget, prognos och analysprocesserna", ""),
    ("Stöd i ekonomiprocesser", "Stöd i ekonomiprocesserna", ""),
    # HR
    ("Stöd i arbetet med arbetsmiljö och hälsa", "", ""),
    ("Stöd i arbetet med bemanning", "", ""),
    ("Stöd i arbetet med förmåner", "", ""),
    ("Stöd i arbetet med LAS-hantering", "", ""),
    ("Stöd i arbetet med löneadministration", "", "alla utom Kund=LIS"),
    ("Stöd i arbetet med lönebildning", "", ""),
    ("Stöd i arbetet med personaluppföljning", "", ""),
    ("Stöd i arbetet med rehabilitering", "", ""),
    ("Stöd i arbetet med rekrytering", "", ""),
    ("Stöd i arbetet med utbildningsportalen", "", FORV_ONLY),
    # Kommunikation
    ("Stadens intranät", "Intranät", ""),
    ("Grafisk manual", "", ""),
    ("Bildförsörjning", "Bildförsörjning, mediabank, Videoplattform", ""),
    # Ledning och styrning
    ("Politisk ärendehantering", "", ""),
    ("Stöd för planering och uppföljning", "Planering och uppföljning", ""),
    ("Stöd i Digitalt bevarande",
     "Stöd för digitalt bevarande; Stöd för digitalt bevarande (Pre-ingest)", ""),
    ("Stöd i informationsredovisning", "Informationsredovisning", ""),
    ("LIS", "LIS (Ledning i samverkan); Ledning i samverkan (LIS)", ""),
]

IS_OTHER = [
    # Tjänst, kategori (tilläggs- och specialisttjänster faktureras per beställning)
    ("Redovisningstjänster", TILL),
    ("Krav och bidrag", TILL),
    ("Stöd i arbetet med chefsrekrytering och chefsutveckling", SPEC),
    ("Konsultation och produktion", SPEC),
    ("Dataskyddsombud", TILL),
    ("Konsultstöd för Processkartläggning", SPEC),
    ("Stöd för automatisering med hjälp av RPA", TILL),
    ("Enkätverktyg", TILL),
    ("Stöd för Processkartläggning", TILL),
    ("Gemensam Bygg Process", TILL),
    ("Stöd för Kemikalierregistrering", TILL),
    ("Stöd i ledning och styrning för stadens projektverksamheter (tilläggs tjänst)*", TILL),
]

SERVICES = [
    svc(DMS, "Kontaktcenter", K_KC, kategori=BAS, alias="Göteborgs Stads kontaktcenter"),
    svc(DMS, "Extern service och kommunikation (goteborg.se)", kategori=BAS,
        alias="Extern service och kommunikation"),
    svc(DMS, "Demokratistärkande metoder och verktyg", kategori=BAS),
    svc(DMS, "Öppna data", kategori=BAS),
    # Nyckelrad: DMS övriga tjänster fördelas efter administrativa datorer (DMS 3.2).
    svc(DMS, "*", K_DATORER),
    # "Stöd vid inköp/beställning" saknar nyckel med avsikt: den matchas via 3.2-texten
    # "Fördelas på antal beställare." (alias till nyckeln Antal beställare).
    svc(INK, "Stöd vid upphandling, leverantörs och avtalshantering", K_7525, K_ULA, BAS,
        alias="Stöd vid upphandling, leverantörs- och avtalshantering"),
    svc(INK, "Stöd vid inköp/beställning", kategori=BAS, alias="Stöd vid inköp och beställning"),
    svc(INK, "Stöd i fakturahantering", K_FAKT, kategori=BAS,
        alias="Stöd vid leverantörsfakturahantering"),
    # Konkurrensutsättningen av e-handelssystemet är utveckling i de två bastjänsterna, ingen
    # egen tjänst: en nyckelrad, och kategorin från INK:s *-rad (som inte anger någon nyckel).
    svc(INK, "Konkurrensutställning e-handelssystem", K_7525),
    svc(INK, "*", kategori=BAS),
] + [
    svc(IS, name, K_IS_DI, kategori=DI_CAT, anvands=users, alias=alias)
    for name, alias, users in IS_DI
] + [
    svc(IS, "Extern service och kommunikation (goteborg.se)", kategori=DI_CAT, levereras=DMS),
    svc(IS, "Område: Digital infrastruktur", K_IS_DI, kategori=DI_CAT),
] + [
    svc(IS, name, kategori=BAS, anvands=users, alias=alias) for name, alias, users in IS_BAS
] + [
    svc(IS, f"Område: {area}", kategori=BAS)
    for area in ["Ekonomi", "HR", "Kommunikation", "Ledning och styrning"]
] + [
    svc(IS, name, kategori=cat, finansiering=FAKTURA) for name, cat in IS_OTHER
] + [
    svc(IS, "Inköp", kategori=BAS, levereras=INK),
    # Intraservice egen minskning av utvecklingen, utan område (3.1c): utanför ramarna, som i
    # beslutsbilagan. En ny förändringsinsats utan nyckel fördelas inte (contract.md).
    svc(IS, "Ambitionsanpassning 2024", kategori=UTANFOR, alias="Ambitions- anpassning 2024"),
    # Nyckelrad: Intraservice övriga tjänster (gemensamma tjänster) fördelas 80/20.
    svc(IS, "*", K_IS_GT),
]

ABOUT = [
    ("Om uppgifterna i kunder.xlsx", "title"),
    ("", None),
    ("Exempelomgång 2024 för arsanalys. Filen byggs av make_samples.py.", None),
    ("", None),
    ("Kunder", "head"),
    ("Namnen är Göteborgs Stads förvaltningar och bolag med sina offentliga namn. Listan är "
     "ett urval för exemplet, inte stadens officiella kundregister.", None),
    ("ALLA VOLYMMÅTT ÄR PÅHITTADE för exemplet: antal anställda, administrativa datorer, "
     "antal beställare, digitala fakturor, pappersfakturor, anknytningar, ärendetid och "
     "Stadshus AB-nyckeln. Inget av dem finns i underlagen.", "bold"),
    ("Enheter: antal per år; Ärendetid i timmar per år; Stadshus AB-nyckel i procent av "
     "bolagens del (summa 100 bland bolagen).", None),
    ("Göteborg Energi AB, Renova AB och Liseberg AB har 0 beställare och 0 fakturor: enligt "
     "Inköp och upphandlings avsnitt 1.2 ansluts de till inköpstjänsterna först 2024/2025.",
     None),
    ("Anknytningar och Ärendetid saknas för bolagen: kontaktcentret gäller bara nämnderna.",
     None),
    ("", None),
    ("Nycklar", "head"),
    ("Ur underlagen (Årlig analys 2024, avsnitt 3.2): Administrativa datorer (Demokrati och "
     "medborgarservice, bara nämnderna), kontaktcentrets grundbelopp + anknytningar + "
     "ärendetid, antal beställare, fakturor uppdelade på digitala och pappersfakturor, "
     "75 % förvaltningar efter anställda och 25 % bolag efter Stadshus AB:s nyckel, samt "
     "Inköp och upphandlings förslag att själv bära 15 % (85 % × 75 % = 63,75 %, "
     "85 % × 25 % = 21,25 %).", None),
    ("PÅHITTAT: kontaktcentrets andelar 20 % grundbelopp (lika), 40 % anknytningar, 40 % "
     "ärendetid; vikten 3 för pappersfakturor mot 1 för digitala; att Inköp och upphandling "
     "även deltar i förvaltningarnas 63,75 %; båda Intraservice-nycklarna (underlagen har "
     "ingen nyckel för Intraservice).", "bold"),
    ("Vård och omsorg och Måltid är fasta andelar ur ett verkligt avtal mellan sex "
     "förvaltningar (budget 2023). Ingen tjänst i omgången använder dem.", None),
    ("Alias är de texter som leverantörerna skriver i sin tabell 3.2, även felstavningen "
     "\"anknötningar\".", None),
    ("", None),
    ("Tjänster", "head"),
    ("Bladet är omgångens tjänstekatalog. Kategorierna följer beslutsbilagans listor över de "
     "28 bastjänsterna och 22 infrastrukturtjänsterna 2024, med bilagans namn på tjänsterna och "
     "leverantörernas egna stavningar som alias. Övriga rader i Intraservice tabell 3.1a är "
     "tilläggs- eller specialisttjänster (faktureras per beställning) enligt bilagans text; "
     "vilken av de två är en bedömning för exemplet.", None),
    ("\"Område: …\" gäller övriga rader i ett verksamhetsområde (Intraservice "
     "utvecklingspotter). \"*\" gäller leverantörens alla övriga rader. En rad utan kategori "
     "anger bara en nyckel; en rad utan nyckel bara kategorin. \"Stöd vid inköp/beställning\" "
     "saknar nyckel med avsikt: den får sin nyckel via texten i leverantörens tabell 3.2.", None),
    ("Används av: ur Intraservice avsnitt 1.2 (bolagen använder inte utbildningsportalen, "
     "E-tjänsteplattformen eller Webbapplikationsplattformen; Liseberg har avsteg från "
     "löneadministrationen). Levereras till: goteborg.se:s tekniska plattform debiteras "
     "Demokrati och medborgarservice, och Inköp har flyttat till Inköp och upphandling; "
     "kunderna betalar dem där, inte en gång till.", None),
    ("Förslag nyckel: Inköp och upphandlings förslag för Stöd vid upphandling, leverantörs- "
     "och avtalshantering.", None),
]


def build_kunder(path):
    wb = new_workbook("Kunder, volymmått och fördelningsnycklar – exempel 2024")
    ws = wb.create_sheet("Kunder")
    ws.append(["Kund-id", "Namn", "Typ"] + MEASURES)
    for row in CUSTOMERS:
        ws.append(list(row))
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2, min_col=4):
        for c in row:
            if c.value is not None:
                c.number_format = "#,##0" if c.column < 11 else "0.0"
    for col, w in zip("ABCDEFGHIJK", [9, 42, 12, 11, 13, 11, 12, 12, 12, 11, 12]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "D2"
    fit_to_width(ws)
    share = sum(r[10] for r in CUSTOMERS if r[2] == B)
    assert abs(share - 100) < 1e-9, share

    ws = wb.create_sheet("Nycklar")
    ws.append(["Nyckel", "Andel", "Urval", "Mått", "Alias"])
    for row in KEYS:
        ws.append([v if v != "" else None for v in row])
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
    for col, w in zip("ABCDE", [46, 8, 17, 40, 90]):
        ws.column_dimensions[col].width = w
    fit_to_width(ws)
    totals = {}
    for k, andel, *_ in KEYS:
        totals[k] = totals.get(k, 0) + andel
    for k, t in totals.items():
        assert abs(t - 100) < 1e-9, (k, t)

    ws = wb.create_sheet("Tjänster")
    ws.append(["Leverantör", "Tjänst", "Nyckel", "Förslag nyckel", "Kategori", "Finansiering",
               "Används av", "Levereras till", "Alias"])
    for row in SERVICES:
        ws.append([v if v != "" else None for v in row])
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
    for col, w in zip("ABCDEFGHI", [44, 52, 42, 48, 20, 18, 22, 44, 60]):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "C2"
    fit_to_width(ws)

    ws = wb.create_sheet("Om uppgifterna")
    ws.column_dimensions["A"].width = 120
    fit_to_width(ws)
    for r, (text, style) in enumerate(ABOUT, start=1):
        c = ws.cell(row=r, column=1, value=text or None)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if style == "title":
            c.font = Font(bold=True, size=14)
        elif style in ("head", "bold"):
            c.font = Font(bold=True)
        if text:
            ws.row_dimensions[r].height = 15 * est_lines(text, 120)
    save(wb, path)


def main():
    load_seed()
    lev = os.path.join(HERE, "leverantorer")
    build_dms(os.path.join(lev, "demokrati.xlsx"))
    build_ink(os.path.join(lev, "inkop.xlsx"))
    build_is(os.path.join(lev, "intraservice.xlsx"))
    build_kunder(os.path.join(HERE, "kunder.xlsx"))


# ---------------------------------------------------------------------------------------
# Seed 003, ordagrant (radnummer|text; \t = TAB mellan tabellceller). Rad 5–7 och 147–463:
# Demokrati och medborgarservice; 498–697: Inköp och upphandling; 701–703, 1472–1932,
# 1946–2393: Intraservice. Avslutande blanksteg är borttagna.
# ---------------------------------------------------------------------------------------

SEED_TEXT = """
0005|Årlig analys av digital utveckling och förvaltning 2024
0006|
0007|Nämnden för demokrati och medborgarservice
0147|2 Förslag på nya förändringsinsatser
0148|
0149|2.1 Framåtsyftande portföljanslys
0150|
0151|Leverantörens analys
0152|
0153|Enligt anvisning ska nämnden för demokrati och medborgarservice inte rapportera här.
0154|
0155|2.2 Förslag på nya förändringsinsatser
0156|
0157|Föreslagen förändringsinsats 1\t
0158|Namn på förändringsinsats\tUtvecklad funktionalitet på goteborg.se
0159|Strategisk del\t
0160|Behovsbeskrivning\t<ul style="list-style-type: none">• Fortsatt utveckling av kalendarier• Förbättrad krisfunktionalitet• Förbättring av sökfunktionen• Utveckla enhetssidorna• Utveckla synpunktshantering och felanmälan• Samla e-tjänster som idag finns i separata verksamhetssystem under Mina sidor• Eventuell utveckling utifrån restlista från projektet Revidering goteborg.se
0161|Kopplat till befintlig bastjänst eller infratjänst\tExtern service och kommunikation
0162|Nytta\tEn modern och effektiv webbplats
0163|Effektmål\t<ul style="list-style-type: none">• Besökare hittar efterfrågat innehåll.• Besökaren förstår informationen den möter.• En webbplats som är tillgänglig för alla.
0164|Intern - extern nytta\tExtern
0165|Effektivitet - innovation\tEffektivitet
0166|Kommer arbetet bedrivas i projektform? JA/NEJ\tJA
0167|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
0168|
0169|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre påverkan
0170|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre påverkan
0171|Informationssäkerhet\t
0172|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, utveckling av befintlig funktionalitet
0173|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, utveckling av befintlig funktionalitet
0174|Teknisk del\t
0175|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej, utveckling av befintlig funktionalitet
0176|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, utveckling av befintlig funktionalitet
0177|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej, utveckling av befintlig funktionalitet
0178|Ekonomisk del\t
0179|Total projektbudget samt påverkan förvaltningskostnad år 2024, 2025, 2026 eller senare\t3000 tkr Utvecklingen av befintlig funktionalitet kommer inte att påverka förvaltningskostnaderna. Finns en osäkerhet i om förbättringen av sökfunktionen kommer att innebära en påverkan på förvaltningskostnaden. Detta kommer utredningen som görs under 2023 att visa. Det kan också finnas eventuell påverkan på förvaltningskostnaden utifrån restlistan, vad som kvarstår från projektet Revidering goteborg.se.
0180|Kundgrupp som finansierar\tStadens nämnder och styrelser
0181|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0182|
0183|Föreslagen förändringsinsats 2\t
0184|Namn på förändringsinsats\tTillståndsguider för företagare
0185|Strategisk del\t
0186|
0187|Behovsbeskrivning\tI Handlingsplan 2 för 2022 – 2023, Göteborgs Stads näringslivsstrategiska program, finns en aktivitet om att ta fram tillståndsguider för företag för att underlätta deras kontakter med kommunen. Under 2023 görs en utredning och kravställning och under 2024 är planen att påbörja utveckling av en tillståndsguide.
0188|Kopplat till befintlig bastjänst eller infratjänst\tExtern service och kommunikation
0189|Nytta\tGöra det enklare för företagare att hitta de e-tjänster de behöver för att söka olika tillstånd.
0190|Effektmål\t<ul style="list-style-type: none"> • Nöjdare företagare • Minskat antal onödig efterfrågan till kontaktcenter från företagare som ska söka olika tillstånd.
0191|Intern - extern nytta\tExtern
0192|Effektivitet - innovation\tEffektivitet
0193|Kommer arbetet bedrivas i projektform? JA/NEJ\tJA
0194|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tHandlingsplan 2 för 2022 – 2023, Göteborgs Stads näringslivsstrategiska program
0195|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre
0196|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre
0197|Informationssäkerhet\t
0198|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023
0199|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023
0200|Teknisk del\t
0201|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023
0202|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023
0203|
0204|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej- om det skulle visa sig relevant för detta uppdrag görs det under utredningen 2023
0205|Ekonomisk del\t
0206|Total projektbudget\t300 tkr Påverkan på förvaltningskostnaden kan i dagsläget inte bedömas, beror på vilken teknisk lösning som beslutas.
0207|Kundgrupp som finansierar\tStadens nämnder och styrelser
0208|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0209|
0210|Leverantörens analys
0211|
0212|Nämnden för demokrati och medborgarservice är leverantörer av gemensamma digitala tjänster från 2023 och därför har inga strukturerade kunddialoger inom den nya styrmodellen för nämndens tjänster genomförts ännu. Förvaltningen för demokrati och medborgarservice kommer att etablera kundforum under 2023.
0213|
0214|Extern service och kommunikation
0215|
0216|De av förvaltningen för demokrati och medborgarservice identifierade förändringsinsatserna för 2024 bygger främst på aktiviteter framtagna inom den tidigare tjänstemodellen samt insatser som vi på demokrati och medborgarservice ser utifrån vår omvärldsanalys.
0217|
0218|Webbplatsundersökningen som gjordes 2021 har också gett oss viss input till de identifierade förändringsinsatserna, bland annat ring sökträffar och utveckling av kalendarier.
0219|
0220|Att utreda redaktörsgränssnittet för Göteborgs Stads webbplats, goteborg.se, är ett behov som kommit fram via projektet Revidering goteborg.se där många av Göteborgs stads verksamheter lyft att redaktörsgränssnittet är omodernt och sätter begränsningar. Dessutom ser förvaltningen för demokrati och medborgarservice att det är svårt för Intraservice att rekrytera/hyra in medarbetare som har kompetens kring webbplattformen.
0221|
0222|Projektet Revidering goteborg.se kommer att avslutas under 2023. Eventuell restlista kommer behöva analyseras och eventuellt kommer aktiviteter därifrån behöva prioriteras högre än några av de aktiviteter demokrati och medborgarservice identifierat för 2024. Projekt Revidering goteborg.se drivs under 2023 av demokrati och medborgarservice tillsammans med stadsledningskontoret. Behoven av förändringar för stadens webbplats goteborg.se har tagits fram tillsammans med stadsledningskontoret.
0223|
0224|Demokratistärkande metoder och verktyg
0225|
0226|Under 2023 är planen att vi ska kunna införa en ny digital plattform för medborgarinflytande. En förutsättning för att kunna införa den tilltänkta plattformen är att den lever upp till krav kring GDPR och arkivlagen. En utredning kring detta ska också genomföras under 2023. Den nya digital plattformen kommer kräva utökade resurser för administration, moderering och stöd till verksamheterna. Även tekniska kostnader för drift och förvaltning kommer att tillkomma.
0227|
0228|Ingen marknadsföring eller kommunikationsinsats för kännedom om Göteborgsförslaget har gjorts sedan 2017. Förvaltningen för demokrati och medborgarservice ser ett behov av att göra en kommunikations insats för att öka användandet av Göteborgsförslaget samt även breddas till fler målgrupper i staden.
0229|
0230|Det finns målgrupper i Göteborgs Stad som har mycket låg användningsgrad av Göteborgsförslaget. Dessutom finns det områden i Göteborg som inga Göteborgsförslag berör.
0231|
0232|Föreslagen förändringsinsats 3\t
0233|Namn på förändringsinsats\tLagkrav som får påverkan på goteborg.se
0234|Strategisk del\t
0235|Behovsbeskrivning\t<p>E-tjänster på andra språk (EU-förordningen Single digital gateway (SDG)) EU-förordningen Single digital gateway (SDG) tar fasta på ett digitalt användarvänligt Europa och ska göra det enklare att bedriva gränsöverskridande verksamhet och fullt ut använda sig av den inre marknaden. Det ska exempelvis bli lättare för privatpersoner och företag att flytta inom unionen, studera, bedriva handel, etablera sig eller utöka sin verksamhet i en annan medlemsstat. Till följd av denna förordning kommer förvaltningen för demokrati och medborgarservice att utreda vilka e-tjänster som bör prioriteras att översättas till andra språk och även genomföra de förändringar som krävs för att uppnå detta.</p> <p>Arkivering av goteborg.se (arkivlagen) Webbplatser i sig ses som en allmän handling därför behövs dessa arkiveras minst en gång per år enligt arkivlagen. Idag har förvaltningen ingen process och verktyg för att genomföra detta.</p>
0236|Kopplat till befintlig bastjänst eller infratjänst\tExtern service och kommunikation
0237|Nytta\tDemokrati och medborgarservice säkerställer att de lagkrav som påverkar tjänsten Extern service och kommunikation efterföljs.
0238|Effektmål\tEfterlevnad av lagkrav
0239|Intern - extern nytta\tExtern
0240|Effektivitet - innovation\tEffektivitet
0241|Kommer arbetet bedrivas i projektform? JA/NEJ\tNej
0242|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
0243|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre
0244|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre
0245|Informationssäkerhet\t
0246|
0247|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej- görs i upphandlingen för arkiveringslösning
0248|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej- görs i upphandlingen för arkiveringslösning
0249|Teknisk del\t
0250|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej- görs i upphandlingen för arkiveringslösning
0251|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej- görs i upphandlingen för arkiveringslösning
0252|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej- görs i upphandlingen för arkiveringslösning
0253|Ekonomisk del\t
0254|Total projektbudget\t450 tkr Tjänst för löpande arkivering av goteborg.se kommer innebära ökade förvaltningskostnader, beräknade till 150 tkr per år
0255|Kundgrupp som finansierar\tStadens nämnder och styrelser
0256|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0257|
0258|Föreslagen förändringsinsats 4\t
0259|Namn på förändringsinsats\tUtvärdera reviderade goteborg.se
0260|Strategisk del\t
0261|Behovsbeskrivning\tUtvärdera webbplatsen samt arbetssätt/organisation kring goteborg.se Utreda redaktörsgrensningen
0262|Kopplat till befintlig bastjänst eller infratjänst\tExtern service och kommunikation
0263|Nytta\tDemokrati och medborgarservice ska säkerställa att goteborg.se uppnår uppsatta effektmål efter revideringen. Förvaltningen behöver säkerställa att den redaktionella samordningen i staden fungerar och att Göteborgs Stad når den effektivitet och kvalitet som eftersträvas.
0264|Effektmål\t
0265|Intern - extern nytta\tIntern och extern
0266|Effektivitet - innovation\tEffektivitet
0267|
0268|Kommer arbetet bedrivas i projektform? JA/NEJ\tNej
0269|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
0270|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMåttlig
0271|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMåttlig
0272|Informationssäkerhet\t
0273|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej. Inte relevant i detta skede. Blir en del i kommande utredning.
0274|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej. Inte relevant i detta skede. Blir en del i kommande utredning.
0275|Teknisk del\t
0276|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej. Inte relevant i detta skede. Blir en del i kommande utredning.
0277|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej. Inte relevant i detta skede. Blir en del i kommande utredning.
0278|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tResultatet av utredning av redaktörsgrenssnitt kan få påverkan på digital infrastruktur om den visar att nytt system bör införas.
0279|Ekonomisk del\t
0280|Total projektbudget\t300 tkr Utredning av redaktörsgrenssnitt kan få påverkan på framtida förvaltningskostnad om utredningen påvisar att redaktörsgrenssnittet bör bytas ut.
0281|Kundgrupp som finansierar\tStadens nämnder och styrelser
0282|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0283|
0284|Föreslagen förändringsinsats 5\t
0285|---------------------------------------\t--
0286|
0287|Namn på förändringsinsats\tFörvaltning och utveckling av webbanalysverktyg för goteborg.se
0288|Strategisk del\t
0289|Behovsbeskrivning\tSäkerställa att det nya webbanalysverktyget lever upp till de behov stadens verksamheter har kring statistik och uppföljning av goteborg.se. Samt att det finns en effektiv drift och förvaltning av verktyget.
0290|Kopplat till befintlig bastjänst eller infratjänst\tExtern service och kommunikation
0291|Nytta\tStadens verksamheter ska kunna få ut tillförlitlig statistik för att kunna utvärdera och utveckla kanalen goteborg.se, så att den möter besökarnas behov.
0292|Effekt mål\tDemokrati och medborgarservice kan följa upp användandet av kanalen goteborg.se. Stadens verksamheter kan följa upp sin kommunikation och service via goteborg.se
0293|Intern - extern nytta\tIntern och extern
0294|Effektivitet - innovation\tEffektivitet
0295|Kommer arbetet bedrivas i projektform? JA/NEJ\tNej
0296|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
0297|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre
0298|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre
0299|Informationssäkerhet\t
0300|Är informationsklassning genomförd? JA / NEJ + kommentar\tJA
0301|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tJa. Detta gjordes inför val av verktyg för pilot under 2021.
0302|Teknisk del\t
0303|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tJa. Detta gjordes inför val av verktyg för pilot under 2021.
0304|
0305|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tJa. Detta gjordes inför val av verktyg för pilot under 2021.
0306|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej, webbanalysverktyget ska gälla goteborg.se
0307|Ekonomisk del\t
0308|Total projektbudget\t200 tkr Förvaltningskostnaden kommer påverkas då vi idag inte har något webbanalysverktyg inräknat i tjänsten. Det behövs resurser som kan arbeta med verktyget och förvalta det. Beräknad kostnad 150 tkr per år.
0309|Kundgrupp som finansierar\tStadens nämnder och styrelser
0310|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0311|
0312|Föreslagen förändringsinsats 6\t
0313|Namn på förändringsinsats\tKommunikationsinsats kring Göteborgsförslaget
0314|Strategisk del\t
0315|Behovsbeskrivning\tAnvändandet av Göteborgsförslaget behöver ökas samt även breddas till fler målgrupper i staden. Det finns målgrupper i Göteborgs Stad som har mycket låg användningsgrad av Göteborgsförslaget. Dessutom finns det områden i Göteborg som inga Göteborgsförslag berör.
0316|Kopplat till befintlig bastjänst eller infratjänst\tDemokratistärkande metoder och verktyg
0317|Nytta\tEn mer jämlik digital demokrati. Våra förtroendevalda får en bättre bild av vad som engagerar göteborgarna när det gäller lokal stadsutveckling.
0318|Effekt mål\tAtt få fler invånare i Göteborgs Stad att känna till samt använda Göteborgsförslaget. Att nå de som vi har svårt att nå idag med Göteborgsförslaget.
0319|Intern - extern nytta\tIntern och extern
0320|Effektivitet - innovation\tEffektivitet
0321|Kommer arbetet bedrivas i projektform? JA/NEJ\tNej
0322|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tKF beslutade att införa göteborgsförslag (e-petitioner) som ett demokratiskt delaktighetsverktyg där årlig återrapportering sker till KF.
0323|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre
0324|
0325|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre
0326|Informationssäkerhet\t
0327|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, inte relevant för föreslagen förändringsinsats
0328|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, inte relevant för föreslagen förändringsinsats
0329|Teknisk del\t
0330|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej, inte relevant för föreslagen förändringsinsats
0331|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, inte relevant för föreslagen förändringsinsats
0332|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej, inte relevant för föreslagen förändringsinsats
0333|Ekonomisk del\t
0334|Total projektbudget\tUppskattas till ca 300 tkr Ingen påverkan på förvaltningskostnaden.
0335|Kundgrupp som finansierar\tStadens nämnder och styrelser
0336|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0337|
0338|Föreslagen förändringsinsats 7\t
0339|Namn på förändringsinsats\tUtveckla verktyget och hanteringen av ärenden kopplat till Göteborgsförslaget
0340|Strategisk del\t
0341|Behovsbeskrivning\tTekniska lösningen och hur hanteringen av ärenden ska ske av kopplat till Göteborgsförslaget behöver förbättras utifrån de behov som framkommit både från nämnder och styrelser i Göteborgs Stad samt från förslagslämnare.
0342|Kopplat till befintlig bastjänst eller infratjänst\tDemokratistärkande metoder och verktyg
0343|Nytta\tFörbättra och effektivisera Göteborgsförslaget så att det blir mer användarvänligt för användarna av Göteborgsförslaget och för stadens nämnder/förvaltningar och styrelser/bolag i deras ärendehantering.
0344|
0345|Effektmål\tAtt fler göteborgsförslag genomförs. Att invånarna känner att de har en reell påverkan på Göteborgs utveckling genom Göteborgsförslaget.
0346|Intern - extern nytta\tIntern och extern
0347|Effektivitet - innovation\tEffektivitet
0348|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
0349|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
0350|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre
0351|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre
0352|Informationssäkerhet\t
0353|Är informationsklassning genomförd? JA / NEJ + kommentar\tJa, vid införandet av verktyget
0354|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, gjordes ej vid införandet men om det behövs görs det inom den nya tjänsteorganisationen
0355|Teknisk del\t
0356|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tJa, vid införandet av verktyget
0357|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, gjordes ej vid införandet men om det behövs görs det inom den nya tjänsteorganisationen
0358|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej
0359|Ekonomisk del\t
0360|Total projektbudget\tUppskattas till 540 tkr. Förvaltningskostnaderna kommer påverkas med 30 tkr plus indexuppräknig 2024 och framåt.
0361|Kundgrupp som finansierar\tStadens nämnder och styrelser
0362|
0363|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023 Styrelser – dialog under 2023
0364|------------------------------\t--
0365|
0366|Föreslagen förändringsinsats 8\t
0367|Namn på förändringsinsats\tUtöka kontaktcenter med bemannad chatt och automatiserad chattbot
0368|Strategisk del\t
0369|Behovsbeskrivning\tMånga kommuner erbjuder chatt som en naturlig kontaktväg för allmänna ärenden och Göteborgs Stad behöver också undersöka möjligheten till detta för att tillgodose behov hos invånare, besökare och näringsliv. I detta arbete bör både möjligheten till bemannad chatt och automatiserad chattbot undersökas.
0370|Kopplat till befintlig bastjänst eller infratjänst\tGöteborgs Stads kontaktcenter.
0371|Nytta\tÖkad tillgänglighet via ytterligare kanaler för boende besökare och företagare att nå staden
0372|Effektmål\tGenom att erbjuda kontaktytor som idag av de flesta organisationer och individer anses som minst lika vedertagna som telefoni eller mejl följer vi med den digitala utvecklingen och visar våra målgrupper att vi vill vara tillgängliga för dem. Det ökar tillgänglighet, förtroende och tillit för oss som organisation
0373|Intern - extern nytta\tExtern
0374|Effektivitet - innovation\t
0375|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
0376|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tUr yttrande till kommunstyrelsen över Göteborgs Stads plan för digitalisering 2022-2025, KS §662 : Rätt använd kan digitaliseringen öka möjligheten till smart och klok interaktion och samverkan direkt mellan boende, besökare och näringsliv och med staden. Genom ökad kommunikation och tillgänglighet skapas möjligheter att öka insyn i information och beslut, vilket stärker demokratin
0377|Bedömning förändringsinsatsen s komplexitet - kundperspektiv\t
0378|Bedömning förändringsinsatsen s komplexitet - leverantörsperspek tiv\tTekniskt finns förutsättningar för tjänsten bemannad chat inbyggd i det nya telefonisystem som införs under 2023. I upphandlingen av telefonisystem ligger också kravställning av att systemet ska kunna interagera med en bot. Förändringsinsatsens komplexitet och omfattning beror på en rad olika beslut som till exempel chattens placering, öppettider, svarstider och bemanning. En chattbot kräver omfattande initial och löpande upplärning.
0379|Informationssäker het\t
0380|Är informationsklassni ng genomförd? JA / NEJ + kommentar\tNej
0381|
0382|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej
0383|Teknisk del\t
0384|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tMöjligtvis om det är gjort i upphandlingen av det nya telefonisystemet för Göteborgs Stad.
0385|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tMöjligtvis om det är gjort i upphandlingen av det nya telefonisystemet för Göteborgs Stad.
0386|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tNej, ska ingå i den nya lösningen för telefoni
0387|Ekonomisk del\t
0388|Total projektbudget\t100 tkr för införandet Kostnaden för bastjänsten kommer troligen att påverkas genom den ökning av bemanning som behövs för att hantera chatten. Omfattningen av detta kan inte uppskattas i dagsläget och är även beroende av vilka effektiviseringar som kan göras i samband med att dessa tjänster införs.
0389|Kundgrupp som finansierar\tStadens nämnder
0390|Förslag fördelningsnyckel\tNämnder - samma principer för kostnadsfördelning som 2023
0391|
0392|3 Kostnader och fördelningsnycklar
0393|
0394|3.1 Kostnader förvaltning och utveckling 2024–2026
0395|
0396|Förvaltningskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2)
0397|
0398|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024
0399|Göteborgs Stads kontaktcenter\t\t23 588 tkr\t25 003 tkr
0400|Extern service och kommunikation\t\t50 733 tkr\t53 820 tkr
0401|Öppna data\t\t1 587 tkr\t1 682 tkr
0402|Demokratistärkande metoder och verktyg\t\t1 639 tkr\t1 737 tkr
0403|Totalkostnad\t\t77 587 tkr\t82 242 tkr
0404|
0405|Leverantörens analys
0406|
0407|Demokrati och medborgarservice är leverantör av fyra befintliga bastjänster:
0408|
0409|- Göteborgs Stads kontaktcenter
0410|- Extern service och kommunikation
0411|- Öppna data
0412|- Demokratistärkande metoder och verktyg
0413|
0414|Budget 2023 för förvaltning av nämndens bastjänster är 77 587 tkr. Prognosen för bastjänsternas förvaltningskostnad 2024 är 82 242 tkr. De kostnadsökningar nämnden tagit med i prognosen för 2024 består av en indexuppräknings på 6 procent. Det är fortsatt stor osäkerhet för hur löneutvecklingen, inflationen och pensionskostnader kommer att påverka 2024. Enligt förvaltningens bedömning, i dagsläget, kommer kostnadsökningen likt 2023 vara högre än tidigare år.
0415|
0416|Två andra faktorer som eventuellt kan påverka bastjänsternas kostnadsutveckling för förvaltning är utformningen av förvaltningens tjänstestyrningsmodell samt införandet av stadens nya helhetslösning för telefoni. Det senare är redan beslutat och ska ske under hösten 2023. Systemet är en del av den digitala infrastrukturen som Intraservice ansvarar för, men där även nämndens bastjänst Göteborgs Stads kontaktcenter påverkas exempelvis i form av kostnader under införandet.
0417|
0418|Utvecklingskostnader inom befintliga tjänster, både bas- och infrastruktur tjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan förvaltningskostnad per år
0419|
0420|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024\t2024\t2025\t2026
0421|Extern service och kommunikation\t\t6500 tkr\t4250 tkr\t\t300 tkr\t315 tkr
0422|Demokratistärkande metoder och verktyg\t\t500 tkr\t840 tkr\t30 tkr\t31 tkr\t33 tkr
0423|Göteborgs Stads kontaktcenter\t\t\t100 tkr\t\t\t
0424|Totalkostnad:\t\t7000 tkr\t5190 tkr\t30 tkr\t331 tkr\t348 tkr
0425|
0426|Kostnaden för 2025 är den utökning av förvaltningskostnaden som demokrati och medborgarservice bedömt att de föreslagna förändringsinsatserna medför.
0427|
0428|Leverantörens analys
0429|
0430|Nämnden för demokrati och medborgarservice ser behov av medel för utveckling av tre befintliga bastjänster:
0431|
0432|- Extern service och kommunikation
0433|- Demokratistärkande metoder och verktyg
0434|- Göteborgs Stads kontaktcenter
0435|
0436|Behovet av utveckling av Extern service och kommunikation handlar om att göra det enklare för företagare att hitta digitala tjänster de behöver för att söka tillstånd från stadens verksamheter, säkerställa att lagkrav som påverkar tjänsten efterlevs, utvärdera nylanserade goteborg.se samt till utvecklad funktionalitet på goteborg.se med bättre sökträffar via den interna sökmotorn och att samla e-tjänster som idag finns i separata verksamhetssystem under Mina sidor. För Demokratistärkande metoder och verktyg ser nämnden behov av att utveckla verktyget för Göteborgsförslaget samt att utveckla styrande dokument för hantering av Göteborgs förslaget. Göteborgs Stads kontaktcenter har behov av att utveckla en chatt som ytterligare kanal för boende, besökare och näringsliv att nå staden. Kanalen ses som en förutsättning och skulle öka tillgängligheten och förtroendet för Göteborgs Stad.
0437|
0438|Kostnader för nya förändringsinsatser ej befintlig tjänst, både bas- och infrastruktur tjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan på förvaltningskostnaderna per år.
0439|
0440|Förändringsinsatser\tÅr 2024\tÅr 2025\tÅr 2026\t2024\t2025\t2026
0441|Totalkostnad\t\t\t\t\t\t
0442|
0443|Leverantörens analys
0444|
0445|Nämnden för demokrati och medborgarservice ser inget behov av utveckling av
0446|
0447|nya bastjänster inom nämndens ansvarsområde.
0448|
0449|3.2 Förslag justering av fördelningsnycklar
0450|
0451|Tjänst\tNuvarande fördelningsnyckel\tFörslag justering\tMotivering
0452|Göteborgs Stads kontaktcenter\tGrundbelopp, antal anknötningar och ärendetid till kontaktcenter\t\tBehöver ha en hanteringsordning för hur vi hanterar förändringar av kunders köp av tilläggstjänsten "Verksamhetsanpassad kundtjänst". Detta då tilläggstjänsten påverkar nyttjande av bastjänsten och mätperioden är året före.
0453|Extern service och kommunikation\tAdministrativa datorer\tIngen justering inför 2024\t
0454|Öppna data\tAdministrativa datorer\tIngen justering inför 2024\t
0455|Demokratistärkande metoder och verktyg\tAdministrativa datorer\tIngen justering inför 2024\t
0456|
0457|Leverantörens analys
0458|
0459|Utifall det blir förändringar i nyttjande av tilläggstjänsten "Verksamhetsanpassad kundtjänst" för någon förvaltning behöver det finnas en hanteringsordning för hur det säkerställs att kostnaden för bastjänsten "Göteborgs Stads kontaktcenter" kan justeras för att spegla den framtida användningen. Om man avslutar tilläggstjänsten innebär det att samtalen kommer att öka till Göteborgs Stads kontaktcenter och vice versa men mätperioden ligger under året före så den kommer inte att fungera i dessa fall.
0460|
0461|Ingen lösning för detta är i dagsläget klar utan får arbetas fram under 2023.
0462|
0463|När det gäller övriga bastjänster föreslås ingen förändring till 2024 utan en utvärdering får göras tillsammans med staden för att om behov finns förändra detta till 2025.
0498|Årlig analys av digital utveckling och förvaltning 2024
0499|
0500|Nämnden för inköp och upphandling
0501|
0502|Innehållsförteckning
0503|
0504|1\tBefintliga bastjänster och digital infrastruktur\t3
0505|1.1\tGenomförd effekthemtagning.....\t3
0506|1.2\tStatus konsolidering.....\t4
0507|1.3\tPortföljanalys.....\t5
0508|1.4\tPågående förändringsinsatser\t5
0509|2\tFörslag på nya förändringsinsatser.....\t9
0510|2.1\tFramåsyftande portföljanalys\t9
0511|2.2\tFörslag på nya förändringsinsatser.....\t9
0512|3\tKostnader och fördelningsnycklar\t10
0513|3.1\tKostnader förvaltning och utveckling 2024–2026\t10
0514|3.2\tFörslag justering av fördelningsnycklar.....\t12
0515|4\tLångsiktig utveckling och avveckling av bastjänster och digital infrastruktur.....\t14
0516|
0517|1 Befintliga bastjänster och digital infrastruktur
0518|
0519|1.1 Genomförd effekthemtagning
0520|
0521|Namn på bastjänst eller infrastrukturtjänst\tGenomförda förändringsinsatser\tEffekthemtagning leverantör samt möjliggjord effekthemtagning för förvaltningar och bolag
0522|Stöd i inköp och beställning\tNya kunder implementerade i tjänsten via bolagskonsolideringsprojektet.\tGenom konsolidering har kundnyttjande av bas-tjänsten ökat i staden och de stordriftsfördelar som eftersöks ökar. Hantering av de ökade kundvolymerna har gjorts inom ramen för befintlig tjänstesleverans.
0523|Stöd vid leverantörsfaktura-hantering\tNya kunder implementerade i tjänsten via bolagskonsolideringsprojektet. Ökad effektivitet genom införande av 5 automatiserade arbetsmoment i tjänsten: 1. Upplägg av nya leverantörer 2. Stickprovskontroll av faktura 3. Kontroll inaktiva användare 4. Undersökning beställarnöjdhet 5. Masterdatahantering\tGenom konsolidering har kundnyttjande av bas-tjänsten ökat i staden och de stordriftsfördelar som eftersöks ökar. Hantering av de ökade fakturavolymerna från 1,4 till 1,7 inom ramen för befintlig tjänsteleverans. 96% av leverantörsfakturer är idag elektroniska fakturer. Automatisering (via RPA) i vissa processer inom tjänsten har bidragit till en ökad kvalitet och effektivisering inom tjänsten genom exempelvis, tidsbesparingar, ökad enkelhet, modernisering.
0524|
0525|Leverantörens analys
0526|
0527|Göteborgs stads inköp- och upphandlingsprocesser ska bli mer effektiva och bidra till att nå samtliga hållbarhetsmål. Genom leverans av tydliga gemensamma tjänster, hög kompetens inom inköpsområdet och med bra systemstöd skapar förvaltningen Inköp och upphandling förutsättningar till den strategiska inriktningen att öka stadens inköpsmognad.
0528|
0529|Gemensamma tjänster och systemstöd underlättar och effektiviserar olika delar i inköpsprocessen som exempelvis beställning till betalning. Gemensamma tjänster är ett viktigt verktyg för att skapa kontroll över inköpsprocessens olika aktiviteter och möjliggöra faktabaserade analyser som leder till avvägt och fokuserat förbättringsarbete. De ökade antalet kunder som nyttjar inköpstjänsterna innebär att staden kan dra nytta av de stordriftsfördelar som uppkommer och öka kontrollen
0530|
0531|över de inköp som görs.
0532|
0533|Under 2023 kommer Inköp och upphandling undersöka möjligheterna att tydliggöra konsolideringseffekten.
0534|
0535|Genom fler automatiserade arbetsmoment (RPA lösningar) ökar kvalitét och effektiviteten i tjänsterna. Vi gör också tidsbesparingar, ökad enkelhet och ökar modernitet inom tjänsterna. Det påbörjade arbetet med automatisering i tjänsterna kommer fortsätta och är ett fokusområde de närmsta åren då det finns en stor potential arbetssättet och tekniken.
0536|
0537|1.2 Status konsolidering
0538|
0539|
0540|Bastjänst och digital infrastruktur\tAndel (%) befintliga kunder*\tKonsolideringsplan nya kunder\tEventuella avsteg eller avvikelser under året (se riktlinje för definition)
0541|Stöd i inköp och beställning\t92%\tBusniess Region (2023/2024) Boplats (2023/2024) Liseberg AB (2024/2025) Renova AB (2024/2025) Göteborgs Energi AB (2024/2025)\tFöljer tidplan i projektet Bolagskonsolideringen
0542|Stöd vid leverantörsfaktura-hantering\t92%\tBusniess Region (2023/2024) Boplats (2023/2024) Liseberg AB (2024/2025) Renova AB (2024/2025) Göteborgs Energi AB (2024/2025)\tFöljer tidplan i projektet Bolagskonsolideringen
0543|
0544|Leverantörs analys
0545|
0546|Inköp och upphandlings gemensamma bastjänster nyttjas av samtliga förvaltningar och de flesta av stadens bolag och vi har uppnått en hög konsolideringsgrad på 92%. Den höga konsolideringsgraden innebär bland annat en hög grad av automatiserad datainsamling för staden som helhet. Det skapar även goda förutsättningar för gemensamma effektiva arbetssätt inom inköpsområdet.
0547|
0548|1.3 Portföljanalys
0549|
0550|Leverantörens analys
0551|
0552|
0553|
0554|Inköp och upphandlings tjänster och processer är stödjande för verksamheterna och målet är att det ska ”vara lätt att göra rätt” genom att nyttja de gemensamma tjänster som erbjuds inom området inköp och upphandling. Därigenom blir fokus på effektivitet och kvalitet för förvaltningen vilket givetvis inte utesluter innovativa lösningar inom ramen för utveckling av befintliga tjänster så som RPA lösningar, gemensamma data m.m.
0555|
0556|Inköp och upphandling jobbar både med intern effektivitet och extern effektivitet med övervikt på den externa och med kunden i fokus. Exempel på detta är bland annat insatser som är riktade på förbättrad inköpsmognaden inom staden. Erfarenhet visar att en hög inköpsmognad bygger på att vissa grundläggande områden hanteras. Det är exempelvis svårt att uppnå god kontroll över flöden om inte tydliga standarder för flöden definieras, och att systemstöd levererar information och insikter relativt snabbt, så att analysarbete, Anpassningar och förbättringsarbete kan genomföras faktabaserat där de har bäst effekt. Tjänsten ”Stöd vid upphandling, leverantörs och avtalshantering” som är en pågående förändringsinsats, kommer att bidra till en effektiv hantering och informationsutbyte kopplat till bland annat leverantörsmarknaden vilket är ett exempel på förbättrad extern effektivitet.
0557|
0558|1.4 Pågående förändringsinsatser
0559|
0560|Pågående förändringsinsats 1\tUtveckling av ny tjänst Stöd vid upphandling, leverantörs och avtalshantering
0561|Bastjänst eller infrastrukturtjänst det gäller\tKommande Bas-tjänst (2024)
0562|Namn på förändringsinsats\tStöd vid upphandling, leverantörs och avtalshantering (ULA)
0563|Effekt mål\tGöteborgs stad Inköp- och upphandlingsprocesser ska bli mer effektiva och bidra till att nå samtliga hållbarhetsmål. En gemensam tjänsteplattform är en förutsättning för att driva, leda och utveckla Göteborgs stads gemensamma inköpsprocess och därigenom öka staden inköpsmognad. Genom utveckling av plattformen kommer grundläggande gemensamma förmågor stärkas och ge: <ul style="list-style-type: none">– Ökade möjligheter för verksamheter att kunna köpa genom upphandlade avtal.– Ökade möjligheten att tillhandahålla avtal på behov som finns/förutses.
0564|
0565|\t<p>– Ökade möjlighet till att kunna följa upp stadens samlade inköpsverksamhet.</p> <p>– Ökade möjlighet att nå ut med information och ge råd.</p> <p>Inom förvaltningens ansvarsområde pågår olika insatser som är kopplade till ovannämnda punkter och nämndens grunduppdrag.</p> <p>Insatserna sker som utveckling inom befintliga tjänster och utveckling av nya tjänster så som Stöd i upphandlings-leverantörs och avtalshantering, följande effektmål är identifierade för den nya tjänsten:</p> <p>– Likvärdig kravställning. Genom att avtal samlas kan stadens verksamheter ta del av kravställningar från de avtal som tecknades centralt och ute i verksamheterna. Detta möjliggör jämförelser mellan verksamheter och att verksamheterna vid kommande upphandling kan använda kravställningar kopplade till sund konkurrens från andra avtal och nyttja de delar som är relevanta vilket möjliggör likvärdig kravställning bland stadens verksamheter och/eller högre medvetenhet om varför kravbilderna skiljer sig mellan verksamheterna.</p> <p>– Korrekt avtalsefterlevnad. Genom att avtalen samlas ökar sannolikheten att rätt leverantör nyttjas enligt befintliga avtal och uppföljningsarbetet underlättas vilket möjliggör lättare uppföljning hur väl leverantörerna presterar på avtalen och om de följer utsatta kravställningar kopplade till sund konkurrens.</p> <p>– Kvalitetssäkrade leverantörer. Genom ökad informationsdelning kan den levererade kvaliteten styras och kontrolleras. Detta möjliggör att åtgärder kan vidtas för de leverantörer som inte uppnår den kvalitet som upphandlats vilket främjar sund konkurrens.</p> <p>– Potentiella besparingar genom analys. Genom att information om upphandlingar, avtal, avrop/beställningar och betalningar samlas kan underlag för analyser skapas på ett effektivt sätt för att se inom vilka områden som besparingar kan realiseras inom verksamheten såväl som staden som helhet.</p> <p>– Minskad förbrukning av interna resurser. Genom gemensamma arbetsprocesser och en ökad informationsdelning kan en effektivare uppföljning (och arbete avseende analyser, kravställning eller utvärdering) möjliggöras vilket innebär en minskad arbetsbelastning för stadens anställda som utför eller borde utföra denna typ av arbete.</p> <p>– Identifiera utvecklingsområden via analys. Genom att information om upphandlingar, avtal, avrop/beställningar och betalningar samlas möjliggörs effektiva analyser kopplat till ekologisk, ekonomisk och social hållbarhet som ligger till grund för stadens inköpsstrategiska arbete.</p> <p>– Staden ses som en attraktiv samarbetspartner. Genom en ökad informationsdelning och de effekter som de innebär i form av ökad styrning och kontroll samt effektivare arbetssätt kan staden arbeta mer som en enad stad gentemot leverantörsmarknaden.</p> <p>– Dialog om lämpliga utvecklings/förbättringsområden genom analys. Genom att information om avtal, avrop/beställningar och betalningar samlas kan staden analysera lämpliga förbättringsområden kopplat till ekonomisk, ekologisk och social hållbarhet och adressera dessa i dialogen med leverantörerna.</p>
0566|--\t--
0567|
0568|Projekt\t<p>För att lyckas med implementationen av tjänsten: Stöd vid upphandling, leverantörs och avtalshantering (ULA) måste följande projektmål uppfyllas:</p> <p>Under förberedelsefasen, fram till BP3:</p> <ul style="list-style-type: none"> – Framtagande av projektplan inför projektets genomförandefas. – Kartlägga befintliga avtalstider per verksamhet med nuvarande systemleverantör (kan påbörjas innan tilldelning). – Kartlägga önskade antalet licenser per verksamhet i kommande tjänst (kan påbörjas innan tilldelning). – Kartlägga hur processerna ser ut i dagsläget inom Göteborgs Stad med avseende på hantering av upphandlingar, leverantörer och avtal för inköp (processerna kring upphandling och avtal kan påbörjas innan tilldelning). – Planera för implementation av systemstöd till pilotanvändare hos pilotverksamheter tillsammans med systemleverantör (kan påbörjas först efter tilldelning). <p>Under genomförandefasen, från BP4:</p> <ul style="list-style-type: none"> – Implementering av pilotanvändare. Implementera systemstöd till utsedda pilotanvändare hos pilotverksamheterna. – Tjänstepaketering. Paketering av tjänst, inkl framtagande av processer, utbildning och förvaltning att implementera i stadens verksamheter. – Utvärdering av pilotimplementering med utvecklingsområden. – Implementering av tjänst till övriga användare i pilotverksamheterna. – Implementeringsplan. Ta fram utrullningsplan till övriga verksamheter.
0569|Tidplan\tProjektet startade Q4 2022 och planeras pågå till Q2 2024, en risk som identifierats är att det kan komma förskjutas om pågående upphandling av systemet överprövas.
0570|Kommentar avvikelser\tInga avvikelser identifierade i nuläget
0571|
0572|Pågående förändringsinsats 2\tKonkurrensutsättning av e-handelssystem (Beställnings- och fakturahanteringssystem)
0573|Bastjänst eller infrastrukturtjänst det gäller\tBas-tjänst: Stöd vid inköp och beställning och Stöd vid leverantörsfakturahantering
0574|Namn på förändringsinsats\tKonkurrensutsättning av e-handelssystem (Beställnings- och fakturahanteringssystem)
0575|Effektmål\tÖka möjligheten till den digitala utvecklingen inom tjänsteområdet Inköp och upphandling. Öka och säkerställa en säker och effektiv inköpsprocess inom staden. Uppfylla kravet i Lagen om offentlig upphandling.
0576|Projekt\t<p>Inköps-upphandlingsförvaltningen har det politiska uppdraget att äga och utveckla stadens gemensamma inköpsprocess, där systemstödet är en viktig del. Inköp och upphandlingsförvaltningen och Intraservice har tillsammans med förvaltningar och bolagen identifierat att nuvarande system i vissa delar saknar de stöd som önskas för att uppnå en optimal inköpsprocess.</p> <p>Ett flertal förvaltningar och bolag upplever att befintligt e-handelssystem inte möter deras krav inom inköpsområdet, då främst när det gäller beställningar av tjänster, tjänsteinköp/beställningar är en stor del av stadens totala inköp och är därmed en viktig funktion att stödja i inköpsprocessen. Det anses även finnas en förbättringspotential i att kunna hitta rätt avtal och att följa upp sina inköp. INK kan också konstatera att både ur ett</p>
0577|
0578|\t<p>utvecklings och löpande systemförvaltningsperspektiv har nuvarande e-handelssystem inte full ut det stöd som möjliggör den digitala utvecklingen inom området.</p> <p>Nuvarande e-handelssystem är i behov av en konkurrensutsättning. Då inköpsprocessen är starkt kopplad till ekonomiprocesserna är det viktigt att konkurrensutsättningen gör i synk och tätt samarbete med Intraservice Ekonomi.</p> <p>Projektmålet är att under 2024 initiera en konkurrensutsättning av e-handelssystem.</p>
0579|Tidplan\t2023–2026
0580|Kommentar avvikelser\tInga avvikelser identifierad i nuläget.
0581|
0582|Pågående förändringsinsats 3\tUtveckla operativt inköp
0583|Bastjänst eller infrastrukturtjänst det gäller\tBas-tjänst: Stöd vid inköp och beställning och Stöd vid leverantörsfakturahantering
0584|Namn på förändringsinsats\tUtveckla operativt inköp (Tjänsteplan 2023–2025)
0585|Effekt mål\tEn effektiv och säker inköpsprocess för staden. Kunna hantera alla slags inköp och beställningar i systemstödet
0586|Projekt mål\tUnder 2022 påbörjades ett initiativ med att ta ett helhetsgrepp skapa en behovs och kravbild till köp av tjänster. Målet för initiativet är att identifiera behov och förändringsinsats för att kunna möjliggöra köp av tjänster på ett effektivt och rättssäkert sätt.
0587|Tidplan\tAvslut under 2023
0588|Kommentar avvikelser\tInga avvikelser identifierad i nuläget.
0589|
0590|2 Förslag på nya förändringsinsatser
0591|
0592|2.1 Framåtsyftande portföljanalys
0593|
0594|Leverantörens analys
0595|
0596|N/A för 2024 enligt anvisning från stadsledningskontoret.
0597|
0598|2.2 Förslag på nya förändringsinsatser
0599|
0600|Leverantörens analys
0601|
0602|Då inköp och upphandling har en krävande förnyad konkurrensutsättning av e-handelssystemet (beslut från tjänsteplan 2023–2025) och lansering och utrullning av tjänsten Stöd vid upphandling, leverantörs och avtalshantering (2024-2025) finns inga ytterligare förändringsinsatser föreslagna de närmsta åren.
0603|
0604|3 Kostnader och fördelningsnycklar
0605|
0606|3.1 Kostnader förvaltning och utveckling 2024–2026
0607|
0608|Förvaltningskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2)
0609|
0610|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024
0611|Stöd vid inköp och beställning\t6 269\t7 500\t9 000
0612|Stöd vid leverantörsfakturahantering\t14 629\t21 000\t22 800
0613|Totalkostnad\t20 898\t28 500\t31 800
0614|
0615|Leverantörens analys
0616|
0617|Beräkningen av 2023 års budget gjordes av Intraservice (dåvarande tjänsteleverantör av inköpstjänsterna).
0618|
0619|Under 2023 övergick utvecklingsinitiativet för automatiserings/robotiserings inom inköp från projektet till förvaltning. Den till synes markanta ökningen av kostnaden för Stöd i leverantörsfakturahantering förklaras främst av den tillkommande förvaltningskostnaden för automatiseringen- och robotiseringen. Beslut om att avsluta utvecklingsinitiativet och låta automatiseringen/robotiseringen bli en komponent i tjänsten Stöd i leverantörsfakturahantering fattades i enlighet med dåvarande styrmodell.
0620|
0621|I prognosen för budget 2024 förklaras ökningen dels av att höjd har tagits för ökade personalkostnader med 6%, främst utifrån ökade kostnader för pensionsavtal vilka inte justerats för i budgeterade kostnader 2023. Ökningen förklaras även av indexering av kostnader från bland annat systemleverantörer. Utifrån pågående kostnadsdialoger med befintliga systemleverantörer samt pågående upphandling av ett nytt systemstöd för tjänsten ”Upphandling, leverantörs- och avtalshandling” innehåller budgetprognosen för 2024 osäkerhetsfaktorer som med stor sannolikhet kommer att påverka det faktiska utfallet.
0622|
0623|Anledningen till att Stöd vid inköp och beställning beräknas ha en högre procentuell ökning av kostnaden för 2024 jämfört med Stöd i leverantörsfakturahantering beror på att Stöd vid inköp och beställning bär en större del av systemkostnaden för IT-stödet för operativt inköp som är gemensamt för de båda tjänsterna.
0624|
0625|Till 2024 har även löpande utvecklingskostnader som har direkt koppling till en befintlig tjänst lyfts in som en del av förvaltningskostnaden. Anledningen är att de förvaltningar och bolag som nyttjar tjänsten kommer att få en direkt nytta av denna utveckling och därav är det naturligt att det inte ska belasta de förvaltningar och bolag som ännu inte nyttjar tjänsten.
0626|
0627|Utvecklingskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan förvaltningskostnad per år
0628|
0629|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024\t2024\t2025\t2026
0630|Stöd vid inköp och beställning\t141\t2 000\t0\t0\t0\t0
0631|Stöd vid leverantörsfakturahantering\t3 044\t0\t0\t0\t0\t0
0632|Stöd vid upphandling, leverantörs- och avtalshantering\t2 388\t6 100\t7 500\t0\t6 100\t6 400
0633|Konkurrensutställning e-handelssystem\t\t1 500\t2 800\t0\t9 200\t5 000
0634|Totalkostnad:\t5 573\t9 600\t10 300\t0\t15 300\t11 400
0635|
0636|Leverantörens analys
0637|
0638|Utvecklingskostnaderna för 2024 och framåt innehåller flera osäkerhetsfaktorer som kan komma att påverka budgetbehovet.
0639|
0640|Utvecklingsinitiativet tjänsten ”Stöd vid upphandling, leverantörs och avtalshantering” är i en pågående upphandlingsfas vid framtagandet av årlig analys 2024. Detta innebär att det kan bli kostnadsförskjutningar i projektet från 2023 till 2024 om till exempel upphandlingen överprövas. Det finns även en risk för att uppskattade kostnader för att införa tjänsten med tillhörande systemstöd kostnadsmissigt har uppskattats för lågt i förstudien vilket kan komma att påverka både utvecklingsbudgeten och kostnad för förvaltning negativt. Först efter att upphandlingen är genomförd har vi svaren på om flera av de identifierade riskerna faller ut.
0641|
0642|Det är även viktigt att notera att uppskattade kostnader för förvaltning år 2025 och framåt på motsvarande sätt innehåller stora osäkerhetsfaktorer bland annat kopplat till upphandlingen samt estimeringen av resursbehovet för att möjliggöra en effektiv förvaltning och fortsatt utrullning av tjänsten inom staden.
0643|
0644|Utvecklingsinitiativet ”Konkurrensutställning av nuvarande e-handelssystem” innehåller på motsvarande sätt osäkerhetsfaktorer kopplat till förberedelse och tidsgång för en upphandling. Detta utvecklingsinitiativ bör även i möjligaste mån synkroniseras med de konkurrensutställningar som planeras inom Ekonomitjänsterna vilket kan komma att påverka budgeten ur ett tidsförskjutningsperspektiv. Budget och prognos för konkurrensutställningen är belopp som estimerats i tjänsteplan 2023–2025
0645|
0646|Kostnader för nya förändringsinsatser ej befintlig tjänst, både bas- och infrastruktur tjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan på förvaltningskostnaderna per år.
0647|
0648|Förändringsinsats\tÅr 2024\tÅr 2025\tÅr 2026\t2024\t2025\t2026
0649|Totalkostnad\t\t\t\t\t\t
0650|
0651|Leverantörens analys
0652|
0653|N/A
0654|
0655|3.2 Förslag justering av fördelningsnycklar
0656|
0657|Tjänst\tNuvarande fördelningsnyckel\tFörslag justering\tMotivering
0658|Stöd vid inköp och beställning\tFördelas på antal beställare.\tIngen justering\tStöd i inköp och beställning fördelas utifrån antal beställare i Proceedo. Att styra utifrån antal beställare kan leda till att antalet beställare minskar, vilket är i linje med handlingsplanen för hur inköps- och beställarkompetensen kan förstärkas, där nämnder och styrelser fått i uppdrag att tillse att det finns ändamålsenliga antal beställare för att säkerställa rätt kompetens.
0659|Stöd vid leverantörsfakturahandtering.\tFördelas på utifrån antal fakturor, uppdelat på digitala fakturor respektive pappersfakturor.\tIngen justering\tStöd vid leverantörsfakturahandtering fördelas utifrån antal fakturor, uppdelat på antalet digitala fakturor respektive pappersfakturor. Styrningen innebär att bolag och förvaltningar gynnas av att samordna sina inköp för att på så sätt minska antalet fakturor samt att prissättningen kan styra mot en större andel inköp med digitala fakturor.
0660|
0661|<p>Stöd vid upphandling, leverantör och avtalshantering (Utvecklingskostnader för kommande bas-tjänst).</p>\t<p>75% av kostnaden till Förvaltningarna där kostnaderna fördelas utifrån antal anställda</p> <p>25% av kostnaden till Bolagen där kostnaderna fördelas utifrån Stadshus ABs fördelningsnyckel.</p>\t<p>Inköp och upphandlingsnämnden står för 15% av totalkostnad.</p> <p>Resterande del 85 % av totalkostnaden fördelas som tidigare år 75% till förvaltningar och 25% till bolagen.</p> <ul style="list-style-type: none"> 75% av kostnaden till Förvaltningarna där kostnaderna fördelas utifrån antal anställda 25% av kostnaden till Bolagen där kostnaderna fördelas utifrån Stadshus ABs fördelningsnyckel \t<p>Inför 2024 föreslås att Inköp och upphandlingsförvaltningen ökar sin kostnadsandel till 15% av totalkostnaden då Inköps och upphandlingsförvaltningen kommer att ha många potentiella användare av tjänsten. Resterande 85% fördelas på förvaltningar och bolag i enlighet med 2023 års fördelningsnyckel.</p>
0662|<p>Konkurrensutsättning av e-handelssystem (pågående projekt enligt tjänsteplan 2023-2025)</p>\t<p>75% av kostnaden till Förvaltningarna där kostnaderna fördelas utifrån antal anställda</p> <p>25% av kostnaden till Bolagen där kostnaderna fördelas utifrån Stadshus ABs fördelningsnyckel.</p>\t<p>Ingen förändring</p>\t<p>Fördelningsnyckeln för förändringsinitiativet Konkurrensutsättning av e-handelssystemet kvarstår från 2023 då samtliga förvaltningar och bolag nyttjar/kommer nyttja tjänsten och således fördelas kostnaderna solidariskt. En konkurrensutsättning är en naturlig del i en tjänsts livscykel och är tvingande.</p>
0663|
0664|Leverantörens analys
0665|
0666|Se text i kolumn ”motivering” i matrisen ovan.
0667|
0668|4 Långsiktig utveckling och avveckling av bastjänster och digital infrastruktur
0669|
0670|Leverantörens analys
0671|
0672|Förvaltningen Inköp och upphandling har som ansvar att leda, driva och utveckla stadens inköpsprocesser. Förvaltningar och bolag måste agera på likartat sätt gentemot näringslivet, ”den ena handen ska veta vad den andra gör”. Staden ska uppfattas som en seriös part på en seriös marknad där det finns en sund konkurrens på lika villkor. Förvaltningens mål är att säkerställa detta genom att öka Göteborgs stad inköpsmognad.
0673|
0674|Ett inköpsarbete med hög mognadsgrad är proaktivt, snarare än reaktivt. Det utgår från långsiktiga strategier och planer, regelbunden analys och etablerade samt utvecklade processer.
0675|
0676|Erfarenhet visar att en hög inköpsmognad bygger på att vissa grundläggande områden hanteras. Det är exempelvis svårt att uppnå god kontroll över flöden om inte tydliga standarder för flöden definieras, och att systemstöd levererar information och insikter relativt snabbt, så att analysarbete, anpassningar och förbättringsarbete kan genomföras faktabaserat där de har bäst effekt. För detta behövs en plattform som bygger på integrerade systemlösningar.
0677|
0678|Genom leverans av tydliga gemensamma tjänster, hög kompetens inom inköpsområdet och bra systemstöd skapar förvaltningen Inköp och upphandling förutsättningar till den strategiska inriktningen att öka stadens inköpsmognad. Gemensamma tjänster och systemstöd underlättar och effektiviserar olika delar i inköpsprocessen som exempelvis beställning till betalning. Gemensamma tjänster är ett viktigt verktyg för att skapa kontroll över inköpsprocessens olika aktiviteter och möjliggöra faktabaserade analyser som leder till avvägt och fokuserat förbättringsarbete.
0679|
0680|Stadens inköp från externa leverantörer omsätter cirka 26 miljarder kronor om året. Det utgör ungefär 40 procent av kommunkoncernens omsättning. Därför är det viktigt med en tydlig riktning om vad staden vill uppnå med sina inköp. Det är också viktigt med en effektiv inköpsprocess och en hög inköps- och beställarkompetens i organisationen.
0681|
0682|Staden ska aktivt använda inköp och upphandling som verktyg för att positivt bidra till en hållbar utveckling och minimera negativ påverkan från varor och tjänster sett till hela livscykeln. Hållbar utveckling består av tre dimensioner som samspelar och stödjer varandra; social hållbarhet, ekologiska hållbarhet och ekonomisk hållbarhet. Ett livscykelperspektiv innebär att alla faser från utvinning och produktion till användning eller utförande samt vilket avfall som genereras från varan eller tjänsten beaktas utifrån de tre dimensionerna.
0683|
0684|Inköp och upphandlings tjänster ska långsiktigt säkerställa en gemensam plattform för inköp och upphandling för att bidra till denna positiva hållbarhet som staden eftersträvar. En gemensam plattform är en förutsättning för att driva, leda och utveckla Göteborgs stads gemensamma inköpsprocess och därigenom öka stadens inköpsmognad. Genom utveckling av plattformen kommer grundläggande gemensamma förmågor stärkas och ge:
0685|
0686|- Ökade möjligheter för verksamheter att kunna köpa genom upphandlade avtal.
0687|- Ökade möjligheter att tillhandahålla avtal på behov som finns/förutses.
0688|- Ökade möjligheter till att kunna följa upp stadens samlade inköpsverksamhet.
0689|- Ökade möjligheter att nå ut med information och ge råd.
0690|
0691|Inom förvaltningens ansvarsområde pågår olika insatser som är kopplade till ovannämnda punkter och nämndens grunduppdrag. Insatserna sker som utveckling inom befintliga tjänster och utveckling av nya tjänster så som Stöd i upphandlingsleverantörs och avtalshantering.
0692|
0693|De stora utvecklingsinsatserna förvaltningen ser bortom 2024 är resultatet av kommande konkurrensutsättningen av e-handelssystemet som kommer öppna upp för utveckling av nya funktioner och möjligheter för ännu bättre tjänster.
0694|
0695|Årlig analys 2024 påvisar förvaltningens kontinuerliga och framåtskridande arbete med att hantera de grundläggande områdena för ett effektivt, kvalitetssäkert och hållbart inköpsarbete. Exempel på detta är pågående implementation av tjänsten – ”Stöd vid upphandlings-leverantörs och avtalshantering” (ULA)
0696|
0697|Analysen visar också att arbetet ligger helt i linje med de aktiviteter som Kommunfullmäktige beslutade om i Göteborgs Stads handlingsplan för hur inköps- och beställarkompetens i alla Stadens nämnder och styrelser kan stärkas 2021 (Diarenr 1530/20)
0701|Årlig analys av digital utveckling och förvaltning 2024
0702|
0703|Nämnden för Intraservice
1472|2 Förslag på nya förändringsinsatser
1473|
1474|2.1 Framåtsyftande portföljanalys
1475|
1476|Leverantörens analys
1477|
1478|Nämnden för Intraservice har under hösten 2022 infört arbetet med att registrera utvecklingsinitiativ i PIOS. Kalibrering pågår av de olika uppföljningsmodellerna (PIOS, tjänsteplan och förvaltningens portfölj- och projektstyrning).
1479|
1480|2.2 Förslag på nya förändringsinsatser
1481|
1482|Föreslagen förändringsinsats 1\t
1483|Namn på förändringsinsats\t
1484|Strategisk del\t
1485|Behovsbeskrivning\t
1486|Kopplat till befintlig bastjänst eller infratjänst\t
1487|Nytta\t
1488|Effektmål\t
1489|Intern - extern nytta\t
1490|Effektivitet - innovation\t
1491|Kommer arbetet bedrivas i projektform? JA/NEJ\t
1492|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1493|Bedömning förändringsinsatsens komplexitet - kundperspektiv\t
1494|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\t
1495|Informationssäkerhet\t
1496|
1497|Är informationsklassning genomförd? JA / NEJ + kommentar\t
1498|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\t
1499|Teknisk del\t
1500|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\t
1501|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\t
1502|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\t
1503|Ekonomisk del\t
1504|Total projektbudget samt påverkan förvaltningskostnad år 2024, 2025, 2026 eller senare\t
1505|Kundgrupp som finansierar\t
1506|Förslag fördelningsnyckel\t
1507|
1508|Föreslagen förändringsinsats 2\t
1509|Namn på förändringsinsats\t
1510|Strategisk del\t
1511|Behovsbeskrivning\t
1512|Kopplat till befintlig bastjänst eller infratjänst\t
1513|Nytta\t
1514|Effektmål\t
1515|Intern - extern nytta\t
1516|Effektivitet - innovation\t
1517|Kommer arbetet bedrivas i projektform? JA/NEJ\t
1518|
1519|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1520|Bedömning förändringsinsatsens komplexitet - kundperspektiv\t
1521|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\t
1522|Informationssäkerhet\t
1523|Är informationsklassning genomförd? JA / NEJ + kommentar\t
1524|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\t
1525|Teknisk del\t
1526|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\t
1527|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\t
1528|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\t
1529|Ekonomisk del\t
1530|Total projektbudget\t
1531|Kundgrupp som finansierar\t
1532|Förslag fördelningsnyckel\t
1533|
1534|Leverantörens analys
1535|
1536|Nämnden för Intraservice driver utvecklingsprojekt i portfölj- och projektstyrning utifrån beslutad tjänsteplan. Under detta kapitel redovisas de utvecklingsprojekt som genererar utvecklingskostnad 2024.
1537|
1538|I nämndbeslutad Tjänsteplan 2023-2025 uppgår utvecklingskostnaden till 90 000 tkr. Uppdaterade förslag till utveckling har en högre totalsumma, men nämnden för Intraservice bedömer att takvärdet för utveckling 2024 skall ligga på 90 000 tkr, baserat på kapacitet att genomföra utvecklingsinitiativen inom tidplan och stadens ekonomiska utmaningar med hög inflation. Denna nedjustering visas
1539|
1540|som en nettopost i tabellen nya tjänster under kapitel 3.1
1541|
1542|Utöver nedan redovisade initiativ vill Nämnden för Intraservice lyfta en stadengemensam stor aktivitet om kommer beröra stadens alla verksamheter med start med en förstudie 2023
1543|
1544|Nämnden för Intraservice vill belysa ett stort gemensamt åtagande gällande:
1545|
1546|- **Stadens ekonomisystem**, som skall konkurrensutsättas. Upphandlingsprocessen börjar under 2023 med en analysfas och förstudie för att samla en kravbild, där gamla och nya funktionaliteter ska definieras för att erhålla ett **modernt affärssystem** (se GT 7 Förstudie 1 "Omvärld, behovsinventering ekonomihantering" och analys under 4.2.3). Det är viktigt att staden samlar sig i ett tidigt skede för att få rätt kravbild. Det är en stor stadengemensam kostnad. Det kommer kräva mycket resurser både i analysfas och kravställande, i upphandlingsfasen med utvärdering och tilldelning, och vid implementering med gemensamma och lokala systemuppsättningar samt utbildning av alla användare i staden.
1547|
1548|Tabell Gemensamma tjänster
1549|
1550|Föreslagen förändringsinsats\tGT 1
1551|Namn på förändringsinsats\tTeknisk förstudie beslutsstöd
1552|Strategisk del\t
1553|Behovsbeskrivning\t
1554|Kopplat till befintlig bastjänst eller infratjänst\tNej, kategorisering av tjänst blir resultat av förstudie
1555|Nytta\t
1556|Effektmål\t
1557|Intern - extern nytta\t
1558|Effektivitet - innovation\t
1559|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1560|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1561|Bedömning förändringsinsatsens komplexitet - kundperspektiv\t
1562|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\t
1563|Informationssäkerhet\t
1564|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej
1565|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej
1566|Teknisk del\t
1567|Är teknisk bedömning / IT- säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1568|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1569|
1570|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1571|Ekonomisk del\t
1572|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024- 2026 3 500 tkr (varav 500 tkr 2024)
1573|Kundgrupp som finansierar\t
1574|Förslag fördelningsnyckel\t
1575|Föreslagen förändringsinsats\tGT 2
1576|Namn på förändringsinsats\tUpphandla PU-register och stöd för informationssäkerhet mm
1577|Strategisk del\t
1578|Behovsbeskrivning\tGöteborgs stad behöver tillhandahålla ett personuppgiftsregister i syfte att möta svensk och internationell lagstiftning. Idag tillhandahålls registret av en extern leverantör (Draftit). Förstudien undersöker förutsättningar för en upphandling. Undersökning av leverantören visar att systemet inte används som avsett idag (se bild nedan).
1579|Kopplat till befintlig bastjänst eller infratjänst\tJa, delvis till Dataskyddsombud men även informationssäkerhet
1580|Nytta\t
1581|Effekt mål\tBidra till ökad efterlevnad till DSF genom att upphandla och tillhandahålla ett digitalt personuppgiftsregister
1582|Intern - extern nytta\tBåda
1583|Effektivitet - innovation\tEffektivitet
1584|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1585|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tDataskyddsförordningen, NIS-direktivet,
1586|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tOklar i dagsläget på grund av förändrad behovsbild
1587|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tOklar i dagsläget på grund av förändrad behovsbild
1588|Informationssäkerhet\t
1589|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej
1590|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej
1591|Teknisk del\t
1592|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1593|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1594|
1595|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tOklart i dagsläget
1596|Ekonomisk del\t
1597|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024-2026 4 600 tkr (varav 2 600 tkr 2024)
1598|Kundgrupp som finansierar\tAlla
1599|Förslag fördelningsnyckel\t
1600|Föreslagen förändringsinsats\tGT 3
1601|Namn på förändringsinsats\tUtveckla förmåga Digitalt bevarande Etapp 2
1602|Strategisk del\t
1603|Behovsbeskrivning\tI dagsläget saknar tjänsten Stöd för digitalt bevarande förmåga att tillgängliggöra arkiverad information på ett sätt som motsvarar verksamhetens behov. Genom att bygga ut den tekniska plattformen och utveckla exempelvis en intern webbportal ökar åtkomsten till arkivet och kan effektivisera hanteringen av arkiverad information. Även andra integrationer mot ex verksamhetssystem som Ciceron DoÅ kan vara aktuella att utreda möjlighet till.
1604|Kopplat till befintlig bastjänst eller infratjänst\tJa, Stöd för Digitalt bevarande
1605|Nytta\tBedömningen är att utökningen av tjänsten skulle ge stor nytta för Staden och öka åtkomsten till verksamheternas arkiv avsevärt då de allra flesta av kommunens nuvarande rutiner och processer för tillgängliggörande av arkiverad information och utlämnande av allmän handling sker manuell
1606|Effektmål\tDet finns en övergripande skalbar arkitektur framtagna för utvecklingen av den tekniska bevarandeplattformen. Tjänsten har förmåga att effektivt tillgängliggöra stora volymer arkiverad information på ett säkert och ändamålsenligt sätt.
1607|Intern - extern nytta\t
1608|Effektivitet - innovation\t
1609|Kommer arbetet bedrivas i projektform? JA/NEJ\t
1610|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tArkivlagen, Öppna data,
1611|Bedömning förändringsinsatsens komplexitet - kundperspektiv\t
1612|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\t
1613|Informationssäkerhet\t
1614|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej
1615|
1616|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej
1617|Teknisk del\t
1618|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1619|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1620|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1621|Ekonomisk del\t
1622|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024-2026 7 000 tkr (varav 3 000 tkr 2024)
1623|Kundgrupp som finansierar\tAlla
1624|Förslag fördelningsnyckel\t
1625|Föreslagen förändringsinsats\tGT 4
1626|Namn på förändringsinsats\tUpphandling och införande IT-stöd för rekrytering och rehabilitering
1627|Strategisk del\t
1628|Behovsbeskrivning\tStadens befintliga IT-stöd behöver upphandlas på nytt enligt LOU.
1629|Kopplat till befintlig bastjänst eller infratjänst\tStöd i arbetet med rehabilitering och stöd i arbetet med rekrytering
1630|Nytta\tTas fram i förstudie
1631|Effektmål\tTas fram i förstudie
1632|Intern - extern nytta\tIntern nytta
1633|Effektivitet - innovation\tEffektivitet
1634|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1635|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tKoppling
1636|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tLåg
1637|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMedel
1638|Informationssäkerhet\t
1639|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1640|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1641|Teknisk del\t
1642|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1643|
1644|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1645|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1646|Ekonomisk del\t
1647|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024-2025 3 900 tkr (varav 1 200 tkr 2024)
1648|Kundgrupp som finansierar\tBeslutat i tjänsteplan
1649|Förslag fördelningsnyckel\tEj bestämt, finns fördelat idag är en befintlig bastjänst
1650|Föreslagen förändringsinsats\tGT 5
1651|Namn på förändringsinsats\tUpphandling och införande av IT-stöd för bemanning
1652|Strategisk del\t
1653|Behovsbeskrivning\tStadens befintliga IT-stöd behöver upphandlas på nytt enligt LOU.
1654|Kopplat till befintlig bastjänst eller infratjänst\tStöd i arbetet med bemanning
1655|Nytta\tTas fram i förstudie
1656|Effektmål\tTas fram i förstudie
1657|Intern - extern nytta\tIntern nytta
1658|Effektivitet - innovation\tEffektivitet
1659|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1660|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1661|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMedel
1662|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tHög
1663|Informationssäkerhet\t
1664|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1665|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1666|Teknisk del\t
1667|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1668|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1669|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1670|Ekonomisk del\t
1671|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024-2025 10 000 tkr (varav 2 000 tkr 2024)
1672|
1673|Kundgrupp som finansierar\tBeslutat i tjänsteplan
1674|Förslag fördelningsnyckel\tEj bestämt, finns fördelat idag är en befintlig bastjänst
1675|Föreslagen förändringsinsats\tGT 6
1676|Namn på förändringsinsats\tUpphandling och införande IT-stöd för utbildningsportalen
1677|Strategisk del\t
1678|Behovsbeskrivning\tStadens befintliga IT-stöd behöver upphandlas på nytt enligt LOU.
1679|Kopplat till befintlig bastjänst eller infratjänst\tStöd i arbetet med utbildningsportalen
1680|Nytta\tTas fram i förstudie
1681|Effekt mål\tTas fram i förstudie
1682|Intern - extern nytta\tIntern nytta
1683|Effektivitet - innovation\tEffektivitet
1684|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1685|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1686|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tLåg
1687|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMedel
1688|Informationssäkerhet\t
1689|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfas
1690|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfas
1691|Teknisk del\t
1692|Är teknisk bedömning / IT- säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1693|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1694|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1695|Ekonomisk del\t
1696|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t1 300 tkr 2024
1697|Kundgrupp som finansierar\tBeslutat i tjänsteplan
1698|Förslag fördelningsnyckel\tEj bestämt, finns fördelat idag är en befintlig bastjänst
1699|Föreslagen förändringsinsats\tGT 7
1700|
1701|Namn på förändringsinsats\tFörstudie 1 "Omvärld, behovsinventering ekonomihantering"
1702|Strategisk del\t
1703|Behovsbeskrivning\tBefintligt avtal för flera IT-stöd för ekonomihantering löper ut eller behöver konkurrensutsättas under ett antal kommande år. Förstudien, ska ta fram en inledande strategisk riktning med utgångspunkt i behovsinventering och omvärld. Detta görs i samarbete med INK och Staden
1704|Kopplat till befintlig bastjänst eller infratjänst\tStöd i ekonomi processer samt stöd i budget, prognos och analys
1705|Nytta\tTas fram i förstudie
1706|Effektmål\tTas fram i förstudie
1707|Intern - extern nytta\tIntern nytta
1708|Effektivitet - innovation\tEffektivitet
1709|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1710|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\t
1711|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tStor
1712|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tStor
1713|Informationssäkerhet\t
1714|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1715|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, sker i förstudie och efterföljande projektfaser
1716|Teknisk del\t
1717|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej
1718|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej
1719|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1720|Ekonomisk del\t
1721|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\tFinns inte i nuläget, budget för PL för förstudier finns avsatt motsvarande 2 000 tkr enligt tjänsteplan ett par år framåt. Budget för upphandling och införandeprojekt finns inte.
1722|Kundgrupp som finansierar\tBefintliga kunder till dagens bastjänster
1723|Förslag fördelningsnyckel\tTas fram inom projekten
1724|
1725|Tabell Digital infrastruktur
1726|
1727|--\t--
1728|
1729|Föreslagen förändringsinsats\tDI1
1730|Namn på förändringsinsats\tUtveckling av nya tjänsteerbjudanden för Lokalt Nät – LAN
1731|Strategisk del\t
1732|Behovsbeskrivning\tStadens verksamheter har behov av utökat SLA för att möta de behov som finns inom exempelvis äldreomsorgen där uppkoppling av olika typer av enheter krävs dygnet runt. Även inom Stadsteatern finns ett utökat behov då verksamheten är i gång även kvällar och helger. Flera av stadens bolag har verksamheter som har behov av utökat SLA. Målgrupper för detta initiativ är de verksamheter i staden som har behov av utökad support och SLA för tjänsten Lokalt Nät – LAN utanför dagtid.
1733|Kopplat till befintlig bastjänst eller infratjänst\tLokalt Nät - LAN
1734|Nytta\tÖkad digitalisering ställer högre krav på tillgänglighet för verksamheter, exempel patientsäkerhet möjliggörs i form av trygghetslarm, kameraövervakning, fallövervakning där tekniken utvecklas snabbt.
1735|Effektmål\tFramjar digitalisering i stadens verksamheter.
1736|Intern - extern nytta\tIntern
1737|Effektivitet - innovation\tEffektivitet
1738|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1739|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tGöteborgs Stads Plan för digitalisering 2023 - 2026. Göteborgs Stads policy för digitalisering och IT Göteborgs Stads riktlinje för informationssäkerhet
1740|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre påverkan
1741|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMåttlig påverkan
1742|Informationssäkerhet\t
1743|Är informationsklassning genomförd? JA / NEJ + kommentar\tEj applicerbart
1744|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tEj applicerbart
1745|Teknisk del\t
1746|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tEj applicerbart
1747|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tEj applicerbart
1748|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1749|Ekonomisk del\t
1750|
1751|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t3 000 tkr varav 1 000 tkr 2024 (Påverkan förvaltningskostnad:2024: 1 500 tkr 2025: 1 500 tkr 2026: 1 500 tkr)
1752|Kundgrupp som finansierar\tej beslutat
1753|Förslag fördelningsnyckel\tej beslutat
1754|Föreslagen förändringsinsats\tDI2
1755|Namn på förändringsinsats\tStrukturerad tillgång till informationstjänster genom API
1756|Strategisk del\t
1757|Behovsbeskrivning\tFlera initiativ inom digitalisering har behov av att strukturera, lagra och dela data på ett standardisera sätt. I de flesta fall delas data via API:er som kan beskrivas och förmedlas från varje initiativs egna ändamål. Då mycket av den data vi delar kan och skall återanvändas mellan olika projekt och lösningar, så behöver staden bygga upp en gemensam katalog över vilka API:er som finns att tillgå och regelverken runt dessa. Under 2023 kommer det genomföras en förstudie för att ytterligare undersöka och beskriva de behov som finns inom staden, tydliggöra vilka begränsningar och krav som påverkar området samt ta fram en målbild för tjänsten. Utifrån målbilden skall förstudien även ta fram lösningsförslag samt ge förslag på genomförandeplan (1-3 år) för att nå målbilden. Förstudiens resultat och rekommendationer kommer ligga till grund för planering av förändringsinsatsen inom ramen för utvecklingsplan 2024 – 2026
1758|Kopplat till befintlig bastjänst eller infratjänst\tej klargjort
1759|Nytta\tStadens krav på ökad digitalisering och säkerställande av informationshantering ligger till grund för detta förändringsinitiativ. Möjliggör återanvändande av data/information inom staden.
1760|Effektmål\tFrämjar stadens digitalisering.
1761|Intern - extern nytta\tIntern
1762|Effektivitet - innovation\tEffektivitet
1763|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1764|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tGöteborgs Stads Plan för digitalisering 2023 - 2026.Göteborgs Stads policy för digitalisering och IT Göteborgs Stads riktlinje för informationssäkerhet
1765|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre påverkan
1766|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMåttlig påverkan
1767|Informationssäkerhet\t
1768|
1769|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, ej startat
1770|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, ej startat
1771|Teknisk del\t
1772|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej, ej startat initiativet
1773|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, ej startat initiativet
1774|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1775|Ekonomisk del\t
1776|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t8 000 tkr varav 2 000 tkr 2024 (Påverkan förvaltningskostnad:2024: 2 300 tkr 2025: 2 300 tkr 2026: 2 300 tkr)
1777|Kundgrupp som finansierar\tej beslutat
1778|Förslag fördelningsnyckel\tej beslutat
1779|Föreslagen förändringsinsats\tDI3
1780|Namn på förändringsinsats\tGemensam tjänst för informationsskärmar
1781|Strategisk del\t
1782|Behovsbeskrivning\tVerksamheterna i staden efterfrågar en kommundemensam tjänst för informationsskärmar. I begreppet avses publika skärmar som används i receptioner, för hyresgäster och besökare på äldreboenden, på skolor, mm. I dagsläget använder staden skilda lösningar från olika leverantörer där kompatibilitet till stadens infrastruktur inte är säkrad. Detta medför problem vid uppdateringar i stadens infrastruktur där verksamheterna ofta har svårt att få hjälp med felsökning och omstart. En gemensam lösning med enhetlig standard och support för godkänd och säkrad hårdvara som levereras av Intraservice skulle underlätta för verksamheterna samt säkerställa högre säkerhet och konfiguration i dessa lösningar. Ett genomförande av behovet skulle ge en bättre digital arbetsmiljö samt underlätta för besökare, medborgare och anställda då stadens olika lokaler använder likartad utrustning. Under 2024 kommer en förstudie att startas upp för att analysera behovet samt sätta ramen för fortsatt utvecklingsprojekt och genomförande.
1783|Kopplat till befintlig bastjänst eller infratjänst\t
1784|Nytta\tEtt genomförande av behovet skulle ge en bättre digital arbetsmiljö samt underlätta för besökare, medborgare och anställda då stadens olika lokaler använder likartad utrustning.
1785|
1786|Effektmål\tFrämjar digitalisering i stadens verksamheter. Möjliggör minskad administration för stadens verksamheter.
1787|Intern - extern nytta\tIntern
1788|Effektivitet - innovation\tEffektivitet
1789|Kommer arbetet bedrivas i projektform? JA/NEJ\tJa
1790|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tGöteborgs Stads Plan för digitalisering 2023 - 2026. Göteborgs Stads policy för digitalisering och IT Göteborgs Stads riktlinje för informationssäkerhet
1791|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre påverkan
1792|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMindre påverkan
1793|Informationssäkerhet\t
1794|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, ej startat
1795|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, ej startat
1796|Teknisk del\t
1797|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej, ej startat initiativet
1798|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, ej startat initiativet
1799|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1800|Ekonomisk del\t
1801|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2 000 tkr varav 1 000 tkr 2024 (Påverkan förvaltningskostnad 2024: 200 tkr 2025: 200 tkr 2026: 0 tkr
1802|Kundgrupp som finansierar\tej beslutat
1803|Förslag fördelningsnyckel\tej beslutat
1804|Föreslagen förändringsinsats\tDI4
1805|Namn på förändringsinsats\tAnpassad arkitektur för e-post
1806|Strategisk del\t
1807|
1808|Behovsbeskrivning\tE-post har blivit en alltmer använd kommunikationskanal i staden och är idag att betrakta som en viktig tjänst i stadens olika verksamheter. Utifrån omvärldsförändringar och nya hotbilder mot kommunal verksamhet finns det behov av att se över, och eventuellt förbättra tillgängligheten för e-post i staden. På grund av dessa förändrade förutsättningar planeras det under 2023 en förstudie inom ramen för vidmakthållandet för tjänsten Office 365. Förstudien kommer bland annat att se över olika hotbilder, scenarier, situationer med mera som tjänsten e-post kan behöva anpassas till och dimensioneras efter. Förstudiens resultat och rekommendationer kommer ligga till grund för planering av förändringsinsatsen inom ramen för utvecklingsplan 2024 – 2026.
1809|Kopplat till befintlig bastjänst eller infratjänst\tej klargjort
1810|Nytta\tUtifrån omvärldsförändringar och nya hotbilder mot kommunal verksamhet finns det behov av att se över, och eventuellt förbättra tillgängligheten för e-post i staden.
1811|Effekt mål\tFrämjar digitalisering i stadens verksamheter. Möjliggör minskad administration för stadens verksamheter.
1812|Intern - extern nytta\tIntern
1813|Effektivitet - innovation\tEffektivitet
1814|Kommer arbetet bedrivs i projektform? JA/NEJ\tJa
1815|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tGöteborgs Stads Plan för digitalisering 2023 - 2026. Göteborgs Stads policy för digitalisering och IT Göteborgs Stads riktlinje för informationssäkerhet
1816|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tMindre påverkan
1817|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tMåttlig påverkan
1818|Informationssäkerhet\t
1819|Är informationsklassning genomförd? JA / NEJ + kommentar\tNej, ej startat
1820|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tNej, ej startat
1821|Teknisk del\t
1822|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tNej, ej startat initiativet
1823|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tNej, ej startat initiativet
1824|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1825|
1826|Ekonomisk del\t
1827|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t15 000 tkr varav 3 000 tkr 2024 (Påverkan förvaltningskostnad 2024: 3 000 tkr 2025: 3 000 tkr 2026: 3 000 tkr)
1828|Kundgrupp som finansierar\t
1829|Förslag fördelningsnyckel\t
1830|Föreslagen förändringsinsats\tDI5
1831|Namn på förändringsinsats\tInföra flexibilitet i finansiering av IT-utvecklingsbehov
1832|Strategisk del\t
1833|Behovsbeskrivning\tFör att anpassa oss till omvärld och verksamhetsbehov behöver vi ha utrymme i tjänsteplanen att kunna agera på mer kortsiktiga behov och planer och kunna möta sådant som vi inte kan förutse idag men som kommer imorgon eller om ett halvår. Genom att kunna möta behov då de uppstår får vi med det här initiativet bättre möjlighet till att skapa ändamålsenliga, tillgängliga och stabila infrastrukturella tjänster. Lagren för hård och mjuk infrastruktur är förutsättningsskapande för andra tjänsteområden. Vi behöver en särskild beredskap att hantera nya initiativ för att stötta digitalisering i verksamhetslagret snabbare.
1834|Kopplat till befintlig bastjänst eller infratjänst\tej klargjort
1835|Nytta\tBeredskap att hantera nya initiativ för att stötta digitalisering i verksamhetslagret snabbare.
1836|Effektmål\tFrämjar digitalisering i stadens verksamheter.
1837|Intern - extern nytta\tej klart
1838|Effektivitet - innovation\tej klart
1839|Kommer arbetet bedrivas i projektform? JA/NEJ\tej klart
1840|Dokumenterad koppling till beslutade mål (KF budget, program, planer, Agenda2030)\tej klart
1841|Bedömning förändringsinsatsens komplexitet - kundperspektiv\tej klart
1842|Bedömning förändringsinsatsens komplexitet - leverantörsperspektiv\tej klart
1843|Informationssäkerhet\t
1844|Är informationsklassning genomförd? JA / NEJ + kommentar\tej klart
1845|Tröskel- och konsekvensanalys genomförd? JA / NEJ + kommentar\tej klart
1846|Teknisk del\t
1847|
1848|Är teknisk bedömning / IT-säkerhetsbedömning genomförd utifrån informationsklassning? JA / NEJ + kommentar\tej klart
1849|Är arkitekturbedömning genomförd? JA / NEJ + kommentar\tej klart
1850|Får påverkan på digital infrastruktur? JA / NEJ + kommentar\tJa
1851|Ekonomisk del\t
1852|Total projektbudget (påverkan förvaltningskostnad år 2024,2025,2026)\t2024: 5 000 tkr (Påverkan förvaltningskostnad: 2025: 500 tkr)
1853|Kundgrupp som finansierar\tej beslutat
1854|Förslag fördelningsnyckel\tej beslutat
1855|
1856|Gemensamma tjänster
1857|
1858|Flera av de förändringsinitiativ som ligger inlagda är planerade enligt den tidigare styrmodellen och det långsiktiga arbete som lyfts i tidigare tjänsteplaner. De bygger oftast på att avtal för befintliga IT-stöd löper ut och behöver konkurrensutsättas. De flesta av dessa IT-stöd finns till för att kunna genomföra lagstadgad myndighetsutövning eller för att stötta kunderna att göra detsamma.
1859|
1860|Varje gång en förstudie startas upp inleds ett arbete med att ta fram effektmål och nyttor men det finns fortfarande ett gap mellan tidigare förvaltade tjänster och dess beskrivningar och det önskade läget med tydliga effektmål med mera.
1861|
1862|De listade exemplen sträcker sig som längst till 2026 och inleds oftast med en förstudie. Innan förstudien är genomförd saknas stora delar av den information som efterfrågas. Dessa tas fram i samband med förstudierna, till exempel förutsättningar för behovsanalyser, informationssäkerhetsbedömningar, arkitekturbedömningar med mera. Som tidigare nämnts är också de flesta projekt dessutom ersättningsupphandlingar av IT-stöd. Det på en marknad där man endast kan göra inledande konsekvensbedömningar och risk och sårbarhetsanalyser innan upphandlingen är klar. Upphandlingarna genomförs i projektcykelns inledande faser. Det är först när en leverantör vunnit upphandlingen som de slutgiltiga konsekvens- och riskbedömningarna kan genomföras.
1863|
1864|I nedan tabeller beskrivs bara projektkostnaden för 2024, kostnaden för projekten i sin helhet är inte beskrivna när de löper över flera år.
1865|
1866|Ledning och styrning
1867|
1868|Namn på förändringsinsats\tBudget\tStatus
1869|Teknisk förstudie beslutsstöd\t500 tkr (år 2024)\tNYTT initiativ
1870|Upphandla PU-register och stöd för informationssäkerhet mm\t2 600 tkr (år 2024)\tNYTT initiativ
1871|Utveckla förmåga Digitalt bevarande Etapp 2\t3 000 tkr (år 2024)\tNYTT initiativ
1872|Införa politisk ärendehantering inkl. styrande dokument\t16 000 tkr (år 2024)\tpågående initiativ
1873|<i>ospec. initiativ</i>\t<i>2 400 tkr (år 2024)</i>\t
1874|<i>total kostnadsprognos enligt Tjänsteplan</i>\t<i>24 500 tkr (år 2024)</i>\t
1875|
1876|HR
1877|
1878|Namn på förändringsinsats\tBudget\tStatus
1879|Översyn IT-stöd inom lön och HR (Beslutad i tjänsteplan, pott)\t12 000 tkr (år 2024) varav 6 600 tkr nedan*\tpågående initiativ
1880|Upphandling och införande IT-stöd för rekrytering och rehabilitering (TP)\t*1 200 tkr (år 2024)\tNYTT initiativ
1881|Införande förmånsportalen\t*1 100 tkr (år 2024)\tpågående initiativ
1882|Upphandling IT-stöd för bemanning (TP)\t*2 000 tkr (år 2024)\tNYTT initiativ
1883|Upphandling och införande IT-stöd för utbildningsportalen (TP)\t*1 300 tkr (år 2024)\tNYTT initiativ
1884|Digitalisering inom HR-området, (Beslutad i tjänsteplan, pott)\t1 000 tkr 2024\tpågående initiativ
1885|<i>ospec. initiativ</i>\t<i>6 400 tkr (år 2024)</i>\t
1886|<i>total kostnadsprognos enligt Tjänsteplan</i>\t<i>13 000 tkr (år 2024)</i>\t
1887|
1888|Ekonomi
1889|
1890|Namn på förändringsinsats\tBudget\tStatus
1891|Utveckla område ekonomi (pott)\t2 000 tkr (år 2024) att användas som finansiering av nedan förstudie*\tpågående initiativ
1892|Förstudie 1 "Omvärld, behovsinventering ekonomihantering"\t*2 000 tkr (år 2024)\tNYTT initiativ
1893|<i>total kostnadsprognos enligt Tjänsteplan</i>\t<i>2 000 tkr (år 2024)</i>\t
1894|
1895|Kommunikation
1896|
1897|Namn på förändringsinsats\tBudget\tStatus
1898|Visuell kommunikation (pott)\t500 tkr (år 2024)\tpågående initiativ
1899|Införa mediebank med ljudbibliotek\t1 000 tkr (år 2024)\tNYTT initiativ
1900|Lansera Interna Digitala Navet\t2 000 tkr (år 2024)\tpågående initiativ
1901|<i>total kostnadsprognos enligt Tjänsteplan</i>\t<i>3 500 tkr (år 2024)</i>\t
1902|
1903|Ytterligare utvecklingsprojekt med koppling till bolagskonsolidering eller Göteborg Stads plan för digitalisering 2023-2026 som ännu inte preciserats kommer att tillkomma inför 2024. En indikation på vilka kan ses i kapitel 4. Förändringar i befintliga förvaltningsplaner planeras under 2023, där vissa identifierade utvecklingsinitiativ kan verkställas under 2024. Projektet Översyn IT-stöd inom lön och HR kommer också att medföra nya projekt för 2024 som ej är identifierade. Dessa beräknas hanteras genom befintliga totalvolymerna från tjänsteplanerna.
1904|
1905|Digital infrastruktur
1906|
1907|Nya förändringsinsatser som ännu inte är påbörjade listas överst i tabellen nedan. Utöver dessa nya förändringsinsatser pågår under 2024 också de projekt som redovisas som pågående i tabellen nedan. Beloppen för dessa projekt visar uppskattad projektbudget för 2024.
1908|
1909|Namn på förändringsinsats\tBudget\tStatus
1910|Införa flexibilitet i finansiering av IT utvecklingsbehov (Ny tjänst)\t5 000 tkr (år 2024)\tNYTT initiativ
1911|Utveckling av nya tjänsteerbjudanden för Lokalt Nät – LAN\t1 000 tkr (år 2024)\tNYTT initiativ
1912|Strukturerad tillgång till informationstjänster genom API (Ny tjänst)\t2 000 tkr (år 2024)\tNYTT initiativ
1913|Gemensam tjänst för informationskärmar\t1 000 tkr (år 2024)\tNYTT initiativ
1914|Anpassad arkitektur för e-post (Ny tjänst)\t3 000 tkr (år 2024)\tNYTT initiativ
1915|Införande av City Information Platform / IoT (Ny tjänst)\t6 300 tkr (år 2024)\tpågående initiativ
1916|Utveckling och förstärkning av integrationsverktyg\t2 650 tkr (år 2024)\tpågående initiativ
1917|Flexibel OU-struktur - ökad automatisering\t3 000 tkr (år 2024)\tpågående initiativ
1918|Behörighets- och kontohantering\t4 500 tkr (år 2024)\tpågående initiativ
1919|Utveckling av E-tjänstplattform\t2 480 tkr (år 2024)\tpågående initiativ
1920|Digital Signering\t1 980 tkr (år 2024)\tpågående initiativ
1921|Mina sidor företag\t1 500 tkr (år 2024)\tpågående initiativ
1922|Säker digital kommunikation\t1 800 tkr (år 2024)\tpågående initiativ
1923|Förutsättningskapande printtjänst\t4 000 tkr (år 2024)\tpågående initiativ
1924|Effektivare och säkrare hantering av mobila enheter\t3 500 tkr (år 2024)\tpågående initiativ
1925|Digitalisering med hjälp av automatisering\t3 000 tkr (år 2024)\tpågående initiativ
1926|Satsningar inom IT Säkerhet\t6 000 tkr (år 2024)\tpågående initiativ
1927|IT miljö för hybridmöten\t1 600 tkr (år 2024)\tpågående initiativ
1928|IAM självservice/Mina sidor\t2 000 tkr (år 2024)\tpågående initiativ
1929|Ta fram tjänst för Data Warehouse (DW) (Ny tjänst)\t2 800 tkr (år 2024)\tpågående initiativ
1930|Interna e-tjänster\t1 500 tkr (år 2024)\tpågående initiativ
1931|Införa virtuell klient\t2 800 tkr (år 2024)\tpågående initiativ
1932|<i>total kostnadsprognos enligt utvecklingsplan 2024-2026, ver 0.5</i>\t<i>63 410 tkr (år 2024)</i>\t
1946|3 Kostnader och fördelningsnycklar
1947|
1948|Ekonomiska förutsättningar
1949|
1950|Bedömning av kostnader utgår från beslutad budget 2023.
1951|
1952|Bedömning av kostnadsökningar för index 2024 har skett utifrån ett bedömt index för personalkostnader om 3 procent och utifrån branschindex för externa tjänster.
1953|
1954|Beräkning av förvaltningens kostnader i Årlig analys för 2024 ligger till grund för förvaltningens budgetarbete för 2024. Det fortsatta budgetarbetet kommer vid behov beakta justeringar som sker löpande efter prognostillfällena 2023 för att spegla de avvikelser mot budget som redovisas vid dessa tillfällen.
1955|
1956|Analys och behovsprioritering av utvecklingsinitiativen kommer ske i samarbete med kunder i strategisk samordningsgrupp.
1957|
1958|Sammanställning över effekter på 2024 - tusental kronor (tkr)
1959|
1960|Område\tBudget 2023\tIndex\tPrognos inkl index\tUtv bef tjänst 2023\tUtv bef tjänst 2024\tFör förv 2024 (utv bef)\tFör förv 2024 (ny)
1961|Ekonomi\t83 100\t2 700\t85 800\t2 000\t2 000\t\t
1962|HR\t130 500\t4 300\t134 800\t12 200\t13 000\t8 200\t4 000
1963|Digital infrastruktur\t767 900\t25 300\t792 300\t47 900\t44 300\t49 100\t13 700
1964|Kommunikation\t31 700\t1 100\t33 800\t7 900\t3 500\t500\t
1965|Ledning/styrning\t44 100\t1 400\t45 500\t20 500\t22 000\t5 000\t2 000
1966|Inköp\t14 600\t500\t15 100\t\t\t\t
1967|Total\t1 072 000\t35 300\t1 107 200\t90 500\t84 800\t62 800\t19 700
1968|
1969|I kolumnen Budget 2023 inkluderas även en omklassificering av 22 000 tkr för tjänsten Telefon mellan tjänsteområdena Digital infrastruktur och Kommunikation.
1970|
1971|Ökningen mellan prognos 2024 och budget 2023 beror till 35 300 tkr på indexuppräknig.
1972|
1973|Budget 2023 inkluderar endast tjänster inom bastjänster och digital infrastruktur. Därutöver har förvaltningen verksamhet som finansieras med kommunbidrag samt levererar tjänster som direktfakturering. Verksamhetskostnader för denna verksamhet ingår inte i ovan budget.
1974|
1975|Utvecklingskostnaderna har hämtats från Tjänsteplaner 2023-2025 för Ekonomi, HR, Kommunikation samt Ledning och styrning. Tjänsteplanerna 2023-2025 beslutades i slutet av december och bedöms innehålla aktuell information. För Digital infrastruktur har kostnaderna hämtats från förslag till Utvecklingsplan DI 2024-2026.
1976|
1977|Förvaltnings- och utvecklingsplaner (f.d. tjänsteplaner) arbetas med löpande tillsammans med kundråden och förändringar kan komma att ske i takt med att nya
1978|
1979|bedömningar sker av utvecklingsinitiativen, vilket kommer att arbetas in i budgetarbetet för 2024.
1980|
1981|3.1 Kostnader förvaltning och utveckling 2024–2026
1982|
1983|Förvaltningskostnader inom befintliga tjänster, både bas- och infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2)
1984|
1985|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024
1986|\t\t(exkl. utveckling i befintlig tjänst)\t(inkl. index, men exkl utveckling i befintlig tjänst)
1987|Ekonomi\t-\t83 100\t85 800
1988|HR\t-\t130 500\t134,800
1989|Digital infrastruktur\t-\t767 900\t793 300
1990|Kommunikation\t-\t31 700\t32 800
1991|Ledning och styrning\t-\t44 100\t45 500
1992|Inköp\t\t14 600\t15 100
1993|Totalkostnad\t-\t1 072 000\t1 107 300
1994|
1995|Leverantörens analys
1996|
1997|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024, inkl index 3,3%
1998|\t\t(exkl. utveckling i befintlig tjänst)\t(inkl index, men exkl. utveckling i befintlig tjänst)
1999|Sammanställda räkenskaper\t-\t904\t934
2000|Stöd i budget, prognos och analysprocesserna\t-\t9 603\t9 920
2001|Digitalt bokslut - ny tjänst-arbetsnamn\t-\t0\t0
2002|Stöd i ekonomiprocesserna\t-\t35 369\t36 536
2003|Krav och bidrag\t\t2 089\t2 158
2004|Redovisningstjänster\t-\t35 165\t36 325
2005|\t\t83 130\t85 873
2006|Stöd i arbetet med arbetsmiljö och hälsa\t-\t2 011\t2 077
2007|Stöd i arbetet med bemanning\t\t15 801\t16 322
2008|Stöd i arbetet med förmåner\t\t10 147\t10 482
2009|
2010|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024, inkl index 3,3%
2011|Stöd i arbetet med löneadministration\t\t70 434\t72 758
2012|Stöd i arbetet med lönebildning\t\t2 266\t2 341
2013|Stöd i arbetet med rehabilitering\t\t2 982\t3 080
2014|Stöd i arbetet med personaluppföljning\t\t2 986\t3 085
2015|Stöd i arbetet med rekrytering\t\t5 202\t5 374
2016|Stöd i arbetet med LAS-hantering\t\t4 018\t4 151
2017|Stöd i arbetet med utbildningsportalen\t\t3 829\t3 955
2018|Stöd i arbetet med chefsrekrytering och chefsutveckling\t\t10 825\t11 182
2019|\t\t130 501\t134 808
2020|Lokalt Nät\t\t79 613\t82 240
2021|Stadsnät - WAN\t\t80 088\t82 731
2022|Fjärråtkomst\t\t4 866\t5 027
2023|Fritt publikt WiFi utomhus\t\t681\t703
2024|IT-arbetsplats\t\t130 964\t135 286
2025|Licens som tjänst\t\t8 463\t8 742
2026|Office 365\t\t127 203\t131 401
2027|Identitet och åtkomst\t\t72 839\t75 243
2028|e-tjänstekort\t\t13 179\t13 614
2029|Domino\t\t10 517\t10 864
2030|IT-säkerhet\t\t73 910\t76 349
2031|Webbhotell\t\t2 980\t3 078
2032|Databashotell\t\t15 993\t16 521
2033|ProcessAutomation\t\t14 836\t15 326
2034|Informationshantering\t\t9 303\t9 610
2035|EA & Processer\t\t7 288\t7 529
2036|Applikationsplattform\t\t39 581\t40 887
2037|E-tjänsteplattform\t\t3 657\t3 778
2038|Webbapplikationsplattform\t\t8 697\t8 984
2039|Extern service och kommunikation (goteborg.se)\t\t30 365\t31 367
2040|ServiceNow\t\t8 359\t8 635
2041|Datorhjälpen\t\t2 231\t2 305
2042|Telefoni och stödsystem\t\t22 310\t23 046
2043|\t\t767 923\t793 264
2044|
2045|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024, inkl index 3,3%
2046|Intranät\t\t11 989\t12 385
2047|Grafisk Manual\t\t6 096\t6 297
2048|Bildförsörjning, mediabank, Videoplattform\t\t4 887\t5 048
2049|Konsultation och produktion\t\t8 764\t9 053
2050|\t\t31 736\t32 784
2051|Planering och uppföljning\t\t8 110\t8 378
2052|Stöd för digitalt bevarande\t\t6 388\t6 599
2053|Informationsredovisning\t\t292\t302
2054|LIS (Ledning i samverkan)\t\t19 741\t20 392
2055|Dataskyddsombud\t\t4 135\t4 271
2056|Konsultstöd för Processkartläggning\t\t1 503\t1 553
2057|Stöd för automatisering med hjälp av RPA\t\t1 169\t1 208
2058|Enkätverktyg\t\t128\t132
2059|Stöd för Processkartläggning\t\t1 631\t1 685
2060|Gemensam Bygg Process\t\t204\t211
2061|Stöd för Kemikalierregistrering\t\t772\t797
2062|\t\t44 073\t45 527
2063|Inköp\t\t14 609\t15 091
2064|\t-\t1 071 972\t1 107 347
2065|
2066|Bakgrund till redovisad information
2067|
2068|Belopp anges i tusentals kronor (tkr)
2069|
2070|Specifikation över samtliga tjänster för budget 2023 samt prognos 2024 per tjänsteområde visas i bifogad Excel-sammanställning.
2071|
2072|Viktigt att notera är att i budgeten för 2023 ovan ingår **inte** utveckling i befintlig tjänst, förutom inom område Ekonomi, se nedan. Utveckling i befintlig tjänst presenteras separat under avsnitt nedan "Utvecklingskostnad inom befintliga tjänster". Detsamma gäller för ovan kostnad för 2024, Dock har område Ekonomi tagit med 4 300 tkr som utveckling inom befintlig tjänst, vilket är med i beloppet ovan.
2073|
2074|För att tydliggöra de totala beräknade kostnaderna för förvaltning, kostnader för utveckling i befintlig tjänst samt utvecklingens effekter på förvaltning för 2024 har en separat tabell upprättats som visar helheten.
2075|
2076|Införandet av den nya styrmodellen 2023 innebär att tjänster förändrats, fler tjänsteerbjudanden har tillkommit, vilket gör att en jämförelse mot 2022 inte kan ske. Som bilaga till rapporten redovisas därför den slutliga tjänsteförteckningen mot utfall 2022, samma tjänsteförteckning som ligger till grund för årsrapporten 2022.
2077|
2078|Analys av tjänstekostnaderna mellan 2023 och 2024 per tjänsteområde
2079|
2080|Index generell beräkning för samtliga tjänster
2081|
2082|Budget 2023 är bas för beräkningen för 2024. I budget 2023 ligger en indexökning med 4,5 procent som inkluderar personal, leverantörsavtal, mm. Denna indexökning ingår således som en del av den budget som 2024 års kostnader baseras på.
2083|
2084|Beräkning har skett av indexökning för 2024 genom pålägg med 3 procent på personalkostnader samt 5,5 procent på inköpskostnader. Indexökningen beräknas i snitt till 3,3 procent, baserat på proportionerna mellan personalkostnader och inköpskostnader, och har ökat tjänstekostnaderna som en schablon på budgetramen för 2023. Genomsnittlig beräkning har skett med 3,3 procent på samtliga tjänster, då möjlighet inte finns i dagsläget att beräkna specifikt per tjänst. Detta innebär att vissa tjänster kommer visa ett högre belopp per tjänst och vissa ett lägre belopp per tjänst, när de detaljerade beräkning sker i det kommande budgetarbetet för 2023. Totalt beräknat index uppgår till 35 300 tkr för 2024.
2085|
2086|Bedömning av ett behov av ett högre index för inköpskostnader baseras på att kostnader för konsulter, licenser samt materialkostnader för hårdvara påverkas av pågående inflation och risk för ökade kostnader.
2087|
2088|Ingående budgetram för 2023
2089|
2090|I samband med översyn av prognosen för 2023 i februari/mars 2023 pågår ett arbete med att prognos bedöma utfall mot budget, där kostnaden för 2023 kan bli lägre än budgeterat på grund av förseningar i återanställning, försenade inköp och fördröjd start av utvecklingsprojekt. Prognostiserade överskott minskar utdebiteringen per kund. I dagsläget när denna Årlig analys tas fram finns inte denna information framme och budgetramen 2024 kan därmed inte inkludera sådan minskning. En sådan justering får uppdateras i takt med att detaljbudgeten för 2024 tas fram.
2091|
2092|Fördelning gemensamma kostnader
2093|
2094|Fördelning av kostnader för gemensamma kostnader, bl. a Servicecenter, Serviceportal och Service Now följer samma principer och nycklar som budget 2023. Påslag på tjänsterna för overhead följer samma princip som i budget 2023. Däremot finns risk att fördelning mellan tjänster kan behöva göras i arbetet med detaljerad budget för 2024. Sådana förändringar har inte beaktats i prognos 2024.
2095|
2096|Ekonomisk effekt av prislista
2097|
2098|Tidigare har Intraservice beaktat volymförändringar (ökade beställningsbehov) hos kunderna som en del av budgetarbetet för att bestämma tjänstekostnaden som ska debiteras ut på kund. I och med att en prislista tas fram kommer kunden att beakta och betala för sina volymökningar utifrån beställd volym under löpande år. I det fall Intracservice har utökade behov av investeringar på grund av att volymerna ökar, tas detta med i bedömningen av förvaltningskostnaden. Sådana investeringskostnader har inte identifierats av verksamhetsområdena för 2024 i dagsläget.
2099|
2100|Avtal med kunder
2101|
2102|Det pågår ett arbete med att teckna avtal med kunderna för 2023. Vissa av tjänsterna är valbara, vilket innebär att det kan bli förändringar i tjänstekatalogen beroende på utfallet i kunddialogerna.
2103|
2104|Risker
2105|
2106|Förvaltningen påverkas stort av förändringar i omvärlden och risker kan uppstå i
2107|
2108|den ekonomiska bedömningen. i Årlig analys för 2024 har ingen annan bedömning skett av ekonomiska risker mer än vad som ligger till grund för budgeten 2023. Eventuella risker för öknings i samband med upphandlingar och andra externa förhållanden är heller ej medtagna.
2109|
2110|Gemensamma tjänster
2111|
2112|Ekonomi
2113|
2114|Inga större förändringar bedöms uppkomma för 2024 förutom indexökning. Effekten av utvecklingen 2023 på förvaltning 2024 och framåt är 4 300 tkr per år, vilket är inkluderat i förvaltningskostnaden ovan.
2115|
2116|HR
2117|
2118|Inga större förändringar bedöms uppkomma för 2024 förutom indexökning.
2119|
2120|Kommunikation
2121|
2122|Inga större förändringar bedöms uppkomma för 2023 förutom indexökning. Omklassificering har skett av tjänst Telefoni mellan Kommunikation och Digital infrastruktur från 2022 med 22 300 tkr.
2123|
2124|Ledning och styrning
2125|
2126|Inga större förändringar bedöms uppkomma för 2024 förutom indexökning.
2127|
2128|Digital infrastruktur
2129|
2130|Inga större förändringar bedöms uppkomma för 2024 förutom indexökning. Omklassificering har skett av tjänst Telefoni mellan Kommunikation och Digital infrastruktur från 2022 med 22 300 tkr.
2131|
2132|Tillägs-, specialist- och verksamhetsspecifika tjänster
2133|
2134|Inga större förändringar bedöms uppkomma för 2023 förutom indexökning.
2135|
2136|Utvecklingskostnader inom befintliga tjänster, både bas- och infrastruktur-tjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan förvaltningskostnad per år
2137|
2138|Tjänst\tUtfall 2022\tBudget 2023\tPrognos budget 2024\t2024\t2025\t2026
2139|\t\t\t\t(Förändring enskilt år)\t(Förändring enskilt år)\t(Förändring enskilt år)
2140|Ekonomi\t-\t2 000\t2 000\t0\t0\t0
2141|HR\t-\t12 200\t13 000\t8 200\t0\t0
2142|Digital infrastruktur\t-\t47 900\t44 300\t32 000\t20 200\t20 600
2143|Kommunikation\t-\t7 900\t3 500\t500\t0\t0
2144|Ledning och styrning\t-\t20 500\t22 000\t7 000\t2 000\t0
2145|Totalkostnad:\t-\t90 500\t84 800\t47 700\t22 200\t20 600
2146|
2147|Leverantörens analys
2148|
2149|Tjänst\tUtvecklingskostnad\t\t\tFörändring förvaltnings-/driftkostnad\t\t
2150|\tUtfall 2022\tBudget 2023\tPrognos budget 2024\tÅr 2024\tÅr 2025\tÅr 2026
2151|Ekonomi\t-\t\t\t(Förändring enskilt år)\t(Förändring enskilt år)\t(Förändring enskilt år)
2152|Digitalisering, utvecklingspott\t\t2 000\t2 000\t\t\t
2153|\t\t2 000\t2 000\t0\t0\t0
2154|HR\t-\t\t\t\t\t
2155|Digitalisering inom HR-området, utvecklingspott\t\t1 000\t1 000\t200\t\t
2156|Översyn IT-stöd inom lön och HR, utvecklingspott\t\t11 200\t12 000\t8 000\t\t
2157|\t\t12 200\t13 000\t8 200\t0\t0
2158|Digital infrastruktur\t-\t\t\t\t\t
2159|Lokala nät\t\t\t1 000\t1 500\t1 500\t1 500
2160|Stadsnät WAN\t\t\t\t\t\t
2161|IT Arbetsplats\t\t8 700\t11 300\t5 200\t3 000\t3 300
2162|Office 365\t\t1 600\t1 600\t1 600\t1 500\t1 500
2163|Identitet och åtkomst\t\t8 800\t9 500\t4 700\t2 800\t2 900
2164|IT Säkerhet\t\t4 000\t6 000\t8 000\t4 000\t4 000
2165|Processautomation\t\t6 200\t5 600\t6 400\t4 800\t4 800
2166|Applikationsplattform\t\t\t\t\t\t
2167|E-tjänstplattform\t\t9 300\t9 300\t3 600\t2 600\t2 600
2168|Telefoni och stödsystem\t\t\t\t1 000\t\t
2169|Nya tjänster (ej specificerade)\t\t9 300\t\t\t\t
2170|\t\t47 900\t44 300\t32 000\t20 200\t20 600
2171|Kommunikation\t-\t\t\t\t\t
2172|Upphandla helhetslösning telefoni\t\t3 000\t\t\t\t
2173|Upphandla mediabank\t\t800\t1 000\t\t\t
2174|Skapa ljudbibliotek\t\t200\t\t\t\t
2175|Digitalisering, pott\t\t\t500\t\t\t
2176|Lansera interna digitala navet\t\t3 900\t2 000\t500\t\t
2177|\t\t7 900\t3 500\t500\t0\t0
2178|Ledning och styrning\t-\t\t\t\t\t
2179|Politisk ärendehantering\t\t18 000\t16 000\t2 000\t\t
2180|
2181|\tUtvecklingskostnad\t\t\tFörändring förvaltnings-/driftkostnad\t\t
2182|Stöd i ledning och styrning för stadens projektverksamheter (tilläggs tjänst)*\t\t0\t0\t0\t\t
2183|Stöd för digitalt bevarande (Pre-ingest)\t\t1 500\t3 000\t2 000\t\t
2184|Ledning i samverkan (LIS)\t\t1 000\t3 000\t\t\t
2185|Robotisering och processautomation (RPA)\t\t\t\t1 000\t\t
2186|\t\t20 500\t22 000\t7 000\t0\t0
2187|Totalkostnad:\t=\t<u>90 500</u>\t<u>84 800</u>\t<u>47 200</u>\t<u>22 200</u>\t<u>20 600</u>
2188|
2189|Bakgrund till redovisad information
2190|
2191|Specifikation över samtliga tjänster för budget 2023 samt prognos 2024 visas i bifogad Excel-sammanställning. Belopp för budget 2023 är direkt hämtat från Tjänsteplaner 2023-2025. De totala kostnaderna om 90 500 tkr avser både nyutveckling och utveckling inom befintlig tjänst.
2192|
2193|Införandet av den nya styrmodellen 2023 innebär att tjänster förändrats, fler tjänsteerbjudanden har tillkommit, vilket gör att en jämförelse mot 2022 inte kan ske. Som bilaga till rapporten redovisas därför den slutliga tjänsteförteckningen mot utfall 2022, samma tjänsteförteckning som ligger till grund för årsrapporten 2022.
2194|
2195|Utvecklingskostnad i befintlig tjänst - definition
2196|
2197|Utvecklingskostnad i befintlig tjänst avses den utveckling som vidareutvecklas i redan beslutade tjänster. Men tillkommer ett tjänsteerbjudande så anses det vara en nyutveckling i befintlig tjänst.
2198|
2199|För 2023 har Intraservice särredovisat denna utveckling separat och inte inkluderat den i befintliga tjänster. Detta beror på att vid budgetarbetet för 2023 fanns dessa inte tydligt separerade och beslutade på de enskilda tjänsterna.
2200|
2201|Utvecklingskostnaden i befintlig tjänst har hämtats från Tjänsteplaner 2023-2025 för Ekonomi, HR, Kommunikation samt Ledning och styrning. Tjänsteplanerna 2023-2025 beslutades i slutet av december och bedöms innehålla aktuell information.
2202|
2203|För Digital infrastruktur har kostnaderna hämtats från förslag till Utvecklingsplan DI 2024-2026.
2204|
2205|Ingående budgetram för 2023
2206|
2207|I samband med översyn av prognosen för 2023 i februari/mars 2023 pågår ett arbete med att identifiera vilka av de planerade kostnaderna i budgetramen, som minskar på grund av bra upphandlingseffekt, senareläggning av utvecklingsarbete och minskad personalkostnad på grund av försenade återanställningar. Dessa poster innebär att kostnaden för 2023 kan bli lägre än budgeterat. Denna positiva budgetavvikelse kommer att återbetalas till kund under våren 2023.
2208|
2209|I dagsläget när denna Årlig analys tas fram finns inte denna information framme
2210|
2211|och budgetramen 2024 kan därmed inte inkludera sådan minskning. En sådan justering får uppdateras i takt med att detaljbudgeten för 2024 tas fram.
2212|
2213|Förändringens effekt på kommande års budget
2214|
2215|Bedömning har skett av insatsens effekt på kommande års förvaltningsbudget. Denna bedömning har skett av verksamhetsområdet och har inkluderats i Tjänsteplanerna.
2216|
2217|Analys av tjänstekostnaderna mellan 2023 och 2024 per tjänsteområde
2218|
2219|Gemensamma tjänster
2220|
2221|Ekonomi
2222|
2223|Ekonomi beaktade utveckling i befintlig tjänst i tjänster för 2023 med 6 300 tkr. Dessa avser digitalisering inom området med 4 300 tkr, vilka har beaktats i förvaltningsbudgeten för 2023 som utveckling inom befintlig tjänst. Dessa kostnader kommer påverka förvaltning för 2024 och framåt.
2224|
2225|Dessutom uppkommer en förstudie till upphandling av nya systemlösning inom ekonomiområdet om 2 000 tkr. Denna post redovisas som utveckling i befintlig tjänst. Någon effekt av de 2 000 tkr på förvaltning uppstår ej.
2226|
2227|HR
2228|
2229|Området har identifierat utveckling inom Digitalisering och översyn IT-stöd. I dagsläget kan inte utvecklingskostnaderna härledas till separata tjänster, utan de betraktas som en pott för kommande utvecklingsinsatser. Det finns även en osäkerhet i påverkan på förvaltning om 8 200 tkr för 2024 baserat på att upphandlingar inte är färdiga vid denna rapportens upprättande.
2230|
2231|Kommunikation
2232|
2233|Området har identifierat utveckling inom mediabank, digitala navet, mm.
2234|
2235|Ledning och styrning
2236|
2237|Det stora utvecklingsarbetet avser projektet politisk ärendehantering från 2023 som pågår även 2024 och framåt. Under 2024 utvecklas även stöd för arkivering och PU-register.
2238|
2239|Digital infrastruktur
2240|
2241|För 2023, av de 47 900 tkr som är den totala utvecklingsbudgeten för 2023, av dessa är 38 600 tkr hänförligt till utveckling inom befintlig tjänst och resterande 9 300 tkr är nyutveckling.
2242|
2243|För 2024 beräknas utveckling ske inom flera av ITs tjänster för att utveckla funktionalitet, mm.
2244|
2245|För 2024 års beräkning, av effekten på förvaltningen av tidigare utvecklingsinitiativ, ingår även effekt av 2023 års utveckling.
2246|
2247|För 2025 uppkommer nyutveckling i befintlig tjänst (tjänsteerbjudanden) med 40 100 tkr, vilket inte finns utrymme för att beskriva i ovan tabell. För 2026 uppkommer nyutveckling i befintlig tjänst (tjänsteerbjudanden) med 30 700 tkr, vilket inte finns utrymme för att beskriva i ovan tabell.
2248|
2249|Tilläggs-, specialist- och verksamhetsspecifika tjänster
2250|
2251|Inga utvecklingsinitiativ har identifierats. Inom Lednings och styrning finns en tilläggstjänst, se ovan.
2252|
2253|Kostnader för nya förändringsinsatser ej befintlig tjänst, både bas- och infrastrukturtjänster, ange siffror i tkr (totalkostnaden ska härledas från avsnitt 2.2). I kolumnerna 5-7 ange ev påverkan på förvaltningskostnaderna per år.
2254|
2255|Förändringsinsats\tÅr 2024\tÅr 2025\tÅr 2026\t2024\t2025\t2026
2256|\t\t\t\t(Förändring enskilt år)\t(Förändring enskilt år)\t(Förändring enskilt år)
2257|Ekonomi\t0\t\t\t\t\t
2258|HR\t800\t\t\t4 000\t\t
2259|Digital infrastruktur\t19 100\t22 100\t24 100\t13 700\t14 100\t14 100
2260|Kommunikation\t1 000\t0\t\t\t\t
2261|Ledning, styrning\t5 500\t3 000\t2 000\t2 000\t2 000\t2 000
2262|Ambitionsanpassning 2024\t-21 200\t\t\t\t\t
2263|Totalkostnad\t5 200\t25 100\t26 100\t19 700\t16 100\t16 100
2264|
2265|Leverantörens analys
2266|
2267|Förändringsinsats\tVärde Förändringsinsats\t\t\tFörändring förvaltnings-/driftkostnad\t\t
2268|\tÅr 2024\tÅr 2025\tÅr 2026\tÅr 2024\tÅr 2025\tÅr 2026
2269|\t\t\t\t(Förändring enskilt år inkl 2023)\t(Förändring enskilt år)\t(Förändring enskilt år)
2270|Ekonomi\t0\t0\t0\t0\t0\t0
2271|HR\t\t\t\t\t\t
2272|Chefs- och medarbetarenkät\t800\t\t\t4 000\t\t
2273|Tjänster utan beloppsbestämning (se nedan i text)\t\t\t\t\t\t
2274|\t800\t0\t0\t4 000\t0\t0
2275|Kommunikation\t\t\t\t\t\t
2276|Implementera mediabank\t1 000\t\t\t\t\t
2277|\t1 000\t0\t0\t0\t0\t0
2278|Digital infrastruktur\t\t\t\t\t\t
2279|Lokala nät\t\t\t\t\t\t
2280|IT Arbetsplats\t\t\t\t\t\t
2281|
2282|\tVärde Förändringsinsats\t\t\tFörändring förvaltnings- /driftkostnad\t\t
2283|Office 365\t\t\t\t\t\t
2284|Identitet och åtkomst\t\t\t\t\t\t
2285|IT Säkerhet\t\t\t\t\t\t
2286|Processautomation\t\t\t\t\t\t
2287|E-tjänstplattform\t\t\t\t\t\t
2288|Nya tjänster (ej specificerade)\t19 100\t22 100\t24 100\t13 700\t14 100\t14 100
2289|\t19 100\t22 100\t24 100\t13 700\t14 100\t14 100
2290|Ledning/styrning\t\t\t\t\t\t
2291|Incidentrapporteringssyst em\t1 400\t\t\t\t\t
2292|Digitalisering, pott\t1 000\t1 000\t\t\t\t
2293|Upphandla PU-register och stöd efterlevnad\t2 600\t\t\t2 000\t2 000\t2 000
2294|Beslutsmiljö\t500\t2 000\t2 000\t\t\t
2295|\t5 500\t3 000\t2 000\t2 000\t2 000\t2 000
2296|Ambitions- anpassning 2024\t-21 200\t\t\t\t\t
2297|Totalkostnad\t5 200\t25 100\t26 100\t19 700\t16 100\t16 100
2298|
2299|Bakgrund till redovisad information
2300|
2301|Specifikation över samtliga tjänster för 2024 visas i bifogad Excel-sammanställning.
2302|
2303|För år 2025 och 2026 har beräknade kostnader uppskattats i befintliga tjänsteplaner antagna i december 2022. Någon uppdaterad bedömning från de beslutade tjänsteplanerna har inte skett i detta läge.
2304|
2305|Större bedömda förändringsinsatser beskrivs i tjänsteplanerna (hänvisning sker till dessa) och sammanfattas kort nedan.
2306|
2307|Utvecklingskostnad för nya tjänster - definition
2308|
2309|Utvecklingskostnad för nya tjänster avses den nyutveckling som sker i tjänster som inte tidigare finns. Det ska även likställas med nya tjänsteerbjudanden.
2310|
2311|Förändringens effekt på kommande års budget
2312|
2313|Bedömning har skett av insatsens effekt på kommande års förvaltningsbudget. Denna bedömning har skett av verksamhetsområdet och har inkluderats i Tjänsteplaner 2023-2025 och förslag till Utvecklingsplaner 2024-2026 och har direkt hämtats därifrån.
2314|
2315|För flera tjänster har denna bedömning varit svår att beloppsbestämma och värdering har inte kunnat ske.
2316|
2317|Beskrivning över väsentliga förändringsinsatser för 2025 och 2026
2318|
2319|Gemensamma tjänster
2320|
2321|Ekonomi
2322|
2323|Inga insatser inom nytutveckling identifierade för 2024 och framåt. Inom ekonomiområdet planeras kommande upphandlingar av system, för dessa har ingen uppskattning ännu kunnat ske för 2024 och framåt.
2324|
2325|HR
2326|
2327|Insatsen avser Chefs- och Medarbetarenkät, totalt 8 00 tkr för nytutveckling. Uppskattad kostnad i förvaltning uppgår till 4 000 tkr.
2328|
2329|Kommunikation
2330|
2331|Kommunikation har identifierat mindre insatser inom nytutveckling för 2024.
2332|
2333|Ledning och styrning
2334|
2335|Området har identifierat insatser inom nytutveckling identifierade för 2024 avseende Upphandling av PU-register samt incidentrapporteringsystem, mm.
2336|
2337|Digital infrastruktur
2338|
2339|Verksamhetsområdet har identifierat insatser inom nytutveckling om 19 100 tkr för 2024, 22 100 tkr för 2025 samt 24 100 tkr för 2026.
2340|
2341|Tilläggs-, specialist- och verksamhetsspecifika tjänster
2342|
2343|Inga insatser inom nytutveckling identifierade för 2024 och framåt.
2344|
2345|Ambitionsanpassning 2024
2346|
2347|Respektive utvecklingsinitiativ är framtaget i dialog med kunder. Nya behov tillkommer och behov av utökade utvecklingsmedel redovisas per initiativ. Nämnden för Intraservice anser dock att det bör finnas en övre gräns för Göteborgs Stads utvecklingskostnad 2024, utifrån kapacitet att genomföra förändringsprojekten och stadens ekonomiska utmaningar - i nivå med Tjänsteplan 2023-2025 (2023 - 90 mnkr). En generell nedprioritering ligger som separat rad i tabellen och prioritering kommer att ske mellan initiativ för att inte överstiga detta ekonomiska takvärde för utveckling under 2024.
2348|
2349|3.2 Förslag justering av fördelningsnycklar
2350|
2351|Tjänst\tNuvarande fördelningsnyckel\tFörslag justering\tMotivering
2352|Ekonomi\t\tinga\t
2353|HR\t\tinga\t
2354|Digital infrastruktur\t\tinga\t
2355|Kommunikation\t\tinga\t
2356|Ledning och styrning\t\tinga\t
2357|Tilläggs- specialist och verksamhetsspecifikt\t\tinga\t
2358|
2359|Leverantörens analys
2360|
2361|Prislistan för 2023 innehåller specificerade volymmått (fördelningsnycklar) på
2362|
2363|tjänst/tjänsteerbjudanden. Dessa volymmått är beslutade under 2022 att gälla för 2023 och framåt. Arbetet med att ta fram volymmåtten har skett i dialog med kundråd under 2022.
2364|
2365|Vid upprättande av nya tjänster alternativt som resultat av upphandlingar kan det bli aktuellt med revidering av befintliga fördelningsnycklar alternativt framtagning av ny fördelningsnyckel.
2366|
2367|Nedan specificeras de förändringar som sker från 2023 till 2024 och en beskrivning över effekten av förändringen.
2368|
2369|Gemensamma tjänster
2370|
2371|Ekonomi
2372|
2373|Inga förändringar identifierade vid tidpunkten för denna rapport.
2374|
2375|HR
2376|
2377|Inga förändringar identifierade vid tidpunkten för denna rapport.
2378|
2379|Kommunikation
2380|
2381|Inga förändringar identifierade vid tidpunkten för denna rapport.
2382|
2383|Ledning och styrning
2384|
2385|Inga förändringar identifierade vid tidpunkten för denna rapport.
2386|
2387|Digital infrastruktur
2388|
2389|Inga förändringar identifierade vid tidpunkten för denna rapport.
2390|
2391|Tilläggs-, specialist- och verksamhetsspecifika tjänster
2392|
2393|Inga förändringar identifierade vid tidpunkten för denna rapport.
"""

if __name__ == "__main__":
    main()
