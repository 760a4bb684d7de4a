#!/usr/bin/env python3
"""The decision annex opened by other programs, as the strategic group's readers will.

  html MODE: beslutsbilaga.html printed by headless Chromium (--print-to-pdf): the PDF has A4
             pages (pdfinfo) and holds the key figures and headings (pdftotext).
  xlsx MODE: beslutsbilaga.xlsx opened by openpyxl (sheets, numbers, formulas, cached values)
             and converted by LibreOffice headless to PDF, whose text holds the key figures.
  pdf MODE:  beslutsbilaga.pdf as `arsanalys run` prints it (with ROUND_DIR): A4 pages, each
             with "Sida N av M", the annex's document data and, for a draft, "UTKAST" in its
             margins, and none holding only a heading.

Usage: annex_outputs.py html|xlsx SOURCE WORK_DIR [ROUND_DIR]
  SOURCE is the Catch2 test binary (the fixture round of annex_writer_test.cc is written by its
  hidden test "[annex_files]"), or a folder that already holds beslutsbilaga.html/.xlsx, or,
  with ROUND_DIR, the arsanalys binary: `arsanalys run ROUND_DIR` writes them first (the sample
  round: figures of the real 2024 annex that the run reproduces are checked too).
Exit 77 = skipped (a program is missing), with a message saying which.
"""
import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def skip(why):
    print(f"HOPPAR ÖVER: {why}")
    sys.exit(SKIP)


def fail(why):
    print(f"FEL: {why}")
    sys.exit(1)


def pdf_text(pdf, layout=False):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squash(text):
    return re.sub(r"\s+", " ", text)


def expect_all(text, needles, what):
    missing = [n for n in needles if n not in text]
    if missing:
        fail(f"{what} saknar: {missing}")


def a4_pages(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], check=True,
                          capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not sizes:
        fail(f"pdfinfo visar inga sidstorlekar:\n{info}")
    for w, h in sizes:
        if not (594 <= float(w) <= 596.5 and 841 <= float(h) <= 843):
            fail(f"en sida är inte A4 stående: {w} x {h} pts")
    return len(sizes)


# Figures of the fixture round (docs/seed-2024.md §6), as the annex prints them.
FIXTURE_HTML = [
    "UTKAST",
    "Förslag till rekommendation",
    "Ekonomisk ram för förvaltning av bastjänster 77 600 tkr + index",
    "Storleksmässiga skillnader",
    "Kostnadsutveckling 2022–2024",
    "131 900 (12 200)",
    "Totalt Intraservice 773 800 958 500 1 025 900",
    "Ekonomiska ramar per leverantör – en sammanställning",
    "Alternativ A: Godkänna leverantörens hela förslag",
    "891 405",
    "747 630",
    "7 av 8 förslag",
    "Vad alternativet innebär per kund",
    "Kultur & fritid <Test> \"AB\"",
]
GENERIC_HTML = ["Förslag till rekommendation", "Storleksmässiga skillnader", "Kostnadsutveckling",
                "tkr + index", "Ekonomisk analys av förvaltningskostnad"]
# The sample round (samples/2024): DMS's frame and D's reductions of 958 500 as in the annex.
SAMPLE_HTML = GENERIC_HTML + ["UTKAST", "77 600 tkr + index", "891 405", "747 630",
                              "Vad alternativet innebär per kund"]


def produce(source, work, round_dir=None):
    """The annex files in `work`: written by the test binary or by `arsanalys run`, or copied
    from a folder."""
    os.makedirs(work, exist_ok=True)
    if round_dir is not None:
        out = os.path.join(work, "ut")
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run([source, "run", round_dir, "-o", out], capture_output=True, text=True)
        if done.returncode not in (0, 1):  # 1: findings of level fel, outputs still written
            fail(f"arsanalys run gav {done.returncode}:\n{done.stderr}")
        source = out
    if os.path.isdir(source):
        for name in ("beslutsbilaga.html", "beslutsbilaga.xlsx", "beslutsbilaga.pdf"):
            if os.path.exists(os.path.join(source, name)):
                shutil.copy(os.path.join(source, name), os.path.join(work, name))
        return False
    env = dict(os.environ, ARSANALYS_ANNEX_OUT=work)
    subprocess.run([source, "[annex_files]"], check=True, env=env, stdout=subprocess.DEVNULL)
    return True


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def check_html(work, fixture):
    chromium = chromium_binary()
    if chromium is None:
        skip("chromium saknas (Debian: apt-get install chromium); HTML-utskriften provas inte")
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            skip(f"{tool} saknas (Debian: poppler-utils)")
    html = os.path.join(work, "beslutsbilaga.html")
    pdf = os.path.join(work, "beslutsbilaga-chromium.pdf")
    if os.path.exists(pdf):
        os.remove(pdf)
    profile = os.path.join(work, "chromium-profil")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", f"--user-data-dir={profile}",
                    "--no-pdf-header-footer", "--print-to-pdf-no-header",
                    f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html)],
                   check=True, capture_output=True, timeout=180)
    if not os.path.exists(pdf) or os.path.getsize(pdf) < 1000:
        fail("Chromium skrev ingen PDF")
    pages = a4_pages(pdf)
    if pages < 3:
        fail(f"bara {pages} sidor")
    text = squash(pdf_text(pdf))
    expect_all(text, FIXTURE_HTML if fixture == "fixture" else
               SAMPLE_HTML if fixture == "sample" else GENERIC_HTML, "PDF:en från Chromium")
    print(f"Chromium: {pages} A4-sidor, nyckeltalen finns i texten ({pdf})")


