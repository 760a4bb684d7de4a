#!/usr/bin/python3
"""Regenerate the .xlsx reader fixtures in this folder and their expected-JSON oracles.

Run with Debian's python (it has openpyxl 3.0.9):

    /usr/bin/python3 tests/data/xlsx/make_fixtures.py            # write every fixture
    /usr/bin/python3 tests/data/xlsx/make_fixtures.py --only hand_formulas
    /usr/bin/python3 tests/data/xlsx/make_fixtures.py --check build/arsanalys
    /usr/bin/python3 tests/data/xlsx/make_fixtures.py --openpyxl  # oracle vs openpyxl

Three writers:
  hand_*  OOXML written here with zipfile, every XML part a literal string;
  opx_*   written by openpyxl;
  lo_*    written by LibreOffice (`soffice --headless --convert-to xlsx`) from the
          .fods/.csv source kept beside them. Without soffice the existing lo_*.xlsx are kept.

The oracle of every fixture (NAME.expected.json) is written by hand below, next to the
content that produces it, in the shape of `arsanalys inspect --json` (docs: contract.md).
Nothing is computed from the program's output. Bytes are reproducible: fixed zip entry
times, fixed docProps dates.
"""
import argparse
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape as _xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
DOC_TIME = "2024-01-01T00:00:00Z"

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def attr(s):
    return _xml_escape(s, {'"': "&quot;"})


# ----------------------------------------------------------------------------------------
# Expected cells (hand-written oracle)

def _cell(ref, typ, value, f):
    c = {"ref": ref, "type": typ, "value": value}
    if f is not None:
        c["formula"] = f
    return c


def S(ref, v, f=None):
    return _cell(ref, "string", v, f)


def N(ref, v, f=None):
    return _cell(ref, "number", v, f)


def D(ref, v, f=None):
    return _cell(ref, "date", v, f)


def B(ref, v, f=None):
    return _cell(ref, "bool", v, f)


def E(ref, v, f=None):
    return _cell(ref, "error", v, f)


def sheet(name, cells, merged=()):
    return {"name": name, "cells": list(cells), "merged": list(merged), "tables": []}


# ----------------------------------------------------------------------------------------
# OOXML part builders (the literal XML of each fixture is in the fixture functions)

def content_types(overrides, defaults=(("rels", CT_RELS), ("xml", "application/xml"))):
    out = [DECL, f'<Types xmlns="{NS_CT}">']
    for ext, ct in defaults:
        out.append(f'<Default Extension="{ext}" ContentType="{ct}"/>')
    for part, ct in overrides:
        out.append(f'<Override PartName="{part}" ContentType="{ct}"/>')
    out.append("</Types>")
    return "".join(out)


def rels(items):
    """items: (Id, Type, Target)"""
    out = [DECL, f'<Relationships xmlns="{NS_PKG_REL}">']
    for rid, typ, target in items:
        out.append(f'<Relationship Id="{rid}" Type="{typ}" Target="{attr(target)}"/>')
    out.append("</Relationships>")
    return "".join(out)


