#!/usr/bin/env python3
"""Issue 16 on real files: `arsanalys run` and `validate` on copies of the sample round with the
mistakes careless users, a crash and a second controller make. Each case checks what the program
says (codes, Swedish messages, exit status), that every output it publishes is whole (openpyxl
opens every workbook, resultat.json agrees with them) and that the inputs are byte-identical
before and after (sha256 of every file of the round).

Usage: round_mistakes.py ARSANALYS SAMPLE_ROUND WORK_DIR [CASE...]
Exit 77 = skipped (no openpyxl)."""
import json
import os
import shutil
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import round_outputs as ro  # noqa: E402

if ro.openpyxl is None:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

EXE = SAMPLE = WORK = None
FORVALTNING = "3.1a Förvaltningskostnader"  # inkop.xlsx: A8/D8, A9/D9 services, D10 total


class Case:
    """A fresh copy of the sample round in WORK/<name>/omgang, its hash taken when asked."""

    def __init__(self, name):
        self.dir = os.path.join(WORK, name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.round = ro.copy_sample(SAMPLE, os.path.join(self.dir, "omgang"))
        self.lev = os.path.join(self.round, "leverantorer")
        self.out = os.path.join(self.dir, "ut")

    def freeze(self):
        self.before = ro.tree(self.round)

    def unchanged(self):
        after = ro.tree(self.round)
        assert after == self.before, f"indata ändrade: {sorted(set(after.items()) ^ set(self.before.items()))}"

    def run(self, *extra, out=None):
        p = ro.run(EXE, "run", self.round, "-o", out or self.out, *extra, timeout=300)
        self.printed = p.stdout + p.stderr
        return p.returncode

    def result(self):
        with open(os.path.join(self.out, "resultat.json"), encoding="utf-8") as f:
            return json.load(f)


def file_findings(result, file):
    return [f for f in result["findings"] if f["file"] == file]


def codes(result, file):
    return sorted(f"{f['code']} {f['level']}" for f in file_findings(result, file))


# --- Counted twice, or silently dropped -------------------------------------------------------

def case_supplier_twice():
    c = Case("supplier_twice")
    shutil.copy(os.path.join(c.lev, "inkop.xlsx"), os.path.join(c.lev, "inkop (1).xlsx"))
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    names = sorted(s["file"] for s in r["suppliers"])
    assert names == ["demokrati.xlsx", "intraservice.xlsx"], names
    for f in ("inkop.xlsx", "inkop (1).xlsx"):
        found = [x for x in file_findings(r, f) if x["code"] == "SUPPLIER_DUPLICATE"]
        assert len(found) == 1 and found[0]["level"] == "fel", found
        assert "har fler än ett underlag: inkop (1).xlsx och inkop.xlsx (filer med samma " \
            "innehåll)" in found[0]["message"], found[0]["message"]
        assert "Inget av dem används" in found[0]["message"]
    assert not any(a["supplier"] == "Nämnden för inköp och upphandling" for a in r["allocations"])
    assert "används inte (leverantören har fler än ett underlag)" in c.printed


def case_odd_entries():
    c = Case("odd_entries")
    inkop = os.path.join(c.lev, "inkop.xlsx")
    elsewhere = os.path.join(c.dir, "annanstans")
    os.makedirs(elsewhere)
    shutil.copy(inkop, os.path.join(elsewhere, "inkop2.xlsx"))
    shutil.copy(inkop, os.path.join(c.lev, "x.xlsx.bak"))
    shutil.copy(inkop, os.path.join(c.lev, ".hidden.xlsx"))
    os.symlink(os.path.join(elsewhere, "inkop2.xlsx"), os.path.join(c.lev, "lank.xlsx"))
    os.mkfifo(os.path.join(c.lev, "fifo.xlsx"))
    os.symlink(os.path.join(c.dir, "finns-inte.xlsx"), os.path.join(c.lev, "dinglar.xlsx"))
    os.mkdir(os.path.join(c.lev, "mapp.xlsx"))
    os.mkdir(os.path.join(c.lev, "gamla"))
    os.symlink("slinga.xlsx", os.path.join(c.lev, "slinga.xlsx"))
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    assert len(r["suppliers"]) == 3, [s["file"] for s in r["suppliers"]]
    expected = {
        "x.xlsx.bak": ("FILE_UNREADABLE fel", "namnet slutar inte på .xlsx"),
        ".hidden.xlsx": ("FILE_SKIPPED varning", "dold fil"),
        "lank.xlsx": ("FILE_UNREADABLE fel", "symbolisk länk"),
        "fifo.xlsx": ("FILE_UNREADABLE fel", "rörledning"),
        "dinglar.xlsx": ("FILE_UNREADABLE fel", "som inte finns"),
        "mapp.xlsx": ("FILE_UNREADABLE fel", "Är en mapp"),
        "gamla": ("FILE_SKIPPED info", "Mappen läses inte"),
        "slinga.xlsx": ("FILE_UNREADABLE fel", "slinga"),
    }
    for name, (code, words) in expected.items():
        found = file_findings(r, name)
        assert len(found) == 1, (name, found)
        assert f"{found[0]['code']} {found[0]['level']}" == code, (name, found)
        assert words in found[0]["message"], (name, found[0]["message"])
    assert "Too many levels" not in c.printed and "filesystem error" not in c.printed


def case_validate_twice():
    c = Case("validate_twice")
    inkop = os.path.join(c.lev, "inkop.xlsx")
    c.freeze()
    once = ro.run(EXE, "validate", inkop, "--json")
    twice = ro.run(EXE, "validate", inkop, inkop, os.path.join(c.lev, ".", "inkop.xlsx"), "--json")
    assert once.returncode == twice.returncode, (once.returncode, twice.returncode)
    a, b = json.loads(once.stdout), json.loads(twice.stdout)
    assert len(b["suppliers"]) == 1
    skipped = [f for f in b["findings"] if f["code"] == "FILE_SKIPPED"]
    assert len(skipped) == 2 and all("mer än en gång" in f["message"] for f in skipped), skipped
    rest = [f for f in b["findings"] if f["code"] != "FILE_SKIPPED"]
    assert rest == a["findings"], "fynden ska rapporteras en gång"
    c.unchanged()


def case_validate_same_name():
    c = Case("validate_same_name")
    a_dir, b_dir = os.path.join(c.dir, "a"), os.path.join(c.dir, "b")
    os.makedirs(a_dir)
    os.makedirs(b_dir)
    shutil.copy(os.path.join(c.lev, "inkop.xlsx"), os.path.join(a_dir, "inkop.xlsx"))
    shutil.copy(os.path.join(c.lev, "demokrati.xlsx"), os.path.join(b_dir, "inkop.xlsx"))
    before = ro.tree(c.dir)
    o = os.path.join(c.dir, "o")
    p = ro.run(EXE, "validate", os.path.join(a_dir, "inkop.xlsx"), os.path.join(b_dir, "inkop.xlsx"),
               "-o", o, "--json")
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    files = sorted(s["file"] for s in doc["suppliers"])
    assert files == ["a/inkop.xlsx", "b/inkop.xlsx"], files
    # Each file's findings as validate gives them for that file alone.
    for d, src in (("a", "inkop.xlsx"), ("b", "demokrati.xlsx")):
        alone = json.loads(ro.run(EXE, "validate", os.path.join(c.lev, src), "--json").stdout)
        mine = [dict(f, file=src) for f in doc["findings"] if f["file"] == f"{d}/inkop.xlsx"]
        assert mine == alone["findings"], d
    reviews = sorted(os.listdir(os.path.join(o, "granskning")))
    assert reviews == ["a_inkop.xlsx", "b_inkop.xlsx"], reviews
    for name in reviews:
        ro.openpyxl.load_workbook(os.path.join(o, "granskning", name))
    after = ro.tree(c.dir)
    assert {k: v for k, v in after.items() if not k.startswith("o/") and k != "o/"} == before


# --- Inputs destroyed -------------------------------------------------------------------------

def case_output_into_round():
    c = Case("output_into_round")
    os.symlink(c.lev, os.path.join(c.dir, "lank-till-leverantorer"))
    c.freeze()
    for out, words in ((c.lev, "ligger i mappen med indata"),
                       (os.path.join(c.lev, "ut"), "ligger i mappen med indata"),
                       (c.round, "innehåller indata"),
                       (c.dir, "innehåller indata"),
                       (os.path.join(c.dir, "lank-till-leverantorer"), "via en länk")):
        code = c.run(out=out)
        assert code == 2, (out, code, c.printed)
        assert words in c.printed, (out, c.printed)
        assert c.printed.startswith("fel: ") or "\nfel: " in c.printed, c.printed
        c.unchanged()
    # Beside the inputs, inside the round, is where outputs belong.
    assert c.run(out=os.path.join(c.round, "ut")) == 1, c.printed
    ro.check_whole(os.path.join(c.round, "ut"))


def case_output_into_last_year():
    """Last year's register and charges ([foregaende]) are inputs: their folder is refused."""
    c = Case("output_into_last_year")
    last = os.path.join(c.dir, "2023")
    shutil.copytree(os.path.join(SAMPLE, "..", "2023"), last)
    charged = os.path.join(c.dir, "forra", "ut")
    os.makedirs(charged)
    with open(os.path.join(charged, "resultat.json"), "w", encoding="utf-8") as f:
        json.dump({"year": 2023, "allocations": []}, f)
    with open(os.path.join(c.round, "omgang.toml"), "a", encoding="utf-8") as f:
        f.write('resultat = "../forra/ut/resultat.json"\n')  # [foregaende] is the last table
    before = ro.tree(c.dir)
    for out in (last, charged):
        code = c.run(out=out)
        assert code == 2, (out, code, c.printed)
        assert "innehåller indata" in c.printed, (out, c.printed)
    assert ro.tree(c.dir) == before


def case_run_and_settlement_share_a_folder():
    """`run` and `slutreglering` write into one output folder, each keeping the other's outputs
    and replacing its own whole (a stale settlement statement does not survive)."""
    c = Case("run_and_settlement")
    utfall = os.path.join(SAMPLE, "utfall.xlsx")
    assert c.run() == 1, c.printed
    settle = [EXE, "slutreglering", c.round, "--utfall", utfall, "-o", c.out]
    p = ro.run(*settle, timeout=300)
    assert p.returncode in (0, 1), (p.returncode, p.stdout, p.stderr)
    stale = os.path.join(c.out, "slutreglering", "kunder", "GAMMAL.xlsx")
    with open(stale, "wb") as f:
        f.write(b"not ours any more")
    assert c.run() == 1, c.printed  # run keeps the settlement's folder
    assert os.path.exists(stale) and os.path.exists(os.path.join(c.out, "slutreglering.xlsx"))
    p = ro.run(*settle, timeout=300)
    assert p.returncode in (0, 1), (p.returncode, p.stdout, p.stderr)
    assert not os.path.exists(stale), "a stale settlement statement survived"
    assert len(os.listdir(os.path.join(c.out, "kunder"))) >= 40  # run's statements kept
    for f in ("resultat.json", "fordelning.xlsx", "slutreglering.json"):
        assert os.path.exists(os.path.join(c.out, f)), f
    # The outcome file is an input: its folder is refused.
    p = ro.run(EXE, "slutreglering", c.round, "--utfall", utfall, "-o", SAMPLE, timeout=300)
    assert p.returncode == 2 and "indata" in p.stderr, (p.returncode, p.stderr)


def case_validate_onto_input():
    c = Case("validate_onto_input")
    o = os.path.join(c.dir, "o")
    os.makedirs(os.path.join(o, "granskning"))
    own = os.path.join(o, "granskning", "inkop.xlsx")
    shutil.copy(os.path.join(c.lev, "inkop.xlsx"), own)
    before = ro.tree(c.dir)
    p = ro.run(EXE, "validate", own, "-o", o)
    assert p.returncode == 2 and "innehåller indata" in p.stderr, (p.returncode, p.stderr)
    # granskning/ a link to the inputs' folder.
    o2 = os.path.join(c.dir, "o2")
    os.makedirs(o2)
    os.symlink(c.lev, os.path.join(o2, "granskning"))
    p = ro.run(EXE, "validate", os.path.join(c.lev, "inkop.xlsx"), "-o", o2)
    assert p.returncode == 2 and "indata" in p.stderr, (p.returncode, p.stderr)
    # A hard link to the input where the review copy would go.
    o3 = os.path.join(c.dir, "o3")
    os.makedirs(os.path.join(o3, "granskning"))
    os.link(os.path.join(c.lev, "inkop.xlsx"), os.path.join(o3, "granskning", "inkop.xlsx"))
    p = ro.run(EXE, "validate", os.path.join(c.lev, "inkop.xlsx"), "-o", o3)
    assert p.returncode == 2 and "skrivs aldrig över" in p.stderr, (p.returncode, p.stderr)
    after = ro.tree(c.dir)
    for k, v in before.items():
        assert after.get(k) == v, k


# --- An output folder that tells the truth ----------------------------------------------------

def case_stale_outputs():
    c = Case("stale_outputs")
    os.makedirs(os.path.join(c.out, "kunder"))
    os.makedirs(os.path.join(c.out, "granskning"))
    for rel, text in (("kunder/BORTTAGEN.xlsx", "gammal"), ("granskning/borttagen.xlsx", "gammal"),
                      ("anteckning.txt", "min egen"), (".resultat.json.tmp-0123abcd", "halv")):
        with open(os.path.join(c.out, rel), "w") as f:
            f.write(text)
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    assert not os.path.exists(os.path.join(c.out, "kunder", "BORTTAGEN.xlsx"))
    assert not os.path.exists(os.path.join(c.out, "granskning", "borttagen.xlsx"))
    with open(os.path.join(c.out, "anteckning.txt")) as f:
        assert f.read() == "min egen"
    os.remove(os.path.join(c.out, "anteckning.txt"))
    ro.check_whole(c.out)
    assert sorted(os.listdir(c.dir)) == ["omgang", "ut"], os.listdir(c.dir)
    # A folder of the user's in the output folder is not thrown away: the run refuses.
    os.makedirs(os.path.join(c.out, "arkiv"))
    assert c.run() == 2 and "innehåller mappen 'arkiv'" in c.printed, c.printed


def case_long_names():
    c = Case("long_names")
    long_file = "i" * 228 + ".xlsx"  # 233 characters
    os.rename(os.path.join(c.lev, "inkop.xlsx"), os.path.join(c.lev, long_file))
    wb = ro.openpyxl.load_workbook(os.path.join(c.round, "kunder.xlsx"))
    ws = wb["Kunder"]
    ids = {}
    for row in range(2, ws.max_row + 1):
        ids[ws.cell(row=row, column=1).value] = row
    renamed = ["K" * 237, "aux.txt", "~$lock"]
    used = set()
    for sheet in ("Nycklar", "Tjänster"):
        for r in wb[sheet].iter_rows(values_only=True):
            used.update(str(v) for v in r if v is not None)
    free = [k for k in ids if not any(k in u for u in used)][: len(renamed)]
    assert len(free) == len(renamed), free
    for old, new in zip(free, renamed):
        ws.cell(row=ids[old], column=1).value = new
    # A key named History: Excel keeps that sheet name for itself.
    keys = wb["Nycklar"]
    first_key = keys.cell(row=2, column=1).value
    for sheet in ("Nycklar", "Tjänster"):
        for row in wb[sheet].iter_rows():
            for cell in row:
                if cell.value == first_key:
                    cell.value = "History"
    wb.save(os.path.join(c.round, "kunder.xlsx"))
    # Last year's round, with the customer who left since (ALF) under a Kund-id too long for a
    # file name: its statement's finding names last year's register and row, not this year's.
    last = os.path.join(c.dir, "2023")
    shutil.copytree(os.path.join(SAMPLE, "..", "2023"), last)
    last_wb = ro.openpyxl.load_workbook(os.path.join(last, "kunder.xlsx"))
    last_ws = last_wb["Kunder"]
    left_row = next(r for r in range(2, last_ws.max_row + 1)
                    if last_ws.cell(row=r, column=1).value == "ALF")
    last_ws.cell(row=left_row, column=1).value = "L" * 237
    last_wb.save(os.path.join(last, "kunder.xlsx"))
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    statements = os.listdir(os.path.join(c.out, "kunder"))
    assert "aux_.txt.xlsx" in statements and "_$lock.xlsx" in statements, statements
    assert all(len(n.encode()) <= 200 for n in statements)
    assert not any(n.startswith("~$") or n.split(".")[0].upper() in ("AUX", "CON", "NUL", "PRN")
                   for n in statements), statements
    shortened = {(f["file"], f["sheet"], f["cell"]) for f in r["findings"]
                 if f["code"] == "NAME_SHORTENED"}
    long_id_row = ids[free[0]]  # renamed "K" * 237
    assert shortened == {(long_file, "", ""), ("kunder.xlsx", "Kunder", f"A{long_id_row}"),
                         ("../2023/kunder.xlsx", "Kunder", f"A{left_row}")}, shortened
    assert any(cu.get("departed") and cu["id"] == "L" * 237 for cu in r["customers"]), \
        "the customer who left has no entry"
    reviews = os.listdir(os.path.join(c.out, "granskning"))
    assert any(n.startswith("i" * 150) and len(n.encode()) <= 200 for n in reviews), reviews
    for name in ("fordelning.xlsx", "sammanstallning.xlsx", "beslutsbilaga.xlsx"):
        sheets = ro.openpyxl.load_workbook(os.path.join(c.out, name), read_only=True).sheetnames
        assert not any(s.lower() == "history" for s in sheets), (name, sheets)
    assert any(s["name"] == "Nämnden för inköp och upphandling" for s in r["suppliers"])


# --- Numbers and text that break outputs ------------------------------------------------------

def case_amounts_too_large():
    c = Case("amounts_too_large")
    inkop = os.path.join(c.lev, "inkop.xlsx")
    ro.set_cells(inkop, FORVALTNING, {"D8": "<v>5000000000000000</v>", "D9": "<v>5E+15</v>",
                                      "C8": "<v>-1E+300</v>"})
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)  # every integer of resultat.json within 2^53
    found = {f["cell"]: f for f in file_findings(r, "inkop.xlsx") if f["code"] == "NUMBER_OUT_OF_RANGE"}
    assert sorted(found) == ["C8", "D8", "D9"], sorted(found)
    assert "är för stort" in found["D8"]["message"] and "1 000 miljarder" in found["D8"]["message"]
    assert "mindre än −1" in found["C8"]["message"]
    assert "går inte att läsa" not in found["D8"]["message"]
    for cust in r["customers"]:
        assert cust["total_kr"] >= 0, cust
    v = ro.run(EXE, "validate", inkop, "--json")
    ro.check_json_integers(json.loads(v.stdout))