def check_xlsx(work, fixture):
    try:
        import openpyxl
    except ImportError:
        skip("openpyxl saknas (Debian: python3-openpyxl)")
    path = os.path.join(work, "beslutsbilaga.xlsx")
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    names = wb.sheetnames
    for name in ("Rekommendation", "Kostnadsutveckling", "Flaggor", "Per kund"):
        if name not in names:
            fail(f"bladet {name} saknas: {names}")
    if fixture == "fixture":
        if names != ["Rekommendation", "Kostnadsutveckling", "Flaggor", "Alternativen",
                     "Demokrati och medborgarservice", "Inköp och upphandling", "Intraservice",
                     "Per kund", "Om underlaget"]:
            fail(f"bladen: {names}")
        ws, wc = wb["Kostnadsutveckling"], cached["Kostnadsutveckling"]
        row = next(r for r in range(1, ws.max_row + 1)
                   if ws.cell(r, 1).value == "Totalt Intraservice")
        formula = ws.cell(row, 4).value
        if not (isinstance(formula, str) and formula.startswith("=SUM(")):
            fail(f"Totalt Intraservice är ingen summaformel: {formula!r}")
        if wc.cell(row, 4).value != 1025900:
            fail(f"cachat värde {wc.cell(row, 4).value!r}, väntat 1025900")
        rec = wb["Rekommendation"]
        frame = next(r for r in range(1, rec.max_row + 1)
                     if rec.cell(r, 1).value == "Ekonomisk ram för förvaltning av bastjänster")
        if rec.cell(frame, 2).value != 77600 or "tkr" not in rec.cell(frame, 2).number_format:
            fail(f"ramen: {rec.cell(frame, 2).value!r} {rec.cell(frame, 2).number_format!r}")
        if not ws._charts or len(ws._charts) != 2:
            fail("Kostnadsutveckling ska ha två diagram")
    print(f"openpyxl: {len(names)} blad, formler och cachade värden stämmer")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        skip("LibreOffice saknas (Debian: libreoffice-calc); konverteringen provas inte")
    outdir = os.path.join(work, "lo")
    os.makedirs(outdir, exist_ok=True)
    profile = "file://" + os.path.abspath(os.path.join(work, "lo-profil"))
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", outdir, path],
                   check=True, capture_output=True, timeout=300)
    pdf = os.path.join(outdir, "beslutsbilaga.pdf")
    if not os.path.exists(pdf):
        fail("LibreOffice skrev ingen PDF")
    text = squash(pdf_text(pdf))
    # LibreOffice shows numbers in its own locale (77,600 or 77 600): compare digits only.
    digits = re.sub(r"(?<=\d)[ ,.\u00a0\u202f](?=\d{3})", "", text)
    needles = ["Förslag till rekommendation", "Storleksmässiga skillnader"]
    if fixture == "sample":
        needles += ["77600 tkr", "891405", "UTKAST"]
    if fixture == "fixture":
        needles += ["77600 tkr", "1025900", "891405", "Totalt Intraservice", "UTKAST"]
    expect_all(digits, needles, "LibreOffice-PDF:en")
    print(f"LibreOffice: {pdf} med nyckeltalen")


def check_pdf(work, fixture):
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            skip(f"{tool} saknas (Debian: poppler-utils)")
    pdf = os.path.join(work, "beslutsbilaga.pdf")
    if not os.path.exists(pdf):
        fail("arsanalys run skrev ingen beslutsbilaga.pdf")
    pages = a4_pages(pdf)
    data = "Version 2 · 2023-05-03"  # the sample's [bilaga]
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], check=True,
                              capture_output=True, text=True).stdout
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        if f"Sida {n} av {pages}" not in lines:
            fail(f"sidan {n} saknar 'Sida {n} av {pages}': {lines[-3:]}")
        if fixture == "sample" and "UTKAST" not in lines:
            fail(f"sidan {n} saknar UTKAST i marginalen")
        if fixture == "sample" and data not in lines:
            fail(f"sidan {n} saknar dokumentuppgifterna '{data}'")
        body = [l for l in lines if l not in ("UTKAST", data, f"Sida {n} av {pages}")]
        # A page of only a heading: one or two short lines and nothing else.
        if len(body) <= 2 and all(len(l) < 80 for l in body):
            fail(f"sidan {n} har bara en rubrik: {body}")
    print(f"beslutsbilaga.pdf: {pages} A4-sidor, alla med sidnummer"
          f"{', UTKAST och dokumentuppgifter' if fixture == 'sample' else ''}")


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("html", "xlsx", "pdf"):
        print(__doc__)
        sys.exit(2)
    mode, source, work = sys.argv[1:4]
    round_dir = sys.argv[4] if len(sys.argv) == 5 else None
    if mode in ("html", "pdf") and chromium_binary() is None:
        skip("chromium saknas (Debian: apt-get install chromium); HTML-utskriften provas inte")
    from_binary = produce(source, work, round_dir)
    fixture = "sample" if round_dir else "fixture" if from_binary else "folder"
    {"html": check_html, "xlsx": check_xlsx, "pdf": check_pdf}[mode](work, fixture)


if __name__ == "__main__":
    main()