CORE_XML = (DECL +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:creator>arsanalys make_fixtures.py</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{DOC_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{DOC_TIME}</dcterms:modified>'
            '</cp:coreProperties>')

APP_XML = (DECL +
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Application>Microsoft Excel</Application></Properties>')


def xmlns(p, ns):
    return f'xmlns:{p[:-1]}="{ns}"' if p else f'xmlns="{ns}"'


def styles_xml(numfmts=(), xf_numfmts=(0,), p="", ns=NS_MAIN):
    """numfmts: (id, formatCode); xf_numfmts: numFmtId of each cellXfs entry (index = s)."""
    out = [DECL, f"<{p}styleSheet {xmlns(p, ns)}>"]
    if numfmts:
        out.append(f'<{p}numFmts count="{len(numfmts)}">')
        for i, code in numfmts:
            out.append(f'<{p}numFmt numFmtId="{i}" formatCode="{attr(code)}"/>')
        out.append(f"</{p}numFmts>")
    out.append(f'<{p}fonts count="1"><{p}font><{p}sz val="11"/><{p}name val="Calibri"/>'
               f'<{p}family val="2"/></{p}font></{p}fonts>')
    out.append(f'<{p}fills count="2"><{p}fill><{p}patternFill patternType="none"/></{p}fill>'
               f'<{p}fill><{p}patternFill patternType="gray125"/></{p}fill></{p}fills>')
    out.append(f'<{p}borders count="1"><{p}border><{p}left/><{p}right/><{p}top/><{p}bottom/>'
               f'<{p}diagonal/></{p}border></{p}borders>')
    out.append(f'<{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
               f'</{p}cellStyleXfs>')
    out.append(f'<{p}cellXfs count="{len(xf_numfmts)}">')
    for nf in xf_numfmts:
        apply = ' applyNumberFormat="1"' if nf else ""
        out.append(f'<{p}xf numFmtId="{nf}" fontId="0" fillId="0" borderId="0" xfId="0"{apply}/>')
    out.append(f"</{p}cellXfs>")
    out.append(f'<{p}cellStyles count="1"><{p}cellStyle name="Normal" xfId="0" builtinId="0"/>'
               f'</{p}cellStyles>')
    out.append(f"</{p}styleSheet>")
    return "".join(out)


def sst_xml(items, p="", ns=NS_MAIN):
    """items: the raw inner XML of each <si>, or None for an empty <si/>."""
    out = [DECL, f'<{p}sst {xmlns(p, ns)} count="{len(items)}" uniqueCount="{len(items)}">']
    for it in items:
        out.append(f"<{p}si/>" if it is None else f"<{p}si>{it}</{p}si>")
    out.append(f"</{p}sst>")
    return "".join(out)


def sheet_xml(rows, dimension=None, merges=(), p="", ns=NS_MAIN):
    out = [DECL, f"<{p}worksheet {xmlns(p, ns)}>"]
    if dimension:
        out.append(f'<{p}dimension ref="{dimension}"/>')
    out.append(f"<{p}sheetData>{rows}</{p}sheetData>" if rows else f"<{p}sheetData/>")
    if merges:
        out.append(f'<{p}mergeCells count="{len(merges)}">')
        out.extend(f'<{p}mergeCell ref="{m}"/>' for m in merges)
        out.append(f"</{p}mergeCells>")
    out.append(f'<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    out.append(f"</{p}worksheet>")
    return "".join(out)


def workbook_xml(sheets, workbook_pr=None, p="", ns=NS_MAIN, rp="r", rns=NS_R, root_attrs=""):
    """sheets: (name, rId, state or None)"""
    out = [DECL, f'<{p}workbook {xmlns(p, ns)} xmlns:{rp}="{rns}"{root_attrs}>']
    if workbook_pr is not None:
        out.append(f"<{p}workbookPr{workbook_pr}/>")
    first_visible = next(i for i, s in enumerate(sheets) if not s[2])
    out.append(f'<{p}bookViews><{p}workbookView activeTab="{first_visible}"/></{p}bookViews>')
    out.append(f"<{p}sheets>")
    for i, (name, rid, state) in enumerate(sheets, 1):
        st = f' state="{state}"' if state else ""
        out.append(f'<{p}sheet name="{attr(name)}" sheetId="{i}"{st} {rp}:id="{rid}"/>')
    out.append(f"</{p}sheets></{p}workbook>")
    return "".join(out)


def std_package(sheets, sst=None, styles=None, workbook_pr=None):
    """The ordinary layout Excel writes. sheets: (name, sheet xml, state or None)."""
    parts = {}
    overrides = [("/xl/workbook.xml", CT_WORKBOOK)]
    wb_rels = []
    for i, (_, _, _) in enumerate(sheets, 1):
        overrides.append((f"/xl/worksheets/sheet{i}.xml", CT_SHEET))
        wb_rels.append((f"rId{i}", NS_R + "/worksheet", f"worksheets/sheet{i}.xml"))
    n = len(sheets)
    overrides.append(("/xl/styles.xml", CT_STYLES))
    wb_rels.append((f"rId{n + 1}", NS_R + "/styles", "styles.xml"))
    if sst is not None:
        overrides.append(("/xl/sharedStrings.xml", CT_SST))
        wb_rels.append((f"rId{n + 2}", NS_R + "/sharedStrings", "sharedStrings.xml"))
    overrides += [("/docProps/core.xml", CT_CORE), ("/docProps/app.xml", CT_APP)]
    parts["[Content_Types].xml"] = content_types(overrides)
    parts["_rels/.rels"] = rels([("rId1", NS_R + "/officeDocument", "xl/workbook.xml"),
                                 ("rId2", RT_CORE, "docProps/core.xml"),
                                 ("rId3", NS_R + "/extended-properties", "docProps/app.xml")])
    parts["docProps/core.xml"] = CORE_XML
    parts["docProps/app.xml"] = APP_XML
    parts["xl/workbook.xml"] = workbook_xml([(nm, f"rId{i}", st) for i, (nm, _, st) in enumerate(sheets, 1)],
                                            workbook_pr)
    parts["xl/_rels/workbook.xml.rels"] = rels(wb_rels)
    for i, (_, xml, _) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    parts["xl/styles.xml"] = styles if styles is not None else styles_xml()
    if sst is not None:
        parts["xl/sharedStrings.xml"] = sst
    return parts


def write_zip(path, parts):
    """parts: ordered (name, str|bytes). Fixed entry times -> reproducible bytes."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def normalise_zip(src_bytes, path):
    """Rewrite another writer's .xlsx with fixed entry times and fixed docProps dates."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(src_bytes)) as z:
        for name in z.namelist():
            data = z.read(name)
            if name == "docProps/core.xml":
                s = data.decode("utf-8")
                s = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", r"\g<1>" + DOC_TIME + r"\3", s)
                s = re.sub(r"<cp:revision>[^<]*</cp:revision>", "<cp:revision>1</cp:revision>", s)
                data = s.encode("utf-8")
            if name == "docProps/app.xml":
                s = data.decode("utf-8")
                s = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", s)
                data = s.encode("utf-8")
            parts.append((name, data))
    write_zip(path, parts)


# ----------------------------------------------------------------------------------------
# Fixture registry

FIXTURES = []  # (name, kind, function)


def fixture(name, kind="hand"):
    def deco(fn):
        FIXTURES.append((name, kind, fn))
        return fn
    return deco


def write_hand(name, parts, sheets):
    order = ["[Content_Types].xml", "_rels/.rels"]
    items = [(k, parts[k]) for k in order if k in parts] + \
            [(k, v) for k, v in parts.items() if k not in order]
    write_zip(os.path.join(HERE, name + ".xlsx"), items)
    return sheets


# ======================================================================================
# Hand-made OOXML fixtures
# ======================================================================================

@fixture("hand_shared_strings")
def f_shared_strings():
    """Shared strings: plain, rich-text runs joined, phonetic <rPh> skipped, entities."""
    sst = sst_xml([
        "<t>Tjänst</t>",                                                            # 0
        '<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/>'
        '<scheme val="minor"/></rPr><t>Fet</t></r>'
        '<r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve"> och normal</t></r>',  # 1
        '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0" type="noConversion"/>',  # 2
        '<r><t>Nämnden</t></r><r><rPr><i/></rPr><t xml:space="preserve"> för </t></r><r><t>Intraservice</t></r>'
        '<rPh sb="0" eb="7"><t>ignoreras</t></rPh><phoneticPr fontId="0"/>',       # 3
        "<t>Belopp &amp; &lt;summa&gt; &quot;tkr&quot; &#229;&#xE4;</t>",          # 4
        "<t>Rad ett\nRad två</t>",                                                  # 5
        "<r><t>Enbart en run</t></r>",                                              # 6
        "<t>Oanvänd sträng</t>",                                                    # 7 never referenced
    ])
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c></row>'
            '<row r="4"><c r="A4" t="s"><v>6</v></c><c r="B4" t="s"><v>0</v></c></row>')
    parts = std_package([("Strängar", sheet_xml(rows, "A1:B4"), None)], sst=sst)
    return parts, [sheet("Strängar", [
        S("A1", "Tjänst"), S("B1", "Fet och normal"),
        S("A2", "東京"), S("B2", "Nämnden för Intraservice"),
        S("A3", 'Belopp & <summa> "tkr" åä'), S("B3", "Rad ett\nRad två"),
        S("A4", "Enbart en run"), S("B4", "Tjänst"),
    ])]


@fixture("hand_whitespace")
def f_whitespace():
    """The text of a <t> is kept as written, with or without xml:space="preserve" (as openpyxl
    and calamine read it; Excel itself writes the attribute whenever the ends are blank)."""
    sst = sst_xml([
        '<t xml:space="preserve">  två mellanslag före och efter  </t>',  # 0
        "<t>  utan preserve  </t>",                                       # 1 kept
        '<t xml:space="preserve">&#9;flik först</t>',                      # 2
        '<r><t>Summa</t></r><r><t xml:space="preserve"> </t></r><r><t>tkr</t></r>',  # 3
        "<t>inre  dubbla   mellanslag</t>",                                # 4
        '<t xml:space="preserve"> </t>',                                   # 5 a single space: not empty
        "<t>\n  rad ett\nrad två\n  </t>",                                 # 6 kept
        # 7: a whitespace-only run without preserve, as found in the wild (python-excel/xlrd
        # issue 225): Excel shows "hello world", so a whitespace-only <t> is not emptied.
        '<r><t>hello</t></r><r><rPr><sz val="7"/></rPr><t> </t></r><r><t>world</t></r>',
    ])
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> inline med mellanslag </t></is></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c>'
            '<c r="C2" t="inlineStr"><is><t>  inline utan preserve</t></is></c></row>'
            '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="s"><v>6</v></c></row>'
            '<row r="4"><c r="A4" t="s"><v>7</v></c></row>')
    parts = std_package([("Blanksteg", sheet_xml(rows, "A1:C4"), None)], sst=sst)
    return parts, [sheet("Blanksteg", [
        S("A1", "  två mellanslag före och efter  "), S("B1", "  utan preserve  "),
        S("C1", " inline med mellanslag "),
        S("A2", "\tflik först"), S("B2", "Summa tkr"), S("C2", "  inline utan preserve"),
        S("A3", "inre  dubbla   mellanslag"), S("B3", " "), S("C3", "\n  rad ett\nrad två\n  "),
        S("A4", "hello world"),
    ])]


@fixture("hand_escapes")
def f_escapes():
    """ST_Xstring escapes _xHHHH_ decoded; _x005F_ escapes the underscore itself."""
    sst = sst_xml([
        "<t>Rad1_x000D_\nRad2</t>",                         # 0 CR LF
        "<t>_x0041_BC</t>",                                 # 1 ABC
        "<t>_x005F_x0041_</t>",                             # 2 literal _x0041_
        "<t>a_x00e5_b</t>",                                 # 3 lower-case hex
        "<t>_x00_ och _xZZZZ_ är inga escapes</t>",         # 4 literal
        "<r><t>Kolumn_x0009_</t></r><r><t>B</t></r>",      # 5 tab inside a run
        "<t>x_x000A_y</t>",                                 # 6 LF
    ])
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline_x0021_</t></is></c></row>'
            '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c></row>'
            '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="s"><v>6</v></c></row>')
    parts = std_package([("Escape", sheet_xml(rows, "A1:B4"), None)], sst=sst)
    return parts, [sheet("Escape", [
        S("A1", "Rad1\r\nRad2"), S("B1", "Inline!"),
        S("A2", "ABC"), S("B2", "_x0041_"),
        S("A3", "aåb"), S("B3", "_x00_ och _xZZZZ_ är inga escapes"),
        S("A4", "Kolumn\tB"), S("B4", "x\ny"),
    ])]


@fixture("hand_inline_strings")
def f_inline():
    """t="inlineStr": plain, rich runs, phonetic run skipped, digits stay text, empty <is>."""
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Inline text</t></is></c>'
            '<c r="B1" t="inlineStr"><is><r><t xml:space="preserve">Del </t></r><r><rPr><b/></rPr><t>två</t></r></is></c>'
            '<c r="C1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>'
            '<c r="D1" t="inlineStr"><is><t>123</t></is></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>åäö – ÅÄÖ</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t/></is></c>'
            '<c r="C2"><v>5</v></c>'
            '<c r="D2" s="0" t="inlineStr"><is><t>sist</t></is></c></row>')
    parts = std_package([("Inline", sheet_xml(rows, "A1:D2"), None)])
    return parts, [sheet("Inline", [
        S("A1", "Inline text"), S("B1", "Del två"), S("C1", "漢字"), S("D1", "123"),
        S("A2", "åäö – ÅÄÖ"), N("C2", 5), S("D2", "sist"),
    ])]


