#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""An independent recomputation of the change from last year (resultat.json customers[].bridge)
from the documented rules only (README, "Förändringen mot förra året"; contract.md, allocation
rules), compared to the krona with what arsanalys wrote.

    /usr/bin/python3 tests/fordelning/bridge_recompute.py ARSANALYS WORK_DIR

Generates a round with bench/gen_round.py (14 customers, 5 services per area), gives it a
catalogue (Kategori, Används av), makes last year's register from it (other measures, one key's
shares changed, one service's users changed, one customer new this year, one gone), names it in
omgang.toml's [foregaende], runs arsanalys and recomputes every customer's bridge. Reads the lines and this year's keys from
resultat.json (what the round reads from the submissions is not what is checked here), the
registers from the two kunder.xlsx files. Exit 0 when every figure agrees, 1 otherwise.
"""

import json
import os
import shutil
import subprocess
import sys
from fractions import Fraction
from math import floor

from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "samples", "2024"))
import make_samples  # noqa: E402  (byte-stable saving)

INDEX = Fraction(33, 10)  # gen_round.py's [index] procent
CHANGED_KEY_SHARES = (70, 30)
PARTS = ["index", "kostnad", "nyckel", "egen_volym", "andras_volym", "ny_eller_upphord", "katalog"]


# ---- reading a register -------------------------------------------------------------------

def fold(s):
    return " ".join(str(s).split()).casefold()


def name_key(s):
    return fold(s).rstrip(".:; ")


def number(v):
    if isinstance(v, (int, float)):
        return Fraction(str(v))
    if isinstance(v, str) and v.strip():
        return Fraction(v.strip().replace(" ", "").replace(",", ".").rstrip("%").strip())
    return None


def parse_urval(text):
    t = fold(text)
    if t == "alla":
        return ("alla", [])
    kind, _, values = t.partition("=")
    return (kind.strip(), [v.strip() for v in values.split(",")])


def parse_matt(text):
    t = str(text).strip()
    if fold(t) == "lika":
        return None
    terms = []
    for part in t.split("+"):
        part = part.strip()
        if "*" in part:
            w, _, m = part.partition("*")
            terms.append((number(w), m.strip()))
        else:
            terms.append((Fraction(1), part))
    return terms


def read_register(path):
    wb = load_workbook(path)
    ws = wb["Kunder"]
    rows = list(ws.iter_rows(values_only=True))
    head = [str(h).strip() for h in rows[0]]
    customers = {}
    for r in rows[1:]:
        if r[0] is None:
            continue
        measures = {}
        for j in range(3, len(head)):
            v = number(r[j]) if j < len(r) else None
            if v is not None:
                measures[name_key(head[j])] = v
        customers[str(r[0])] = {"typ": str(r[2] or ""), "measures": measures}
    keys = {}
    current = None
    for r in list(wb["Nycklar"].iter_rows(values_only=True))[1:]:
        if r[0] is not None:
            current = str(r[0]).strip()
            keys.setdefault(name_key(current), [])
        if current is None or r[1] is None:
            continue
        keys[name_key(current)].append((number(r[1]), parse_urval(r[2]), parse_matt(r[3])))
    tj = list(wb["Tjänster"].iter_rows(values_only=True))
    th = [fold(h or "") for h in tj[0]]
    col = {w: next((i for i, h in enumerate(th) if h.startswith(w)), None)
           for w in ("leverantör", "tjänst", "nyckel", "används", "alias")}
    services = []
    for r in tj[1:]:
        get = lambda w: (r[col[w]] if col[w] is not None and col[w] < len(r) else None)  # noqa
        services.append({"supplier": name_key(get("leverantör")), "service": str(get("tjänst")),
                         "key": get("nyckel"), "used_by": get("används"),
                         "aliases": [name_key(a) for a in str(get("alias") or "").split(";")
                                     if a.strip()]})
    return {"customers": customers, "keys": keys, "services": services}


def catalogue_row(reg, supplier, area, service):
    """The most specific Tjänster row: the service (or an alias), its area, the supplier's *."""
    rows = [s for s in reg["services"] if s["supplier"] == name_key(supplier)]
    for s in rows:
        if name_key(s["service"]) == name_key(service) or name_key(service) in s["aliases"]:
            return s
    for s in rows:
        if fold(s["service"]).startswith("område:") and \
                fold(s["service"])[len("område:"):].strip() == fold(area):
            return s
    for s in rows:
        if s["service"].strip() == "*":
            return s
    return None


