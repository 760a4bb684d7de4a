#!/usr/bin/env python3
"""Generated rounds for issue 16: copies of the sample round with odd names, amounts, keys and
settings, picked at random from a seed. For every one, `arsanalys run`:
- ends by itself (no hang: a time limit) with exit 0, 1 or 2, never a signal or an exception
  in English;
- writes nothing outside its output folder and changes no input (sha256 of everything beside
  the output folder, before and after; a staging folder or lock left behind is caught too);
- publishes a whole output when it exits 0 or 1 (every workbook opens in openpyxl,
  resultat.json agrees with them), and its allocations add up: every line's customers to the
  line's amount, the customers' totals to the lines of the year.

Not libFuzzer: it drives the real program on real files, as a user would, so that a whole round
is tried (libFuzzer's targets in tests/fuzz reach the reader). ARSANALYS_FUZZ_SEED picks the
rounds (default 16); the seed of a failing round is printed.

Usage: round_fuzz.py ARSANALYS SAMPLE_ROUND WORK_DIR [ROUNDS]      Exit 77: no openpyxl."""
import os
import random
import re
import shutil
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import round_outputs as ro  # noqa: E402

if ro.openpyxl is None:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

FORVALTNING = "3.1a Förvaltningskostnader"  # inkop.xlsx: D8, D9 services, D10 total

ODD_IDS = ["aux", "CON.txt", "~$lås", "a/b", "..", "K" * 240, "Kund med mellanslag ", "History",
           "日本", "ÅÄÖ", "-", "=1+1", "\u202eevil", "nul.xlsx", "a\\b", "SLK"]
ODD_NAMES = ["History", "", "Lika", "x" * 120, "Nyckel/med:tecken*?", "=SUM(A1)", "Översikt"]
ODD_MEASURES = [0, -5, 10 ** 15, 1e-9, "abc", None, 3.5, "1 200", 2 ** 53 + 1]
ODD_SHARES = [0, 150, -10, "x", 33.3333, None, 1e-12]
ODD_AMOUNTS = ["<v>5e15</v>", "<v>-1</v>", "<v>0.0001</v>", "<is><t>abc</t></is>",
               "<f>C9*2</f>", None, "<v>123456789</v>", "<v>1e300</v>", "<is><t>a_x000B_b</t></is>",
               "<v>-999999999999</v>"]
ODD_FILES = ["inkop (1).xlsx", " inkop.xlsx", "inköp–ny.xlsx", "i" * 230 + ".xlsx", "inkop.XLSX",
             ".inkop.xlsx", "inkop.xlsx.bak", "aux.xlsx", "~$inkop.xlsx"]
ODD_YEARS = ["2023", "2025", "0", "99999", "-1", '"tjugo"']


def mutate_kunder(rng, path, said):
    wb = ro.openpyxl.load_workbook(path)
    kunder, nycklar = wb["Kunder"], wb["Nycklar"]
    for _ in range(rng.randint(0, 3)):
        row = rng.randint(2, kunder.max_row)
        new = rng.choice(ODD_IDS)
        said.append(f"Kund-id rad {row} = {new!r}")
        kunder.cell(row=row, column=1).value = new
    for _ in range(rng.randint(0, 4)):
        row, col = rng.randint(2, kunder.max_row), rng.randint(4, kunder.max_column)
        new = rng.choice(ODD_MEASURES)
        said.append(f"mått {row},{col} = {new!r}")
        kunder.cell(row=row, column=col).value = new
    for _ in range(rng.randint(0, 2)):
        row = rng.randint(2, nycklar.max_row)
        if rng.random() < 0.5:
            new = rng.choice(ODD_NAMES)
            said.append(f"nyckel rad {row} = {new!r}")
            nycklar.cell(row=row, column=1).value = new or None
        else:
            new = rng.choice(ODD_SHARES)
            said.append(f"andel rad {row} = {new!r}")
            nycklar.cell(row=row, column=2).value = new
    wb.save(path)


def mutate_suppliers(rng, lev, said):
    inkop = os.path.join(lev, "inkop.xlsx")
    cells = {}
    for ref in rng.sample(["D8", "D9", "D10", "C8"], rng.randint(0, 3)):
        cells[ref] = rng.choice(ODD_AMOUNTS)
    if cells:
        said.append(f"inkop.xlsx {cells}")
        ro.set_cells(inkop, FORVALTNING, cells)
    r = rng.random()
    if r < 0.3:
        new = rng.choice(ODD_FILES)
        said.append(f"inkop.xlsx heter {new!r}")
        os.rename(inkop, os.path.join(lev, new))
    elif r < 0.45:
        new = rng.choice(ODD_FILES)
        said.append(f"inkop.xlsx också som {new!r}")
        shutil.copy(inkop, os.path.join(lev, new))