@fixture("hand_empty_values")
def f_empty():
    """Empty <v/>, empty <si/>, <si><t/></si>, empty rich run, styled-only cells, empty rows:
    none listed. Zero, a single space and a formula with cached "" are listed."""
    sst = sst_xml([None, "<t/>", "<t>ok</t>", "<r><t></t></r>"])
    rows = ('<row r="1"><c r="A1"><v/></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>'
            '<c r="D1" s="0"/><c r="E1" t="inlineStr"><is><t></t></is></c><c r="F1" t="str"><v></v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="str"><f>""</f><v></v></c>'
            '<c r="C2"><v>0</v></c><c r="D2" t="s"><v>3</v></c>'
            '<c r="E2" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>'
            '<row r="3"/>'
            '<row r="4" spans="1:3"></row>'
            '<row r="5"><c r="A5"/><c r="B5" t="n"><v>-0.5</v></c></row>')
    parts = std_package([("Tomt", sheet_xml(rows, "A1:F5"), None)], sst=sst)
    return parts, [sheet("Tomt", [
        S("A2", "ok"), S("B2", "", '""'), N("C2", 0), S("E2", " "),
        N("B5", -0.5),
    ])]


@fixture("hand_no_refs")
def f_no_refs():
    """Cells without r continue after the previous cell; rows without r after the previous row."""
    sst = sst_xml(["<t>första</t>"])
    rows = ('<row r="1"><c t="s"><v>0</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>'
            '<row><c><v>7</v></c><c><v>8</v></c></row>'
            '<row r="5"><c><v>9</v></c></row>'
            '<row><c r="C6"><v>10</v></c><c><v>11</v></c></row>'
            '<row><c><v>12</v></c><c t="inlineStr"><is><t>utan r</t></is></c></row>')
    parts = std_package([("Utan r", sheet_xml(rows), None)], sst=sst)
    return parts, [sheet("Utan r", [
        S("A1", "första"), N("B1", 2), N("E1", 5), N("F1", 6),
        N("A2", 7), N("B2", 8),
        N("A5", 9),
        N("C6", 10), N("D6", 11),
        N("A7", 12), S("B7", "utan r"),
    ])]


@fixture("hand_dimension")
def f_dimension():
    """No <dimension>; a wrong <dimension ref="A1"> with data far beyond; a too large one."""
    s1 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
                   '<row r="5"><c r="C5"><v>7</v></c></row>')
    s2 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>start</t></is></c></row>'
                   '<row r="10"><c r="D10"><v>10</v></c></row>'
                   '<row r="100"><c r="Z100" t="inlineStr"><is><t>långt bort</t></is></c></row>',
                   dimension="A1")
    s3 = sheet_xml('<row r="2"><c r="B2"><v>1</v></c></row>', dimension="A1:Z9999")
    parts = std_package([("Utan dimension", s1, None), ("Fel dimension", s2, None),
                         ("Stor dimension", s3, None)])
    return parts, [
        sheet("Utan dimension", [S("A1", "a"), N("C5", 7)]),
        sheet("Fel dimension", [S("A1", "start"), N("D10", 10), S("Z100", "långt bort")]),
        sheet("Stor dimension", [N("B2", 1)]),
    ]


@fixture("hand_sparse")
def f_sparse():
    """Row 1 then row 1000 then the last row; multi-letter columns sort by number, not text."""
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Början</t></is></c><c r="AA1"><v>1</v></c>'
            '<c r="AZ1"><v>2</v></c><c r="BA1"><v>3</v></c><c r="ZZ1"><v>4</v></c><c r="AAA1"><v>5</v></c></row>'
            '<row r="1000"><c r="A1000" t="inlineStr"><is><t>Rad 1000</t></is></c><c r="B1000"><v>1000</v></c></row>'
            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>Sista cellen</t></is></c></row>')
    parts = std_package([("Glest", sheet_xml(rows, "A1:XFD1048576"), None)])
    return parts, [sheet("Glest", [
        S("A1", "Början"), N("AA1", 1), N("AZ1", 2), N("BA1", 3), N("ZZ1", 4), N("AAA1", 5),
        S("A1000", "Rad 1000"), N("B1000", 1000),
        S("XFD1048576", "Sista cellen"),
    ])]


@fixture("hand_formulas")
def f_formulas():
    """Formulas with cached values of every type; t="str"; cached ""; array; no cached value."""
    styles = styles_xml(xf_numfmts=(0, 14))
    rows = ('<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f>A1+A2</f><v>30</v></c></row>'
            '<row r="2"><c r="A2"><v>20</v></c><c r="B2" t="e"><f>A1/0</f><v>#DIV/0!</v></c></row>'
            '<row r="3"><c r="B3" t="b"><f>A1&gt;5</f><v>1</v></c></row>'
            '<row r="4"><c r="B4" t="str"><f>"Summa: "&amp;A1</f><v>Summa: 10</v></c></row>'
            '<row r="5"><c r="B5" t="str"><f>IF(A1&gt;100,"x","")</f><v></v></c></row>'
            '<row r="6"><c r="B6" s="1"><f>DATE(2024,3,14)</f><v>45365</v></c></row>'
            '<row r="7"><c r="B7"><f t="array" ref="B7">SUM(A1:A2*2)</f><v>60</v></c></row>'
            '<row r="8"><c r="B8"><f>A1*3</f></c></row>'
            "<row r=\"9\"><c r=\"B9\"><f>'Blad 2'!A1*2</f><v>42</v></c></row>"
            '<row r="10"><c r="B10" t="n"><f>SUM(A1:A2)</f><v>30</v></c></row>')
    s2 = sheet_xml('<row r="1"><c r="A1"><v>21</v></c></row>', "A1")
    parts = std_package([("Formler", sheet_xml(rows, "A1:B10"), None), ("Blad 2", s2, None)], styles=styles)
    return parts, [
        sheet("Formler", [
            N("A1", 10), N("B1", 30, "A1+A2"),
            N("A2", 20), E("B2", "#DIV/0!", "A1/0"),
            B("B3", True, "A1>5"),
            S("B4", "Summa: 10", '"Summa: "&A1'),
            S("B5", "", 'IF(A1>100,"x","")'),
            D("B6", "2024-03-14", "DATE(2024,3,14)"),
            N("B7", 60, "SUM(A1:A2*2)"),
            S("B8", "", "A1*3"),            # no cached value: convention of the brief
            N("B9", 42, "'Blad 2'!A1*2"),
            N("B10", 30, "SUM(A1:A2)"),
        ]),
        sheet("Blad 2", [N("A1", 21)]),
    ]