# ---- the allocation rules -----------------------------------------------------------------

def lr_split(amount, weights):
    """Largest remainder, ties to the lower index; negative amounts on the absolute value."""
    sign = -1 if amount < 0 else 1
    a = abs(amount)
    total = sum(weights)
    shares = [Fraction(a) * w / total for w in weights]
    parts = [floor(s) for s in shares]
    left = a - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return [sign * p for p in parts]


def selects(urval, cid, c):
    kind, values = urval
    if kind == "alla":
        return True
    if kind == "typ":
        return fold(c["typ"]) in [fold(v) for v in values]
    return fold(cid) in [fold(v) for v in values]


def uses(used_by, cid, c):
    if not used_by:
        return True
    text = str(used_by)
    base, _, exc = text.partition(" utom ")
    excepted = parse_urval(exc)[1] if exc else []
    return selects(parse_urval(base), cid, c) and fold(cid) not in [fold(e) for e in excepted]


def round_half_away(x):
    return int(floor(abs(x) + Fraction(1, 2))) * (1 if x >= 0 else -1)


def charge(amount, key_name, keys_reg, customers, used_by, nearest=False):
    """Kund-id -> kronor of `amount` by the key of `keys_reg`, weighed on `customers`.
    `nearest`: each customer's exact share of its step's kronor rounded half away from zero
    instead of the largest remainder among the customers (the bridge's E)."""
    if amount == 0 or key_name is None:
        return {}
    steps = keys_reg["keys"].get(name_key(key_name))
    if not steps:
        return {}
    ids = sorted(customers, key=lambda s: s.encode("utf-8"))
    weighed = []
    for andel, urval, matt in steps:
        sel, ws = [], []
        for cid in ids:
            c = customers[cid]
            if not selects(urval, cid, c):
                continue
            if matt is None:
                w = Fraction(1)
            else:
                w = Fraction(0)
                for weight, m in matt:
                    v = c["measures"].get(name_key(m))
                    if v is None:
                        return {}  # MEASURE_MISSING: the key cannot be used
                    w += weight * v
            sel.append(cid)
            ws.append(w)
        if not sel or sum(ws) == 0:
            return {}
        weighed.append([andel, sel, ws])
    if used_by:
        for s in weighed:
            keep = [(cid, w) for cid, w in zip(s[1], s[2]) if uses(used_by, cid, customers[cid])]
            s[1], s[2] = [k[0] for k in keep], [k[1] for k in keep]
            if sum(s[2]) == 0:
                s[0] = Fraction(0)
        if all(s[0] == 0 for s in weighed):
            return {}
    out = {}
    for (andel, sel, ws), kr in zip(weighed, lr_split(amount, [s[0] for s in weighed])):
        if andel == 0:
            continue
        if nearest:
            parts = [round_half_away(Fraction(kr) * w / sum(ws)) for w in ws]
        else:
            parts = lr_split(kr, ws)
        for cid, part in zip(sel, parts):
            out[cid] = out.get(cid, 0) + part
    return out


def uplift(amount, percent):
    return round_half_away(Fraction(amount) * (1 + percent / 100))


# ---- the round ----------------------------------------------------------------------------