def case_tiny_amount():
    c = Case("tiny_amount")
    ro.set_cells(os.path.join(c.lev, "inkop.xlsx"), FORVALTNING, {"B8": "<v>1E-300</v>"})
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    f = [x for x in file_findings(r, "inkop.xlsx") if x["cell"] == "B8"]
    assert len(f) == 1 and "mindre än ett öre" in f[0]["message"], f
    assert "0000000000" not in f[0]["message"]


def case_missing_forecast():
    c = Case("missing_forecast")
    inkop = os.path.join(c.lev, "inkop.xlsx")
    ro.set_cells(inkop, FORVALTNING, {"D8": None, "D10": "<v>22800</v>"})
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    f = [x for x in file_findings(r, "inkop.xlsx") if x["cell"] == "D8"]
    assert [x["code"] + " " + x["level"] for x in f] == ["VALUE_MISSING fel"], f
    assert "Prognosen 2024 för 'Stöd vid inköp och beställning' saknas" in f[0]["message"]
    # A dash: read as 0, a warning.
    c2 = Case("dash_forecast")
    ro.set_cells(os.path.join(c2.lev, "inkop.xlsx"), FORVALTNING,
                 {"D8": "<is><t>-</t></is>", "D10": "<v>22800</v>"})
    assert c2.run() == 1, c2.printed
    f = [x for x in file_findings(c2.result(), "inkop.xlsx") if x["cell"] == "D8"]
    assert [x["code"] + " " + x["level"] for x in f] == ["VALUE_MISSING varning"], f