@fixture("hand_shared_formulas")
def f_shared_formulas():
    """Shared formulas: children carry only <f t="shared" si=".."/>; their formula is the
    master's shifted by the offset (absolute parts, string literals, function names and
    whole-column refs unchanged)."""
    F2 = repr(math.log10(2) * 10)
    rows = ('<row r="1"><c r="A1"><v>1</v></c>'
            '<c r="B1"><f t="shared" ref="B1:B4" si="0">A1*2</f><v>2</v></c>'
            '<c r="C1"><f t="shared" ref="C1:C3" si="1">$A$1+A1+A$1+$A1</f><v>4</v></c>'
            '<c r="D1" t="str"><f t="shared" ref="D1:E2" si="2">SUM(A1:B1)&amp;"A1"</f><v>3A1</v></c>'
            '<c r="E1" t="str"><f t="shared" si="2"/><v>6A1</v></c>'
            '<c r="F1"><f t="shared" ref="F1:F2" si="3">LOG10(A1)*10</f><v>0</v></c>'
            '<c r="G1"><f t="shared" ref="G1:G3" si="4">Data!A1*10</f><v>50</v></c>'
            '<c r="H1"><f t="shared" ref="H1:H4" si="5">A1+100</f><v>101</v></c>'
            '<c r="J1"><f t="shared" ref="J1:J2" si="7">SUM(A:A)</f><v>10</v></c>'
            '<c r="K1"><f t="shared" ref="K1:L1" si="8">A1+B$1</f><v>3</v></c>'
            '<c r="L1"><f t="shared" si="8"/><v>6</v></c></row>'
            '<row r="2"><c r="A2"><v>2</v></c>'
            '<c r="B2"><f t="shared" si="0"/><v>4</v></c>'
            '<c r="C2"><f t="shared" si="1"/><v>6</v></c>'
            '<c r="D2" t="str"><f t="shared" si="2"/><v>6A1</v></c>'
            '<c r="E2" t="str"><f t="shared" si="2"/><v>10A1</v></c>'
            f'<c r="F2"><f t="shared" si="3"/><v>{F2}</v></c>'
            '<c r="G2"><f t="shared" si="4"/><v>60</v></c>'
            '<c r="I2"><f t="shared" ref="I2:I4" si="6">A1-1</f><v>0</v></c>'
            '<c r="J2"><f t="shared" si="7"/><v>10</v></c></row>'
            '<row r="3"><c r="A3"><v>3</v></c>'
            '<c r="B3"><f t="shared" si="0"></f><v>6</v></c>'
            '<c r="C3"><f t="shared" si="1"/><v>8</v></c>'
            '<c r="G3"><f t="shared" si="4"/><v>70</v></c>'
            '<c r="H3"><f t="shared" si="5"/><v>103</v></c>'
            '<c r="I3"><f t="shared" si="6"/><v>1</v></c></row>'
            '<row r="4"><c r="A4"><v>4</v></c>'
            '<c r="B4"><f t="shared" si="0"/><v>8</v></c>'
            '<c r="I4"><f t="shared" si="6"/><v>2</v></c></row>')
    data = sheet_xml('<row r="1"><c r="A1"><v>5</v></c></row><row r="2"><c r="A2"><v>6</v></c></row>'
                     '<row r="3"><c r="A3"><v>7</v></c></row>', "A1:A3")
    parts = std_package([("Delade", sheet_xml(rows, "A1:L4"), None), ("Data", data, None)])
    return parts, [
        sheet("Delade", [
            N("A1", 1), N("B1", 2, "A1*2"), N("C1", 4, "$A$1+A1+A$1+$A1"),
            S("D1", "3A1", 'SUM(A1:B1)&"A1"'), S("E1", "6A1", 'SUM(B1:C1)&"A1"'),
            N("F1", 0, "LOG10(A1)*10"), N("G1", 50, "Data!A1*10"), N("H1", 101, "A1+100"),
            N("J1", 10, "SUM(A:A)"), N("K1", 3, "A1+B$1"), N("L1", 6, "B1+C$1"),
            N("A2", 2), N("B2", 4, "A2*2"), N("C2", 6, "$A$1+A2+A$1+$A2"),
            S("D2", "6A1", 'SUM(A2:B2)&"A1"'), S("E2", "10A1", 'SUM(B2:C2)&"A1"'),
            N("F2", 3.010299956639812, "LOG10(A2)*10"), N("G2", 60, "Data!A2*10"),
            N("I2", 0, "A1-1"), N("J2", 10, "SUM(A:A)"),
            N("A3", 3), N("B3", 6, "A3*2"), N("C3", 8, "$A$1+A3+A$1+$A3"),
            N("G3", 70, "Data!A3*10"), N("H3", 103, "A3+100"), N("I3", 1, "A2-1"),
            N("A4", 4), N("B4", 8, "A4*2"), N("I4", 2, "A3-1"),
        ]),
        sheet("Data", [N("A1", 5), N("A2", 6), N("A3", 7)]),
    ]


@fixture("hand_errors_bools")
def f_errors_bools():
    """t="e" error values (literal and formula results) and t="b" booleans."""
    errs = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]
    rows = []
    for i, e in enumerate(errs, 1):
        extra = ""
        if i == 1:
            extra = '<c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><f>NA()</f><v>#N/A</v></c>'
        elif i == 2:
            extra = '<c r="B2" t="b"><v>0</v></c><c r="C2" t="b"><f>FALSE()</f><v>0</v></c>'
        rows.append(f'<row r="{i}"><c r="A{i}" t="e"><v>{e}</v></c>{extra}</row>')
    parts = std_package([("Fel och sant", sheet_xml("".join(rows), "A1:C8"), None)])
    cells = []
    for i, e in enumerate(errs, 1):
        cells.append(E(f"A{i}", e))
        if i == 1:
            cells += [B("B1", True), E("C1", "#N/A", "NA()")]
        elif i == 2:
            cells += [B("B2", False), B("C2", False, "FALSE()")]
    return parts, [sheet("Fel och sant", cells)]


@fixture("hand_iso_dates")
def f_iso_dates():
    """t="d" cells: the value is an ISO 8601 date/time text (styled with a date format)."""
    styles = styles_xml(xf_numfmts=(0, 14, 22))
    rows = ('<row r="1"><c r="A1" s="1" t="d"><v>2023-03-10T00:00:00</v></c></row>'
            '<row r="2"><c r="A2" s="2" t="d"><v>2024-02-29T13:45:30</v></c></row>'
            '<row r="3"><c r="A3" s="1" t="d"><v>2023-12-31</v></c></row>'
            '<row r="4"><c r="A4" s="2" t="d"><v>2024-03-14T08:15:00.000</v></c></row>')
    parts = std_package([("ISO", sheet_xml(rows, "A1:A4"), None)], styles=styles)
    return parts, [sheet("ISO", [
        D("A1", "2023-03-10"), D("A2", "2024-02-29T13:45:30"), D("A3", "2023-12-31"),
        D("A4", "2024-03-14T08:15:00"),
    ])]


def _date1904(flag):
    styles = styles_xml(xf_numfmts=(0, 14, 22))
    rows = ('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43903</v></c>'
            '<c r="C1" s="2"><v>43903.75</v></c><c r="D1"><v>43903</v></c>'
            '<c r="E1" s="1" t="d"><v>2023-03-10T00:00:00</v></c></row>')
    parts = std_package([("1904", sheet_xml(rows, "A1:E1"), None)], styles=styles,
                        workbook_pr=f' date1904="{flag}"')
    return parts, [sheet("1904", [
        D("A1", "1904-01-01"), D("B1", "2024-03-14"), D("C1", "2024-03-14T18:00:00"),
        N("D1", 43903), D("E1", "2023-03-10"),
    ])]


@fixture("hand_date1904")
def f_date1904():
    """<workbookPr date1904="1"/>: serial 0 = 1904-01-01; t="d" ISO values are not shifted."""
    return _date1904("1")


@fixture("hand_date1904_true")
def f_date1904_true():
    """<workbookPr date1904="true"/> (xsd:boolean spelled out)."""
    return _date1904("true")


@fixture("hand_date1904_false")
def f_date1904_false():
    """<workbookPr date1904="false"/> is the 1900 system (the text "false" is not true)."""
    styles = styles_xml(xf_numfmts=(0, 14, 22))
    rows = ('<row r="1"><c r="A1" s="1"><v>45365</v></c><c r="B1" s="2"><v>45365.75</v></c>'
            '<c r="C1"><v>45365</v></c></row>')
    parts = std_package([("1900", sheet_xml(rows, "A1:C1"), None)], styles=styles,
                        workbook_pr=' date1904="false"')
    return parts, [sheet("1900", [D("A1", "2024-03-14"), D("B1", "2024-03-14T18:00:00"), N("C1", 45365)])]