def make_round(arsanalys, work):
    this_dir, last_dir = os.path.join(work, "2025"), os.path.join(work, "2024")
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_round.py"), this_dir, "14",
                    "5"], check=True, stdout=subprocess.DEVNULL)
    # A catalogue for both years: every row a Bastjänst.
    wb = load_workbook(os.path.join(this_dir, "kunder.xlsx"))
    tj = wb["Tjänster"]
    n = tj.max_column
    tj.cell(1, n + 1, "Kategori")
    tj.cell(1, n + 2, "Används av")
    named = None
    for r in range(2, tj.max_row + 1):
        tj.cell(r, n + 1, "Bastjänst")
        if named is None and tj.cell(r, 3).value and tj.cell(r, 2).value == "*":
            named = r
    suppliers = {tj.cell(r, 1).value for r in range(2, tj.max_row + 1)}
    for s in sorted(suppliers):
        if not any(tj.cell(r, 1).value == s and tj.cell(r, 2).value == "*"
                   for r in range(2, tj.max_row + 1)):
            r = tj.max_row + 1
            tj.cell(r, 1, s)
            tj.cell(r, 2, "*")
            tj.cell(r, n + 1, "Bastjänst")
    # This year: a supplier's other services no longer used by the register's first customer.
    first = wb["Kunder"].cell(2, 1).value
    tj.cell(named, n + 2, f"alla utom Kund={first}")
    make_samples.save(wb, os.path.join(this_dir, "kunder.xlsx"))
    # Last year: the same register with other measures, one key's shares, all users.
    wb = load_workbook(os.path.join(this_dir, "kunder.xlsx"))
    ws = wb["Kunder"]
    for row in ws.iter_rows(min_row=2):
        for cell in row[3:]:
            if isinstance(cell.value, (int, float)) and cell.value:
                g = ((cell.row * 7 + cell.column * 3) % 11 - 3) / 100
                cell.value = int(round(cell.value / (1 + g))) or cell.value
    ws.delete_rows(ws.max_row)  # the register's last customer is new this year
    # ... and one customer of last year has left the register: a copy of the first, renamed.
    gone = ws.max_row + 1
    for col in range(1, ws.max_column + 1):
        ws.cell(gone, col, ws.cell(2, col).value)
    ws.cell(gone, 1, "ZZ-UPPHORD")
    ws.cell(gone, 2, "Kund som lämnat registret")
    ky = wb["Nycklar"]
    changed = None
    names = [ky.cell(r, 1).value for r in range(1, ky.max_row + 2)]
    for r in range(2, ky.max_row):
        if names[r - 1] and names[r] == names[r - 1] and names[r + 1] != names[r - 1] and \
                (r < 3 or names[r - 2] != names[r - 1]):
            changed = r
            break
    if changed:
        ky.cell(changed, 2, CHANGED_KEY_SHARES[0])
        ky.cell(changed + 1, 2, CHANGED_KEY_SHARES[1])
    wb["Tjänster"].cell(named, n + 2).value = None
    make_samples.save(wb, os.path.join(last_dir, "kunder.xlsx"))
    with open(os.path.join(this_dir, "omgang.toml"), "a", encoding="utf-8") as f:
        f.write('\n[foregaende]\nkunder = "../2024/kunder.xlsx"\n')
    out = os.path.join(work, "ut")
    env = dict(os.environ, ARSANALYS_CHROMIUM="")
    p = subprocess.run([arsanalys, "run", this_dir, "-o", out], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit(f"arsanalys run failed ({p.returncode}): {p.stderr.decode()}")
    return os.path.join(this_dir, "kunder.xlsx"), os.path.join(last_dir, "kunder.xlsx"), \
        os.path.join(out, "resultat.json")


def recompute(now, before, result):
    year = result["year"]
    # S3's customers: last year's, with last year's measures (a measure last year lacks keeps
    # this year's value).
    hybrid = {}
    for cid, c in before["customers"].items():
        m = dict(c["measures"])
        for k, v in now["customers"].get(cid, {"measures": {}})["measures"].items():
            m.setdefault(k, v)
        hybrid[cid] = {"typ": c["typ"], "measures": m}
    allocations = {}
    for a in result["allocations"]:
        allocations.setdefault((name_key(a["supplier"]), a["table"], fold(a.get("area", "")),
                                name_key(a["service"])), []).append(a)
    bridges = {}
    for s in result["suppliers"]:
        for line in s["lines"]:
            table = line["table"]
            amounts = line.get("amounts_kr", {})
            now_kr = amounts.get(str(year)) or 0
            budget = amounts.get(str(year - 1)) or 0 if table != "nya_insatser" else 0
            if now_kr == 0 and budget == 0:
                continue
            k = (name_key(s["name"]), table, fold(line.get("area", "")), name_key(line["service"]))
            found = allocations.get(k) or []
            alloc = found.pop(0) if found and now_kr != 0 else None
            s5 = dict(alloc["customers_kr"]) if alloc else {}
            row_before = catalogue_row(before, s["name"], line.get("area", ""), line["service"])
            row_now = catalogue_row(now, s["name"], line.get("area", ""), line["service"])
            key = alloc["key"] if alloc else (row_before or {}).get("key")
            own_row = row_before is not None and (
                name_key(row_before["service"]) == name_key(line["service"])
                or name_key(line["service"]) in row_before["aliases"])
            if table == "nya_insatser" and not own_row:
                key = None  # a new initiative is allocated only by a Tjänster row of its own
            used_before = (row_before or {}).get("used_by")
            assert (row_before or {}).get("key") == (row_now or {}).get("key"), line["service"]
            s0 = charge(budget, key, before, before["customers"], used_before)
            per = {}
            if not (budget and now_kr):
                for cid in set(s0) | set(s5):
                    per[cid] = {p: 0 for p in PARTS}
                    per[cid]["ny_eller_upphord"] = s5.get(cid, 0) - s0.get(cid, 0)
            else:
                up = uplift(budget, INDEX) if table == "forvaltning" else budget
                s1 = charge(up, key, before, before["customers"], used_before)
                s2 = charge(now_kr, key, before, before["customers"], used_before)
                s3 = charge(now_kr, key, now, hybrid, used_before)
                s4 = charge(now_kr, key, now, now["customers"], used_before)
                for cid in set(s0) | set(s1) | set(s2) | set(s3) | set(s4) | set(s5):
                    g = lambda st: st.get(cid, 0)  # noqa: E731
                    # E: with only this customer's own data this year's; a customer whose
                    # data did not change has E = S3 (its egen_volym is 0).
                    mine, was = now["customers"].get(cid), hybrid.get(cid)
                    if (mine is None) != (was is None) or (
                            mine is not None and (fold(mine["typ"]) != fold(was["typ"])
                                                  or mine["measures"] != was["measures"])):
                        own = dict(hybrid)
                        own.pop(cid, None)
                        if mine is not None:
                            own[cid] = mine
                        e = charge(now_kr, key, now, own, used_before, nearest=True).get(cid, 0)
                    else:
                        e = g(s3)
                    per[cid] = {"index": g(s1) - g(s0), "kostnad": g(s2) - g(s1),
                                "nyckel": g(s3) - g(s2), "egen_volym": e - g(s3),
                                "andras_volym": g(s4) - e, "ny_eller_upphord": 0,
                                "katalog": g(s5) - g(s4)}
            for cid, parts in per.items():
                b = bridges.setdefault(cid, {"last": 0, "this": 0, "parts": {p: 0 for p in PARTS}})
                b["last"] += s0.get(cid, 0)
                b["this"] += s5.get(cid, 0)
                for p in PARTS:
                    b["parts"][p] += parts[p]
    return bridges


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    now_path, before_path, result_path = make_round(os.path.abspath(sys.argv[1]),
                                                    os.path.abspath(sys.argv[2]))
    with open(result_path, encoding="utf-8") as f:
        result = json.load(f)
    mine = recompute(read_register(now_path), read_register(before_path), result)
    bad = 0
    checked = 0
    nonzero = {p: 0 for p in PARTS}
    for c in result["customers"]:
        b = c.get("bridge")
        if b is None:
            print(f"{c['id']}: no bridge in resultat.json")
            bad += 1
            continue
        m = mine.get(c["id"], {"last": 0, "this": 0, "parts": {p: 0 for p in PARTS}})
        want = {"last_year_kr": m["last"], "this_year_kr": m["this"], **m["parts"]}
        got = {"last_year_kr": b["last_year_kr"], "this_year_kr": b["this_year_kr"],
               **b["parts_kr"]}
        checked += 1
        for p in PARTS:
            nonzero[p] += got[p] != 0
        if sum(b["parts_kr"].values()) != b["this_year_kr"] - b["last_year_kr"]:
            print(f"{c['id']}: the parts do not add up to the change")
            bad += 1
        for k in want:
            if want[k] != got[k]:
                print(f"{c['id']} {k}: resultat.json {got[k]}, recomputed {want[k]}")
                bad += 1
    # Every customer of either year is in resultat.json: its bridges add up to both years.
    missing = sorted(set(mine) - {c["id"] for c in result["customers"]})
    if missing:
        print(f"customers with a bridge missing from resultat.json: {missing}")
        bad += 1
    departed = [c["id"] for c in result["customers"] if c.get("departed")]
    if departed != ["ZZ-UPPHORD"]:
        print(f"departed customers in resultat.json: {departed}, expected ['ZZ-UPPHORD']")
        bad += 1
    print(f"{checked} customers checked; parts non-zero for: "
          + ", ".join(f"{p} {n}" for p, n in nonzero.items()))
    if checked == 0 or nonzero["egen_volym"] == 0 or nonzero["nyckel"] == 0 or \
            nonzero["katalog"] == 0 or nonzero["index"] == 0:
        print("the generated round does not exercise every part")
        bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