def case_formula_without_value():
    c = Case("formula_without_value")
    ro.set_cells(os.path.join(c.lev, "inkop.xlsx"), FORVALTNING, {"D9": "<f>C9*1.086</f>"})
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    f = [x for x in file_findings(r, "inkop.xlsx") if x["cell"] == "D9"]
    assert [x["code"] for x in f] == ["FORMULA_UNCOMPUTED"], f
    assert "=C9*1.086 utan sparat värde" in f[0]["message"], f[0]["message"]


def case_control_characters():
    c = Case("control_characters")
    inkop = os.path.join(c.lev, "inkop.xlsx")
    ro.set_cells(inkop, FORVALTNING, {
        "A8": "<is><t>Stöd vid inköp_x000B_och beställning</t></is>",
        "A9": "<is><t>Stöd vid leverantörs_x0001_fakturahantering</t></is>",
        "A12": b"<is><t>Leverant\xf6rens analys \xff\xfe</t></is>",
    })
    c.freeze()
    code = c.run()
    assert code == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)  # every workbook opens; the HTML is valid UTF-8, no controls
    found = {f["cell"]: f for f in file_findings(r, "inkop.xlsx") if f["code"] == "TEXT_REPLACED"}
    assert sorted(found) == ["A12", "A8", "A9"], sorted(found)
    assert found["A8"]["level"] == "info" and found["A9"]["level"] == "varning"
    assert "U+0001" in found["A9"]["message"] and "UTF-8" in found["A12"]["message"]
    raw = open(os.path.join(c.out, "resultat.json"), "rb").read()
    raw.decode("utf-8")
    text = json.dumps(r, ensure_ascii=False)
    assert not ro.CONTROL.search(text.replace("\n", "")), "styrtecken i resultat.json"
    lines = [l["service"] for s in r["suppliers"] for l in s["lines"]
             if s["file"] == "inkop.xlsx"]
    assert "Stöd vid inköp och beställning" in lines, lines  # a line break, tidied in a label
    assert "Stöd vid leverantörs\ufffdfakturahantering" in lines, lines
    # validate -o writes a review copy that openpyxl opens too.
    o = os.path.join(c.dir, "o")
    v = ro.run(EXE, "validate", inkop, "-o", o)
    assert v.returncode == 0, v.stderr  # warnings and info only
    ro.openpyxl.load_workbook(os.path.join(o, "granskning", "inkop.xlsx"))
    c.unchanged()