NUMFMT_CASES = [
    # (label, numFmtId, custom formatCode or None, value <v>, expected cell maker, expected value)
    ("General", 0, None, "1234.5", N, 1234.5),
    ("inbyggt 14", 14, None, "45365", D, "2024-03-14"),
    ("inbyggt 22", 22, None, "45365.75", D, "2024-03-14T18:00:00"),
    ("yyyy-mm-dd", 164, "yyyy-mm-dd", "45000", D, "2023-03-15"),
    ("svensk lång", 165, "[$-41D]d mmmm yyyy", "45292", D, "2024-01-01"),
    ("tkr", 166, '# ##0 "tkr"', "23588", N, 23588),
    ("dagar", 167, '0.0 "dagar"', "12.5", N, 12.5),
    ("röd", 168, "[Red]-# ##0", "-1500", N, -1500),
    ("datum;@", 169, "yyyy-mm-dd;@", "45657", D, "2024-12-31"),
    ("st", 170, '#,##0 "st";[Red]-#,##0 "st"', "-42", N, -42),
    ("procent", 10, None, "0.033", N, 0.033),
    ("inbyggt 20 h:mm", 20, None, "45365.5", D, "2024-03-14T12:00:00"),
    ("mmm-yy", 171, "mmm-yy", "45352", D, "2024-03-01"),
    ("text @", 49, None, "7", N, 7),
    ("escapade bokstäver", 172, r"# ##0\ \m\d\r", "3", N, 3),
    ("systemets långa datum", 173, r"[$-F800]dddd\,\ mmmm\ dd\,\ yyyy", "45365", D, "2024-03-14"),
    ("datum och tid", 174, r"d/m/yyyy\ h:mm:ss", "45365.520833333336", D, "2024-03-14T12:30:00"),
    ("mån i citat", 175, '0" mån"', "6", N, 6),
    ("text före datum", 176, '"Datum: "yyyy-mm-dd', "45366", D, "2024-03-15"),
    ("inbyggt 3", 3, None, "1000000", N, 1000000),
]


@fixture("hand_number_formats")
def f_number_formats():
    """Built-in date formats 14/20/22 and custom date formats vs number formats with text,
    colours, escapes and quoted letters that are NOT dates."""
    numfmts = [(i, code) for (_, i, code, _, _, _) in NUMFMT_CASES if code is not None]
    styles = styles_xml(numfmts, [i for (_, i, _, _, _, _) in NUMFMT_CASES])
    rows, cells = [], []
    for r, (label, _, _, v, mk, exp) in enumerate(NUMFMT_CASES, 1):
        rows.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{_xml_escape(label)}</t></is></c>'
                    f'<c r="B{r}" s="{r - 1}"><v>{v}</v></c></row>')
        cells += [S(f"A{r}", label), mk(f"B{r}", exp)]
    parts = std_package([("Format", sheet_xml("".join(rows), f"A1:B{len(NUMFMT_CASES)}"), None)],
                        styles=styles)
    return parts, [sheet("Format", cells)]


@fixture("hand_date_serials")
def f_date_serials():
    """1900-system serial edge cases: serials below 60 (Excel's fictitious 1900-02-29),
    the last date 9999-12-31, rounding to the nearest second."""
    styles = styles_xml(xf_numfmts=(0, 14, 22))
    vals = [("1", 1, D, "1900-01-01"), ("59", 1, D, "1900-02-28"), ("61", 1, D, "1900-03-01"),
            ("36526", 1, D, "2000-01-01"), ("2958465", 1, D, "9999-12-31"),
            ("1.5", 2, D, "1900-01-01T12:00:00"),
            ("45365.99998842592", 2, D, "2024-03-14T23:59:59")]
    rows = "".join(f'<row r="{r}"><c r="A{r}" s="{s}"><v>{v}</v></c></row>'
                   for r, (v, s, _, _) in enumerate(vals, 1))
    parts = std_package([("Serienummer", sheet_xml(rows, f"A1:A{len(vals)}"), None)], styles=styles)
    return parts, [sheet("Serienummer", [mk(f"A{r}", e) for r, (_, _, mk, e) in enumerate(vals, 1)])]


@fixture("hand_prefixed")
def f_prefixed():
    """Every SpreadsheetML part uses a namespace prefix (x:), the relationship attribute
    another prefix (rel:id); one row re-declares the main namespace as default."""
    p = "x:"
    sst = sst_xml(["<x:t>Med prefix</x:t>", "<x:r><x:t>Del</x:t></x:r><x:r><x:t>ar</x:t></x:r>",
                   '<x:t xml:space="preserve"> sammanfogad </x:t>'], p=p)
    styles = styles_xml([(164, "yyyy-mm-dd")], (0, 14, 164), p=p)
    rows = ('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>1.5</x:v></x:c>'
            '<x:c r="C1"><x:f>B1*2</x:f><x:v>3</x:v></x:c><x:c r="D1" t="s"><x:v>1</x:v></x:c></x:row>'
            '<x:row r="2"><x:c r="A2" s="1"><x:v>45365</x:v></x:c>'
            '<x:c r="B2" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c>'
            '<x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" s="2"><x:v>45000</x:v></x:c></x:row>'
            '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c></x:row>'
            f'<x:row r="4"><c xmlns="{NS_MAIN}" r="A4"><v>4</v></c>'
            f'<c xmlns="{NS_MAIN}" r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c></x:row>')
    parts = {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", CT_WORKBOOK),
                                              ("/xl/worksheets/sheet1.xml", CT_SHEET),
                                              ("/xl/styles.xml", CT_STYLES),
                                              ("/xl/sharedStrings.xml", CT_SST),
                                              ("/docProps/core.xml", CT_CORE)]),
        "_rels/.rels": rels([("rId1", NS_R + "/officeDocument", "xl/workbook.xml"),
                             ("rId2", RT_CORE, "docProps/core.xml")]),
        "docProps/core.xml": CORE_XML,
        "xl/workbook.xml": workbook_xml([("Prefix", "rId1", None)], ' date1904="0"', p=p, rp="rel"),
        "xl/_rels/workbook.xml.rels": rels([("rId1", NS_R + "/worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", NS_R + "/styles", "styles.xml"),
                                            ("rId3", NS_R + "/sharedStrings", "sharedStrings.xml")]),
        "xl/worksheets/sheet1.xml": sheet_xml(rows, "A1:D4", ["A3:B3"], p=p),
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": sst,
    }
    return parts, [sheet("Prefix", [
        S("A1", "Med prefix"), N("B1", 1.5), N("C1", 3, "B1*2"), S("D1", "Delar"),
        D("A2", "2024-03-14"), S("B2", "inline"), B("C2", True), D("D2", "2023-03-15"),
        S("A3", " sammanfogad "),
        N("A4", 4), E("B4", "#DIV/0!", "1/0"),
    ], ["A3:B3"])]


@fixture("hand_strict")
def f_strict():
    """ISO/IEC 29500 Strict: purl.oclc.org namespaces for SpreadsheetML and relationships."""
    sst = sst_xml(["<t>Strikt OOXML</t>", '<r><t xml:space="preserve">Rik </t></r><r><t>text</t></r>'], ns=STRICT_MAIN)
    styles = styles_xml([(164, "yyyy-mm-dd")], (0, 14, 164), ns=STRICT_MAIN)
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1234.5</v></c>'
            '<c r="C1"><f>B1*2</f><v>2469</v></c><c r="D1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" s="1"><v>45365</v></c><c r="B2" s="2" t="d"><v>2024-03-15T00:00:00</v></c>'
            '<c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>')
    s2 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Andra</t></is></c></row>', "A1",
                   ["A1:B1"], ns=STRICT_MAIN)
    parts = {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", CT_WORKBOOK),
                                              ("/xl/worksheets/sheet1.xml", CT_SHEET),
                                              ("/xl/worksheets/sheet2.xml", CT_SHEET),
                                              ("/xl/styles.xml", CT_STYLES),
                                              ("/xl/sharedStrings.xml", CT_SST),
                                              ("/docProps/core.xml", CT_CORE)]),
        "_rels/.rels": rels([("rId1", STRICT_R + "/officeDocument", "xl/workbook.xml"),
                             ("rId2", RT_CORE, "docProps/core.xml")]),
        "docProps/core.xml": CORE_XML,
        "xl/workbook.xml": workbook_xml([("Strikt", "rId1", None), ("Blad2", "rId2", None)], "",
                                        ns=STRICT_MAIN, rns=STRICT_R, root_attrs=' conformance="strict"'),
        "xl/_rels/workbook.xml.rels": rels([("rId1", STRICT_R + "/worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", STRICT_R + "/worksheet", "worksheets/sheet2.xml"),
                                            ("rId3", STRICT_R + "/styles", "styles.xml"),
                                            ("rId4", STRICT_R + "/sharedStrings", "sharedStrings.xml")]),
        "xl/worksheets/sheet1.xml": sheet_xml(rows, "A1:D2", ns=STRICT_MAIN),
        "xl/worksheets/sheet2.xml": s2,
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": sst,
    }
    return parts, [
        sheet("Strikt", [
            S("A1", "Strikt OOXML"), N("B1", 1234.5), N("C1", 2469, "B1*2"), S("D1", "Rik text"),
            D("A2", "2024-03-14"), D("B2", "2024-03-15"), B("C2", True), E("D2", "#N/A"),
        ]),
        sheet("Blad2", [S("A1", "Andra")], ["A1:B1"]),
    ]


