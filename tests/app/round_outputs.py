"""Helpers for the tests of issue 16 that run `arsanalys` on real rounds: copies of the sample
round with mistakes made in them, hashes of folders before and after, and a check that an
output folder is one whole output (every workbook opens in openpyxl, resultat.json parses and
agrees with the workbooks, the HTML is valid UTF-8 without control characters).

Imported by run_killed.py, run_concurrent.py and round_mistakes.py (same folder)."""
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import warnings
import zipfile

warnings.simplefilter("ignore")
try:
    import openpyxl
except ImportError:  # the callers skip (exit 77) without it
    openpyxl = None

OWN_TOP = {"resultat.json", "sammanstallning.xlsx", "beslutsbilaga.xlsx", "beslutsbilaga.html",
           "beslutsbilaga.pdf", "fordelning.xlsx", "kunder", "granskning"}
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def tree(folder):
    """{relative path: sha256} of every file and link below `folder` (links by their target,
    FIFOs and the like by their kind); {} when it does not exist. Never opens a FIFO."""
    out = {}
    if not os.path.lexists(folder):
        return out
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = "link:" + os.readlink(path)
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    out[rel] = hashlib.sha256(f.read()).hexdigest()
            elif stat.S_ISDIR(st.st_mode):
                out[rel + "/"] = "dir"
            else:
                out[rel] = "special"
    return out


def copy_sample(sample, dest):
    """A copy of the sample round without its generator script."""
    shutil.copytree(sample, dest, symlinks=True)
    for extra in ("make_samples.py", "__pycache__"):
        p = os.path.join(dest, extra)
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
    return dest


def two_rounds(sample, work):
    """Rounds A (the sample round) and B (without demokrati.xlsx, one customer fewer) in
    WORK/A and WORK/B, whose outputs differ in the files they hold. Returns (A, B, the Kund-id
    only A has)."""
    a = copy_sample(sample, os.path.join(work, "A"))
    b = copy_sample(sample, os.path.join(work, "B"))
    os.remove(os.path.join(b, "leverantorer", "demokrati.xlsx"))
    wb = openpyxl.load_workbook(os.path.join(b, "kunder.xlsx"))
    ws = wb["Kunder"]
    gone = ws.cell(row=ws.max_row, column=1).value
    ws.delete_rows(ws.max_row)
    wb.save(os.path.join(b, "kunder.xlsx"))
    return a, b, gone


def run(exe, *args, env_extra=None, **kwargs):
    """Runs the program without Chromium (the PDF is tested elsewhere); returns the process."""
    env = dict(os.environ)
    env.setdefault("ARSANALYS_CHROMIUM", "")
    env.update(env_extra or {})
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True, **kwargs)


def statement_total(path):
    """'Totalt att betala' of a customer's statement (column H)."""
    ws = openpyxl.load_workbook(path, data_only=True)["Kundbesked"]
    for row in ws.iter_rows(min_col=1, max_col=8, values_only=True):
        if isinstance(row[0], str) and row[0].startswith("Totalt att betala"):
            return row[7]
    raise AssertionError(f"{path}: raden Totalt att betala saknas")


def check_whole(out_dir, statements=True):
    """Asserts that `out_dir` is one whole output of `run`; returns resultat.json."""
    names = set(os.listdir(out_dir))
    ours = names & OWN_TOP
    assert {"resultat.json", "sammanstallning.xlsx", "beslutsbilaga.xlsx",
            "beslutsbilaga.html", "granskning"} <= ours, f"{out_dir}: ofullständig: {sorted(names)}"
    for root, _, files in os.walk(out_dir):
        for name in files:
            assert not name.startswith("."), f"{root}/{name}: en temporär eller dold fil"
    with open(os.path.join(out_dir, "resultat.json"), encoding="utf-8") as f:
        result = json.load(f)
    for root, _, files in os.walk(out_dir):
        for name in files:
            path = os.path.join(root, name)
            if name.endswith(".xlsx"):
                if os.path.basename(root) == "kunder" and not statements:
                    with zipfile.ZipFile(path) as z:
                        assert z.testzip() is None, path
                    continue
                openpyxl.load_workbook(path)  # raises on invalid XML or a broken package
    with open(os.path.join(out_dir, "beslutsbilaga.html"), "rb") as f:
        html = f.read().decode("utf-8")  # strict: raises on invalid UTF-8
    assert html.rstrip().endswith("</html>"), "beslutsbilaga.html är avklippt"
    assert not CONTROL.search(html), "styrtecken i beslutsbilaga.html"
    # resultat.json agrees with the workbooks: one review copy per supplier, one statement per
    # customer, each statement's total the customer's total.
    reviews = os.listdir(os.path.join(out_dir, "granskning"))
    assert len(reviews) == len(result["suppliers"]), (reviews, len(result["suppliers"]))
    if result["customers"]:
        kunder = os.path.join(out_dir, "kunder")
        assert len(os.listdir(kunder)) == len(result["customers"])
        assert os.path.exists(os.path.join(out_dir, "fordelning.xlsx"))
        if statements:
            by_total = sorted(c["total_kr"] for c in result["customers"])
            totals = sorted(statement_total(os.path.join(kunder, n)) for n in os.listdir(kunder))
            assert by_total == totals, "kundbeskedens totaler stämmer inte med resultat.json"
    for a in result["allocations"]:
        assert sum(a["customers_kr"].values()) == a["amount_kr"], a
    check_json_integers(result)
    return result


def check_json_integers(value):
    """Every integer within ±2^53 (exact in every JSON reader)."""
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        assert abs(value) <= 2 ** 53 - 1, value
    elif isinstance(value, dict):
        for v in value.values():
            check_json_integers(v)
    elif isinstance(value, list):
        for v in value:
            check_json_integers(v)


def set_cells(xlsx, sheet_name, cells, out=None):
    """Rewrites cells of a workbook's sheet in its XML, keeping everything else byte for byte:
    `cells` maps a reference to raw `<c>` content, e.g. {"D12": '<v>5e15</v>'} or
    {"B3": '<is><t>a_x000B_b</t></is>'} (written with t="inlineStr" when it starts with <is>),
    or None to empty the cell. Lets a test write what openpyxl refuses to (control characters,
    invalid UTF-8, a formula without a value)."""
    out = out or xlsx
    with zipfile.ZipFile(xlsx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    wb = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    sheets = re.findall(r'<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"', wb)
    rid = dict(sheets)[sheet_name]
    target = re.search(r'Id="%s"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="%s"' % (rid, rid),
                       rels)
    part = "xl/" + (target.group(1) or target.group(2)).lstrip("/").replace("xl/", "", 1)
    xml = parts[part]
    for ref, content in cells.items():
        pattern = re.compile(rb'<c r="%s"(?: [^>]*)?(?:/>|>.*?</c>)' % ref.encode(), re.S)
        if content is None:
            new = b""
        else:
            body = content.encode("utf-8") if isinstance(content, str) else content
            kind = b' t="inlineStr"' if body.startswith(b"<is>") else b""
            new = b'<c r="%s"%s>%s</c>' % (ref.encode(), kind, body)
        xml, n = pattern.subn(lambda _: new, xml, count=1)
        assert n == 1, f"{xlsx}: cellen {ref} på bladet {sheet_name} finns inte"
    parts[part] = xml
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    os.replace(tmp, out)