def mutate_settings(rng, path, said):
    text = open(path, encoding="utf-8").read()
    if rng.random() < 0.3:
        year = rng.choice(ODD_YEARS)
        said.append(f"analysar = {year}")
        text = text.replace("analysar = 2024", f"analysar = {year}", 1)
    if rng.random() < 0.4:
        cut = rng.choice(["-5", "0", "99999999999", "1e20", "1400.5", '"mycket"'])
        said.append(f"utveckling_minus_tkr = {cut}")
        text = text.replace("utveckling_minus_tkr = 1400", f"utveckling_minus_tkr = {cut}", 1)
    if rng.random() < 0.3:
        n = rng.choice([0, 1, 9, 300])
        values = ", ".join(str(rng.choice([7, 12, 0, 100, 101, -1, 33.33])) for _ in range(n))
        said.append(f"minskning_procent = [{n} värden]")
        text = re.sub(r"minskning_procent = \[[^\]]*\]", f"minskning_procent = [{values}]", text,
                      count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def without_output(snapshot):
    return {k: v for k, v in snapshot.items() if k != "ut/" and not k.startswith("ut/")}


def one_round(exe, sample, work, seed):
    rng = random.Random(seed)
    case = os.path.join(work, f"r{seed}")
    shutil.rmtree(case, ignore_errors=True)
    os.makedirs(case)
    rnd = ro.copy_sample(sample, os.path.join(case, "omgang"))
    said = []
    mutate_kunder(rng, os.path.join(rnd, "kunder.xlsx"), said)
    mutate_suppliers(rng, os.path.join(rnd, "leverantorer"), said)
    mutate_settings(rng, os.path.join(rnd, "omgang.toml"), said)
    out = os.path.join(case, "ut")
    before = ro.tree(case)
    p = ro.run(exe, "run", rnd, "-o", out, timeout=300)
    printed = p.stdout + p.stderr
    assert p.returncode in (0, 1, 2), (said, p.returncode, printed[-2000:])
    for english in ("terminate called", "filesystem error", "std::", "what():", "Aborted"):
        assert english not in printed, (said, english, printed[-2000:])
    after = ro.tree(case)
    assert without_output(after) == before, (
        said, sorted(set(without_output(after).items()) ^ set(before.items()))[:10])
    if p.returncode == 2:
        assert not os.path.exists(out), (said, "exit 2 men resultatmappen finns")
        return said, 2
    r = ro.check_whole(out)
    for a in r["allocations"]:
        assert sum(a["customers_kr"].values()) == a["amount_kr"], (said, a["service"])
    year_kr = sum(a["amount_kr"] for a in r["allocations"] if a["year"] == r["year"])
    assert sum(c["total_kr"] for c in r["customers"]) == year_kr, said
    ro.check_json_integers(r)
    shutil.rmtree(case)  # a passing round's files are not kept
    return said + [f"{len(r['allocations'])} fördelade rader stämmer"], p.returncode


def main():
    exe, sample, work = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    base = int(os.environ.get("ARSANALYS_FUZZ_SEED", "16"))
    os.makedirs(work, exist_ok=True)
    codes, failed = {0: 0, 1: 0, 2: 0}, []
    for i in range(rounds):
        seed = base * 1000 + i
        try:
            said, code = one_round(exe, sample, work, seed)
            codes[code] += 1
            print(f"ok: omgång {seed} (slutstatus {code}): {'; '.join(said) or 'oförändrad'}")
        except Exception:  # noqa: BLE001 - report every round
            failed.append(seed)
            print(f"FEL: omgång {seed}\n{traceback.format_exc()}")
    if failed:
        print(f"{len(failed)} av {rounds} omgångar misslyckades: frön {failed} "
              f"(ARSANALYS_FUZZ_SEED väljer omgångarna; filerna ligger kvar i {work})")
        sys.exit(1)
    print(f"alla {rounds} omgångar gick igenom: slutstatus 0: {codes[0]}, 1: {codes[1]}, "
          f"2: {codes[2]}")


if __name__ == "__main__":
    main()