@fixture("hand_rels")
def f_rels():
    """Parts are found through relationships only: the workbook part is /xl/arbetsbok.xml
    (absolute target in _rels/.rels); sheet 1 "Första" -> absolute /xl/worksheets/zzz.xml,
    sheet 2 -> relative ../xl/worksheets/aaa.xml, sheet 3 -> worksheets/sub/../mmm.xml;
    rIds and part names are in another order than the sheets."""
    sst = sst_xml(["<t>Jag är Första</t>", "<t>Jag är Andra</t>"])
    zzz = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>', "A1:B1")
    aaa = sheet_xml('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>2</v></c></row>', "A1:B1")
    mmm = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Jag är Tredje</t></is></c>'
                    '<c r="B1"><v>3</v></c></row>', "A1:B1")
    parts = {
        "[Content_Types].xml": content_types([("/xl/arbetsbok.xml", CT_WORKBOOK),
                                              ("/xl/worksheets/aaa.xml", CT_SHEET),
                                              ("/xl/worksheets/mmm.xml", CT_SHEET),
                                              ("/xl/worksheets/zzz.xml", CT_SHEET),
                                              ("/xl/styles.xml", CT_STYLES),
                                              ("/xl/sharedStrings.xml", CT_SST),
                                              ("/docProps/core.xml", CT_CORE)]),
        "_rels/.rels": rels([("rId2", RT_CORE, "docProps/core.xml"),
                             ("rId1", NS_R + "/officeDocument", "/xl/arbetsbok.xml")]),
        "docProps/core.xml": CORE_XML,
        "xl/arbetsbok.xml": workbook_xml([("Första", "rId7", None), ("Andra", "rId3", None),
                                          ("Tredje", "rId1", None)]),
        "xl/_rels/arbetsbok.xml.rels": rels([
            ("rId1", NS_R + "/worksheet", "worksheets/sub/../mmm.xml"),
            ("rId2", NS_R + "/sharedStrings", "/xl/sharedStrings.xml"),
            ("rId3", NS_R + "/worksheet", "../xl/worksheets/aaa.xml"),
            ("rId5", NS_R + "/styles", "./styles.xml"),
            ("rId7", NS_R + "/worksheet", "/xl/worksheets/zzz.xml"),
        ]),
        "xl/worksheets/aaa.xml": aaa,
        "xl/worksheets/mmm.xml": mmm,
        "xl/worksheets/zzz.xml": zzz,
        "xl/styles.xml": styles_xml(),
        "xl/sharedStrings.xml": sst,
    }
    return parts, [
        sheet("Första", [S("A1", "Jag är Första"), N("B1", 1)]),
        sheet("Andra", [S("A1", "Jag är Andra"), N("B1", 2)]),
        sheet("Tredje", [S("A1", "Jag är Tredje"), N("B1", 3)]),
    ]


@fixture("hand_merged_hidden")
def f_merged_hidden():
    """Merged ranges (in file order); hidden and veryHidden sheets are still listed;
    an empty sheet has no cells."""
    s1 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Rubrik över tre kolumner</t></is></c>'
                   '<c r="B1" s="0"/><c r="C1" s="0"/></row>'
                   '<row r="3"><c r="A3" t="inlineStr"><is><t>Block</t></is></c></row>'
                   '<row r="5"><c r="D5"><v>1</v></c></row>', "A1:D5", ["A1:C1", "A3:B4", "D7:D9"])
    s2 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Dolt blad</t></is></c></row>'
                   '<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>', "A1:D2", ["B2:D2"])
    s3 = sheet_xml('<row r="1"><c r="A1"><v>42</v></c></row>', "A1")
    s4 = sheet_xml("", "A1")
    parts = std_package([("Synlig", s1, None), ("Dold", s2, "hidden"), ("Mycket dold", s3, "veryHidden"),
                         ("Tom", s4, None)])
    return parts, [
        sheet("Synlig", [S("A1", "Rubrik över tre kolumner"), S("A3", "Block"), N("D5", 1)],
              ["A1:C1", "A3:B4", "D7:D9"]),
        sheet("Dold", [S("A1", "Dolt blad"), S("B2", "x")], ["B2:D2"]),
        sheet("Mycket dold", [N("A1", 42)]),
        sheet("Tom", []),
    ]


@fixture("hand_swedish")
def f_swedish():
    """Swedish letters, en dash, U+00A0, U+202F, '&' and a 4-byte character in strings and
    sheet names; a formula referring to a sheet with such a name."""
    NB, NNB = "\u00a0", "\u202f"
    sst = sst_xml([
        "<t>Årlig analys av digital utveckling och förvaltning 2024</t>",
        f"<t>23{NB}588 tkr</t>",
        f"<t>1{NNB}234 kr</t>",
        "<t>Nämnden för demokrati och medborgarservice</t>",
        "<t>Övrigt – ej fördelat</t>",
        "<t>ÅÄÖ åäö é ü ß</t>",
        "<t>Not 𝄞</t>",
    ])
    s1 = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                   '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row>'
                   '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="s"><v>6</v></c></row>'
                   "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Summa – höger</t></is></c>"
                   "<c r=\"B4\"><f>'Kostnad – 2024'!B1*2</f><v>47176</v></c></row>", "A1:C4")
    s2 = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Belopp</t></is></c><c r="B1"><v>23588</v></c></row>',
                   "A1:B1")
    s3 = sheet_xml(f'<row r="1"><c r="A1" t="inlineStr"><is><t>hårt{NB}mellanslag</t></is></c></row>', "A1")
    parts = std_package([("Förvaltning åäö", s1, None), ("Kostnad – 2024", s2, None),
                         (f"FoU & IT{NB}tkr", s3, None)], sst=sst)
    return parts, [
        sheet("Förvaltning åäö", [
            S("A1", "Årlig analys av digital utveckling och förvaltning 2024"),
            S("A2", "Nämnden för demokrati och medborgarservice"), S("B2", f"23{NB}588 tkr"),
            S("C2", f"1{NNB}234 kr"),
            S("A3", "Övrigt – ej fördelat"), S("B3", "ÅÄÖ åäö é ü ß"), S("C3", "Not 𝄞"),
            S("A4", "Summa – höger"), N("B4", 47176, "'Kostnad – 2024'!B1*2"),
        ]),
        sheet("Kostnad – 2024", [S("A1", "Belopp"), N("B1", 23588)]),
        sheet(f"FoU & IT{NB}tkr", [S("A1", f"hårt{NB}mellanslag")]),
    ]


# ======================================================================================
# openpyxl-written fixtures (openpyxl writes formulas without cached values)
# ======================================================================================

def _opx_save(wb, name):
    import datetime
    t = datetime.datetime(2024, 1, 1)
    wb.properties.created = t
    wb.properties.modified = t
    wb.properties.creator = "arsanalys make_fixtures.py"
    buf = io.BytesIO()
    wb.save(buf)
    normalise_zip(buf.getvalue(), os.path.join(HERE, name + ".xlsx"))