def case_year_mismatch():
    c = Case("year_mismatch")
    path = os.path.join(c.round, "omgang.toml")
    text = open(path, encoding="utf-8").read()
    assert "analysar = 2024" in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("analysar = 2024", "analysar = 2025"))
    c.freeze()
    assert c.run() == 1, c.printed
    c.unchanged()
    r = ro.check_whole(c.out)
    f = [x for x in r["findings"] if x["file"] == "omgang.toml" and x["code"] == "SETTINGS_INVALID"
         and "analysar = 2025" in x["message"]]
    assert len(f) == 1 and "gäller 2024" in f[0]["message"], f



def case_alternatives_nonsense():
    """Alternatives that make no sense are refused (SETTINGS_INVALID at their line, the
    alternative not shown) before anything is allocated: an initiative named twice, a cut
    larger than the frame, a thousand repeated percentages (which once took gigabytes)."""
    import resource
    c = Case("alternatives_nonsense")
    path = os.path.join(c.round, "omgang.toml")
    text = open(path, encoding="utf-8").read()
    b = 'insatser = ["Kommunikationsinsats kring Göteborgsförslaget"]'
    cut = "utveckling_minus_tkr = 1400"
    d = "minskning_procent = [7, 12, 17, 22]"
    assert b in text and cut in text and d in text
    text = text.replace(b, 'insatser = ["Kommunikationsinsats kring Göteborgsförslaget", '
                           '"kommunikationsinsats kring göteborgsförslaget"]')
    text = text.replace(cut, "utveckling_minus_tkr = 99999999")
    text = text.replace(d, "minskning_procent = [" + ", ".join(["7"] * 1000) + "]")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    c.freeze()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert c.run() == 1, c.printed
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    c.unchanged()
    r = ro.check_whole(c.out)
    said = [x["message"] for x in r["findings"]
            if x["file"] == "omgang.toml" and x["code"] == "SETTINGS_INVALID"]
    for words in ("nämner insatsen 'kommunikationsinsats kring göteborgsförslaget' två gånger",
                  "mer än hela ramen", "högst 8 procentsatser"):
        assert len([m for m in said if words in m]) == 1, (words, said)
    # Refused before anything is worked out: no thousand examples, no gigabytes.
    assert max(before, peak) < 1_000_000, f"{peak} KiB"
    # The annex shows A for each supplier and none of the refused alternatives.
    shown = set()
    wb = ro.openpyxl.load_workbook(os.path.join(c.out, "beslutsbilaga.xlsx"), read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            shown |= {v[:13] for v in row if isinstance(v, str) and v.startswith("Alternativ ")
                      and v[11:13] in ("A:", "B:", "C:", "D:")}
    assert shown == {"Alternativ A:"}, shown
    # Percentages given twice, and one beyond 100.
    c2 = Case("alternatives_percentages")
    path = os.path.join(c2.round, "omgang.toml")
    text = open(path, encoding="utf-8").read().replace(d, "minskning_procent = [7, 12, 7]")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    c2.freeze()
    assert c2.run() == 1, c2.printed
    c2.unchanged()
    said = [x["message"] for x in c2.result()["findings"] if x["code"] == "SETTINGS_INVALID"]
    assert any("nämner 7 % två gånger" in m for m in said), said


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    global EXE, SAMPLE, WORK
    EXE, SAMPLE, WORK = sys.argv[1:4]
    chosen = sys.argv[4:] or list(CASES)
    os.makedirs(WORK, exist_ok=True)
    failed = []
    for name in chosen:
        try:
            CASES[name]()
            print(f"ok: {name}")
        except Exception:  # noqa: BLE001 - report every case
            failed.append(name)
            print(f"FEL: {name}\n{traceback.format_exc()}")
    if failed:
        print(f"{len(failed)} av {len(chosen)} fall misslyckades: {', '.join(failed)}")
        sys.exit(1)
    print(f"alla {len(chosen)} fall gick igenom")


if __name__ == "__main__":
    main()