@fixture("opx_basic", "openpyxl")
def f_opx_basic():
    """openpyxl: strings, numbers, dates with number formats, formulas (no cached values),
    a percentage, a merged range, three sheets (one hidden)."""
    import datetime
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Tjänst", "Utfall 2022", "Budget 2023", "Datum", "Summa"])
    ws.append(["Drift", 1200, 1250.5, datetime.date(2023, 3, 10), "=B2+C2"])
    ws.append(["Utveckling – Ä", -300, 0, datetime.datetime(2024, 2, 29, 13, 45, 30), "=B3+C3"])
    ws.append(["Totalt", "=SUM(B2:B3)", "=SUM(C2:C3)"])
    ws["D2"].number_format = "yyyy-mm-dd"
    ws["D3"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["A6"] = "Sammanfogad rubrik"
    ws.merge_cells("A6:C6")
    ws["B7"] = 0.033
    ws["B7"].number_format = "0.0%"
    ws["B8"] = 23588
    ws["B8"].number_format = '# ##0 "tkr"'
    ws["B9"] = True
    ws2 = wb.create_sheet("Översikt")
    ws2["A1"] = "Hänvisning"
    ws2["B1"] = "=Budget!B4*2"
    ws2["A2"] = datetime.date(2024, 1, 1)          # openpyxl's default date format
    ws2["B2"] = "23 588 tkr"
    ws2["A3"] = "=IF(B1>0,\"ja\",\"nej\")"
    ws3 = wb.create_sheet("Dold")
    ws3["A1"] = "hemlig"
    ws3.sheet_state = "hidden"
    _opx_save(wb, "opx_basic")
    return [
        sheet("Budget", [
            S("A1", "Tjänst"), S("B1", "Utfall 2022"), S("C1", "Budget 2023"), S("D1", "Datum"), S("E1", "Summa"),
            S("A2", "Drift"), N("B2", 1200), N("C2", 1250.5), D("D2", "2023-03-10"), S("E2", "", "B2+C2"),
            S("A3", "Utveckling – Ä"), N("B3", -300), N("C3", 0), D("D3", "2024-02-29T13:45:30"),
            S("E3", "", "B3+C3"),
            S("A4", "Totalt"), S("B4", "", "SUM(B2:B3)"), S("C4", "", "SUM(C2:C3)"),
            S("A6", "Sammanfogad rubrik"),
            N("B7", 0.033), N("B8", 23588), B("B9", True),
        ], ["A6:C6"]),
        sheet("Översikt", [
            S("A1", "Hänvisning"), S("B1", "", "Budget!B4*2"),
            D("A2", "2024-01-01"), S("B2", "23 588 tkr"),
            S("A3", "", 'IF(B1>0,"ja","nej")'),
        ]),
        sheet("Dold", [S("A1", "hemlig")]),
    ]


@fixture("opx_1904", "openpyxl")
def f_opx_1904():
    """openpyxl with the 1904 date system (wb.epoch = CALENDAR_MAC_1904)."""
    import datetime
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws["A1"] = datetime.date(2024, 3, 14)
    ws["A1"].number_format = "yyyy-mm-dd"
    ws["B1"] = datetime.datetime(1904, 1, 1, 6, 0, 0)
    ws["B1"].number_format = "yyyy-mm-dd hh:mm"
    ws["A2"] = 43903
    ws["B2"] = "text"
    _opx_save(wb, "opx_1904")
    return [sheet("Mac", [
        D("A1", "2024-03-14"), D("B1", "1904-01-01T06:00:00"),
        N("A2", 43903), S("B2", "text"),
    ])]


# ======================================================================================
# LibreOffice-written fixtures (soffice --headless --convert-to xlsx)
# ======================================================================================

LO_FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N_DATUM">
   <number:year number:style="long"/><number:text>-</number:text>
   <number:month number:style="long"/><number:text>-</number:text>
   <number:day number:style="long"/>
  </number:date-style>
  <number:percentage-style style:name="N_PROC">
   <number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/>
   <number:text>%</number:text>
  </number:percentage-style>
  <number:number-style style:name="N_TKR">
   <number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
   <number:text> tkr</number:text>
  </number:number-style>
  <number:boolean-style style:name="N_BOOL"><number:boolean/></number:boolean-style>
  <style:style style:name="ce_bool" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_BOOL"/>
  <style:style style:name="ce_datum" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATUM"/>
  <style:style style:name="ce_proc" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_PROC"/>
  <style:style style:name="ce_tkr" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_TKR"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Budget">
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Tjänst</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Belopp</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Datum</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Andel</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Drift</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="1200"><text:p>1200</text:p></table:table-cell>
     <table:table-cell table:style-name="ce_datum" office:value-type="date" office:date-value="2024-03-14"><text:p>2024-03-14</text:p></table:table-cell>
     <table:table-cell table:style-name="ce_proc" office:value-type="percentage" office:value="0.033"><text:p>3.3%</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Utveckling</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="300.5"><text:p>300.5</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>23 588 tkr</text:p></table:table-cell>
     <table:table-cell table:style-name="ce_tkr" office:value-type="float" office:value="23588"><text:p>23 588 tkr</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Summa</text:p></table:table-cell>
     <table:table-cell table:formula="of:=SUM([.B2:.B3])" office:value-type="float" office:value="1500.5"><text:p>1500.5</text:p></table:table-cell>
     <table:table-cell table:formula="of:=[.C2]+1" table:style-name="ce_datum" office:value-type="date" office:date-value="2024-03-15"><text:p>2024-03-15</text:p></table:table-cell>
     <table:table-cell table:formula="of:=[.B4]*[.D2]" office:value-type="float" office:value="49.5165"><text:p>49.5165</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:number-columns-repeated="4"/>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" office:value-type="string"><text:p>Sammanfogad rubrik</text:p></table:table-cell>
     <table:covered-table-cell table:number-columns-repeated="2"/>
     <table:table-cell table:formula="of:=IF([.B4]&gt;1000;&quot;stor&quot;;&quot;liten&quot;)" office:value-type="string" office:string-value="stor"><text:p>stor</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <table:table table:name="Fördelning">
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Kund</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Belopp</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Klar</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Kund A</text:p></table:table-cell>
     <table:table-cell table:formula="of:=[$Budget.B4]/2" office:value-type="float" office:value="750.25"><text:p>750.25</text:p></table:table-cell>
     <table:table-cell table:style-name="ce_bool" office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Kund B – Öst</text:p></table:table-cell>
     <table:table-cell table:style-name="ce_proc" office:value-type="percentage" office:value="0.25"><text:p>25.0%</text:p></table:table-cell>
     <table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0"><text:p>#DIV/0!</text:p></table:table-cell>
    </table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
"""

LO_CSV = ("Tjänst;Belopp;Datum;Kommentar\n"
          "Drift;1200;2024-03-14;23 588 tkr\n"
          "Utveckling;-300,5;2023-12-31;\"citerad; med semikolon\"\n"
          "Summa;899,5;;\n")
# CSV import options: ';' separator, '"' quote, UTF-8, from line 1, no column types,
# language sv-SE (1053: decimal comma), quoted fields as text no, detect special numbers yes.
LO_CSV_FILTER = "CSV Text - txt - csv (StarCalc):59,34,76,1,,1053,false,true"


def _soffice(src, infilter=None):
    exe = shutil.which("soffice")
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", "xlsx", "--outdir", tmp, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        out = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        with open(out, "rb") as f:
            return f.read()


def _lo_build(name, src_name, src_text, infilter=None):
    src = os.path.join(HERE, src_name)
    with open(src, "w", encoding="utf-8", newline="") as f:
        f.write(src_text)
    data = _soffice(src, infilter)
    if data is None:
        print(f"  soffice not found: kept the existing {name}.xlsx", file=sys.stderr)
        return
    normalise_zip(data, os.path.join(HERE, name + ".xlsx"))


@fixture("lo_budget", "libreoffice")
def f_lo_budget():
    """LibreOffice from lo_budget.fods: formulas with cached values, dates, percentages, a
    number with a ' tkr' format, the text '23 588 tkr', a merged range, a boolean, two sheets."""
    _lo_build("lo_budget", "lo_budget.fods", LO_FODS)
    return [
        sheet("Budget", [
            S("A1", "Tjänst"), S("B1", "Belopp"), S("C1", "Datum"), S("D1", "Andel"),
            S("A2", "Drift"), N("B2", 1200), D("C2", "2024-03-14"), N("D2", 0.033),
            S("A3", "Utveckling"), N("B3", 300.5), S("C3", "23 588 tkr"), N("D3", 23588),
            S("A4", "Summa"), N("B4", 1500.5, "SUM(B2:B3)"), D("C4", "2024-03-15", "C2+1"),
            N("D4", 49.5165, "B4*D2"),
            S("A6", "Sammanfogad rubrik"), S("D6", "stor", 'IF(B4>1000,"stor","liten")'),
        ], ["A6:C6"]),
        sheet("Fördelning", [
            S("A1", "Kund"), S("B1", "Belopp"), S("C1", "Klar"),
            S("A2", "Kund A"), N("B2", 750.25, "Budget!B4/2"), B("C2", True),
            S("A3", "Kund B – Öst"), N("B3", 0.25), E("C3", "#DIV/0!", "1/0"),
        ]),
    ]


@fixture("lo_csv", "libreoffice")
def f_lo_csv():
    """LibreOffice from lo_csv.csv (Swedish locale: decimal comma, ISO dates detected)."""
    _lo_build("lo_csv", "lo_csv.csv", LO_CSV, LO_CSV_FILTER)
    return [sheet("lo_csv", [
        S("A1", "Tjänst"), S("B1", "Belopp"), S("C1", "Datum"), S("D1", "Kommentar"),
        S("A2", "Drift"), N("B2", 1200), D("C2", "2024-03-14"), S("D2", "23 588 tkr"),
        S("A3", "Utveckling"), N("B3", -300.5), D("C3", "2023-12-31"), S("D3", "citerad; med semikolon"),
        S("A4", "Summa"), N("B4", 899.5),
    ])]


# ======================================================================================
# Oracle output, checks
# ======================================================================================

def dump_expected(name, sheets):
    """Stable, readable JSON: one cell per line."""
    j = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    out = ["{", f'  "file": {j(name + ".xlsx")},', '  "sheets": [']
    for si, sh in enumerate(sheets):
        out.append("    {")
        out.append(f'      "name": {j(sh["name"])},')
        if sh["cells"]:
            out.append('      "cells": [')
            for ci, c in enumerate(sh["cells"]):
                comma = "," if ci < len(sh["cells"]) - 1 else ""
                out.append("        " + j(c) + comma)
            out.append("      ],")
        else:
            out.append('      "cells": [],')
        out.append(f'      "merged": {j(sh["merged"])},')
        out.append('      "tables": []')
        out.append("    }" + ("," if si < len(sheets) - 1 else ""))
    out.append("  ]")
    out.append("}")
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def generate(only):
    for name, kind, fn in FIXTURES:
        if only and name not in only:
            continue
        print(f"{name} ({kind})")
        res = fn()
        if kind == "hand":
            parts, sheets = res
            write_hand(name, parts, sheets)
        else:
            sheets = res
        dump_expected(name, sheets)


def _same_value(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def diff_doc(expected, actual):
    """Differences between two inspect documents, as readable lines."""
    out = []
    if expected.get("file") != actual.get("file"):
        out.append(f'file: expected {expected.get("file")!r}, actual {actual.get("file")!r}')
    es, as_ = expected["sheets"], actual.get("sheets", [])
    if [s["name"] for s in es] != [s.get("name") for s in as_]:
        out.append(f'sheet names: expected {[s["name"] for s in es]}, actual {[s.get("name") for s in as_]}')
    amap = {s.get("name"): s for s in as_}
    for s in es:
        a = amap.get(s["name"])
        if a is None:
            continue
        ec = {c["ref"]: c for c in s["cells"]}
        ac = {c["ref"]: c for c in a.get("cells", [])}
        for ref in list(ec) + [r for r in ac if r not in ec]:
            e, x = ec.get(ref), ac.get(ref)
            if e is None:
                out.append(f'{s["name"]}!{ref}: unexpected cell {json.dumps(x, ensure_ascii=False)}')
            elif x is None:
                out.append(f'{s["name"]}!{ref}: missing, expected {json.dumps(e, ensure_ascii=False)}')
            elif (e["type"] != x.get("type") or not _same_value(e["value"], x.get("value"))
                  or e.get("formula") != x.get("formula")):
                out.append(f'{s["name"]}!{ref}: expected {json.dumps(e, ensure_ascii=False)}, '
                           f'actual {json.dumps(x, ensure_ascii=False)}')
        order = [c["ref"] for c in a.get("cells", []) if c["ref"] in ec]
        if order != [r for r in ec if r in set(order)]:
            out.append(f'{s["name"]}: cells not in row-major order: {order}')
        if s["merged"] != a.get("merged"):
            out.append(f'{s["name"]}: merged expected {s["merged"]}, actual {a.get("merged")}')
        if a.get("tables") != []:
            out.append(f'{s["name"]}: tables expected [], actual {a.get("tables")}')
    return out


def check(binary, only):
    bad = 0
    for name, _, _ in FIXTURES:
        if only and name not in only:
            continue
        path = os.path.join(HERE, name + ".xlsx")
        with open(os.path.join(HERE, name + ".expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        p = subprocess.run([binary, "inspect", path, "--json"], capture_output=True)
        if p.returncode != 0:
            print(f"FAIL {name}: exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()}")
            bad += 1
            continue
        actual = json.loads(p.stdout.decode("utf-8"))
        d = diff_doc(expected, actual)
        print(("FAIL " if d else "ok   ") + name)
        for line in d:
            print("     " + line)
        bad += bool(d)
    return bad


def openpyxl_doc(path):
    """What openpyxl reads (data_only=True for values, False for formulas), as an inspect doc.
    openpyxl skips workbooks it cannot read; its view of dates is rendered as ISO text."""
    import datetime
    import warnings
    warnings.simplefilter("ignore")
    import openpyxl
    wv = openpyxl.load_workbook(path, data_only=True)
    wf = openpyxl.load_workbook(path, data_only=False)
    sheets = []
    for ws in wv.worksheets:
        wsf = wf[ws.title]
        cells = []
        for key in sorted(ws._cells):          # not iter_rows: hand_sparse reaches XFD1048576
            if True:
                c = ws._cells[key]
                v = c.value
                fc = wsf._cells.get(key)
                fv = fc.value if fc is not None else None
                f = fv[1:] if isinstance(fv, str) and fv.startswith("=") and fc.data_type == "f" else None
                if v is None and f is None:
                    continue
                if v is None:
                    v = ""
                if isinstance(v, str) and v == "" and f is None:
                    continue
                if isinstance(v, bool):
                    cells.append(B(c.coordinate, v, f))
                elif isinstance(v, datetime.datetime):
                    iso = v.strftime("%Y-%m-%d") if v.time() == datetime.time(0) else v.strftime("%Y-%m-%dT%H:%M:%S")
                    cells.append(D(c.coordinate, iso, f))
                elif isinstance(v, (datetime.date, datetime.time)):
                    cells.append(D(c.coordinate, v.isoformat(), f))
                elif isinstance(v, (int, float)):
                    cells.append(N(c.coordinate, v, f))
                elif c.data_type == "e":
                    cells.append(E(c.coordinate, v, f))
                else:
                    cells.append(S(c.coordinate, v, f))
        merged = [str(r) for r in ws.merged_cells.ranges]
        sheets.append(sheet(ws.title, cells, merged))
    return {"file": os.path.basename(path), "sheets": sheets}


def cross_openpyxl(only):
    for name, _, _ in FIXTURES:
        if only and name not in only:
            continue
        path = os.path.join(HERE, name + ".xlsx")
        with open(os.path.join(HERE, name + ".expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        try:
            doc = openpyxl_doc(path)
        except Exception as e:  # noqa: BLE001
            print(f"---- {name}: openpyxl cannot read it: {type(e).__name__}: {e}")
            continue
        d = diff_doc(expected, doc)
        print(("DIFF " if d else "same ") + name)
        for line in d:
            print("     " + line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="fixture names")
    ap.add_argument("--check", metavar="ARSANALYS", help="compare `ARSANALYS inspect --json` with the oracles")
    ap.add_argument("--openpyxl", action="store_true", help="compare openpyxl's reading with the oracles")
    a = ap.parse_args()
    only = set(a.only or [])
    if a.check:
        sys.exit(1 if check(a.check, only) else 0)
    if a.openpyxl:
        cross_openpyxl(only)
        return
    generate(only)


if __name__ == "__main__":
    main()
