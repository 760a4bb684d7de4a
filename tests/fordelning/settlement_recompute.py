#!/usr/bin/python3
"""An independent recomputation of the year-end settlement (contract: "Year-end settlement",
"Allocation rules"), compared with `arsanalys slutreglering`'s slutreglering.json to the krona.

    /usr/bin/python3 settlement_recompute.py ARSANALYS sample ROUND_DIR UTFALL.xlsx
    /usr/bin/python3 settlement_recompute.py ARSANALYS generated BENCH_GEN_ROUND.py

`sample`: settles ROUND_DIR against UTFALL. `generated`: writes a small round with
bench/gen_round.py, the outcome template with `arsanalys template --utfall`, fills it with
invented figures (a fixed seed, some actual volumes) and settles that.

What was charged comes from the round's own record, resultat.json of `arsanalys run` (its
allocations of year Y, Kostnadsfördelning, charged by key or to one customer). Everything else is
worked out here from the contract's rules and the input workbooks alone (openpyxl): the key's
steps from kunder.xlsx's `Nycklar`, the measures from `Kunder` with utfall.xlsx's `Kunder` put
in where given, `Används av` from `Tjänster` (the most specific row with a category: the
service or an alias, its area, `*`), the largest-remainder splits with the published tie order,
and the settlement's rule for a service of several lines (each line its amount plus its share
of actual minus charged, by the lines' absolute amounts). Also checks the JSON's sums and that
openpyxl opens every workbook written.
"""

import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from fractions import Fraction

import openpyxl


def fold(text):
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def name_key(text):
    return fold(text).rstrip(".:;").strip()


def header_word(text):
    """Letters and digits without accents: "Används av" -> "anvandsav"."""
    plain = unicodedata.normalize("NFD", fold(text))
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))


def number(value):
    """An exact number from a cell: a number, or Swedish text ("1 200", "7,5")."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(repr(value))
    text = str(value).replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        return Fraction(text)
    except ValueError:
        return None


def sheet_rows(wb, word):
    for ws in wb.worksheets:
        if header_word(ws.title) == word:
            return [list(r) for r in ws.iter_rows(values_only=True)]
    return None


def table(rows, first_header):
    """The rows below the header row (the first row holding `first_header`), as dicts by
    header_word."""
    for i, row in enumerate(rows):
        words = [header_word(c) for c in row]
        if first_header in words:
            out = []
            for r in rows[i + 1:]:
                out.append({w: v for w, v in zip(words, r) if w})
            return words, out
    raise SystemExit(f"no header {first_header}")


def read_customers(wb):
    rows = sheet_rows(wb, "kunder")
    if rows is None:
        return None
    words, data = table(rows, "kundid")
    measures = [w for w in words if w and w not in ("kundid", "namn", "typ")]
    customers = {}
    for d in data:
        cid = d.get("kundid")
        if cid in (None, ""):
            continue
        cid = str(cid)
        customers[cid] = {"typ": fold(d.get("typ")), "m": {m: number(d.get(m)) for m in measures}}
    return customers


def read_register(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    customers = read_customers(wb)
    _, steps = table(sheet_rows(wb, "nycklar"), "nyckel")
    keys, current = {}, None
    for d in steps:
        name = d.get("nyckel")
        if name not in (None, ""):
            current = str(name).strip()
        if current is None or d.get("andel") in (None, ""):
            continue
        andel = number(d.get("andel"))
        if isinstance(d.get("andel"), float) and andel <= 1:  # a percentage cell: 0.75 = 75 %
            andel *= 100
        keys.setdefault(name_key(current), []).append(
            {"andel": andel, "urval": str(d.get("urval") or ""), "matt": str(d.get("matt") or "")})
    services = []
    rows = sheet_rows(wb, "tjanster")
    if rows is not None:
        words, data = table(rows, "leverantor")
        for d in data:
            if not d.get("leverantor") or not d.get("tjanst"):
                continue
            alias = [a for a in str(d.get("alias") or "").split(";") if a.strip()]
            services.append({"supplier": name_key(d["leverantor"]), "service": str(d["tjanst"]).strip(),
                             "names": [name_key(d["tjanst"])] + [name_key(a) for a in alias],
                             "category": str(d.get("kategori") or "").strip(),
                             "used_by": str(d.get("anvandsav") or "").strip()})
    return customers, keys, services


def parse_urval(text):
    t = fold(text)
    if t in ("", "alla"):
        return ("alla", [])
    kind, _, values = t.partition("=")
    vals = [v.strip() for v in values.split(",") if v.strip()]
    return (kind.strip(), vals)


def selects(urval, cid, customer):
    kind, vals = urval
    if kind == "alla":
        return True
    if kind == "typ":
        return customer["typ"] in vals
    if kind == "kund":
        return fold(cid) in vals
    raise SystemExit(f"urval {urval}")


def measure_weight(matt, customer):
    t = fold(matt)
    if t == "lika":
        return Fraction(1)
    total = Fraction(0)
    for term in t.split("+"):
        weight, star, measure = term.replace("×", "*").replace("·", "*").partition("*")
        if not star:
            weight, measure = "1", weight
        value = customer["m"].get(header_word(measure))
        if value is None:
            raise SystemExit(f"measure {measure} missing")
        total += number(weight.strip()) * value
    return total


def split(amount, weights, order):
    """Largest remainder; `order`: the tie order (indices, first wins)."""
    if amount < 0:
        return [-p for p in split(-amount, weights, order)]
    den = 1
    for w in weights:
        den = den * w.denominator // math.gcd(den, w.denominator)
    ints = [int(w * den) for w in weights]
    total = sum(ints)
    parts = [amount * w // total for w in ints]
    rest = [amount * w % total for w in ints]
    left = amount - sum(parts)
    rank = sorted(range(len(ints)), key=lambda i: (-rest[i], order.index(i)))
    for i in rank[:left]:
        parts[i] += 1
    return parts


def users_of(services, supplier, service, area):
    """`Används av` of the most specific Tjänster row with a category (None: the key's own)."""
    rows = [s for s in services if s["supplier"] == name_key(supplier) and s["category"]]
    for match in (lambda s: name_key(service) in s["names"],
                  lambda s: area and s["names"][0] == name_key("Område: " + area),
                  lambda s: s["service"] == "*"):
        for s in rows:
            if match(s):
                return s["used_by"] or None
    return None


def uses(used_by, cid, customer):
    main, _, except_ = fold(used_by).partition(" utom ")
    if not selects(parse_urval(main), cid, customer):
        return False
    if except_:
        _, ids = parse_urval(except_)
        return fold(cid) not in ids
    return True


def allocate(amount, steps, customers, used_by):
    ids = sorted(customers, key=lambda c: c.encode())
    weighed = []
    for st in steps:
        urval = parse_urval(st["urval"])
        sel = [c for c in ids if selects(urval, c, customers[c])]
        if used_by:
            sel = [c for c in sel if uses(used_by, c, customers[c])]
        w = [measure_weight(st["matt"], customers[c]) for c in sel]
        weighed.append((sel, w))
    andel = [st["andel"] if sum(w) > 0 else Fraction(0) for st, (sel, w) in zip(steps, weighed)]
    step_kr = split(amount, andel, list(range(len(steps))))
    out = {}
    for kr, (sel, w) in zip(step_kr, weighed):
        if sum(w) == 0:
            continue
        for c, p in zip(sel, split(kr, w, list(range(len(sel))))):
            out[c] = out.get(c, 0) + p
    return out


def recompute(round_dir, utfall, resultat, settled):
    customers, keys, services = read_register(os.path.join(round_dir, "kunder.xlsx"))
    ub = openpyxl.load_workbook(utfall, data_only=True)
    actual_volumes = read_customers(ub)
    if actual_volumes:
        for cid, v in actual_volumes.items():
            for m, value in v["m"].items():
                if value is not None and cid in customers and m in customers[cid]["m"]:
                    customers[cid]["m"][m] = value
    _, out_rows = table(sheet_rows(ub, "utfall"), "leverantor")
    actual = {}
    for d in out_rows:
        if d.get("leverantor") and d.get("tjanst") and d.get("utfallkr") not in (None, ""):
            actual[(name_key(d["leverantor"]), name_key(d["tjanst"]))] = int(d["utfallkr"])

    year = resultat["year"]
    groups = {}
    for a in resultat["allocations"]:
        if a["year"] != year or a["financing"] != "kostnadsfordelning":
            continue
        if a["charging"] not in ("by_key", "to_customer"):
            continue
        groups.setdefault((name_key(a["supplier"]), name_key(a["service"])), []).append(a)

    mine = {}
    for (sk, vk), lines in groups.items():
        charged_kr = sum(l["amount_kr"] for l in lines)
        charged = {}
        for l in lines:
            for c, kr in l["customers_kr"].items():
                charged[c] = charged.get(c, 0) + kr
        act = actual.get((sk, vk))
        final = dict.fromkeys(charged, 0)
        if act is None:
            act, final = charged_kr, dict(charged)
        else:
            parts = split(act - charged_kr, [Fraction(abs(l["amount_kr"])) for l in lines],
                          list(range(len(lines))))
            for l, p in zip(lines, parts):
                part = l["amount_kr"] + p
                if l["charging"] == "to_customer":
                    (only,) = l["customers_kr"].keys()
                    final[only] = final.get(only, 0) + part
                    continue
                used_by = users_of(services, l["supplier"], l["service"], l.get("area", ""))
                for c, kr in allocate(part, keys[name_key(l["key"])], customers, used_by).items():
                    final[c] = final.get(c, 0) + kr
        mine[(lines[0]["supplier"], lines[0]["service"])] = (charged_kr, act, charged, final)

    errors = []
    theirs = {(s["supplier"], s["service"]): s for s in settled["services"]}
    if set(theirs) != set(mine):
        errors.append(f"services differ: only program {sorted(set(theirs) - set(mine))[:5]}, "
                      f"only here {sorted(set(mine) - set(theirs))[:5]}")
    totals = {}
    for k, (charged_kr, act, charged, final) in mine.items():
        s = theirs.get(k)
        if s is None:
            continue
        if s["charged_kr"] != charged_kr or s["actual_kr"] != act:
            errors.append(f"{k}: charged/actual {s['charged_kr']}/{s['actual_kr']} vs {charged_kr}/{act}")
        for c in set(charged) | set(final) | set(s["customers_kr"]):
            got = s["customers_kr"].get(c, {"charged": 0, "final": 0})
            want = {"charged": charged.get(c, 0), "final": final.get(c, 0)}
            if got != want:
                errors.append(f"{k} {c}: program {got}, recomputed {want}")
            t = totals.setdefault(c, [0, 0])
            t[0] += want["charged"]
            t[1] += want["final"]
        # The contract's sums.
        if sum(v["final"] for v in s["customers_kr"].values()) != s["actual_kr"]:
            errors.append(f"{k}: finals do not sum to actual_kr")
        if sum(v["charged"] for v in s["customers_kr"].values()) != s["charged_kr"]:
            errors.append(f"{k}: charged do not sum to charged_kr")
    for c in settled["customers"]:
        want = totals.get(c["id"], [0, 0])
        if [c["charged_kr"], c["final_kr"]] != want or c["difference_kr"] != c["final_kr"] - c["charged_kr"]:
            errors.append(f"customer {c['id']}: {c} vs {want}")
    return errors, len(mine), sum(1 for v in mine.values() if v[3] != v[2])


def check_workbooks(out_dir, settled):
    wb = openpyxl.load_workbook(os.path.join(out_dir, "slutreglering.xlsx"))
    assert wb.sheetnames == ["Översikt", "Per kund", "Per tjänst", "Tjänst och kund", "Fynd"], wb.sheetnames
    folder = os.path.join(out_dir, "slutreglering", "kunder")
    statements = os.listdir(folder)
    assert len(statements) == len(settled["customers"]), (len(statements), len(settled["customers"]))
    # One statement read back: its total row holds the customer's figures.
    for c in settled["customers"][:3]:
        ws = openpyxl.load_workbook(os.path.join(folder, c["id"] + ".xlsx"), data_only=True).active
        found = False
        for row in ws.iter_rows(values_only=True):
            if row[0] and str(row[0]).startswith("Totalt "):
                assert list(row[5:8]) == [c["charged_kr"], c["final_kr"], c["difference_kr"]], row
                found = True
        assert found, c["id"]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stdout}\n{p.stderr}")
    return p


def settle_and_compare(exe, round_dir, utfall, tmp):
    run([exe, "run", round_dir, "-o", os.path.join(tmp, "run")])
    run([exe, "slutreglering", round_dir, "--utfall", utfall, "-o", os.path.join(tmp, "settle")])
    with open(os.path.join(tmp, "run", "resultat.json"), encoding="utf-8") as f:
        resultat = json.load(f)
    with open(os.path.join(tmp, "settle", "slutreglering.json"), encoding="utf-8") as f:
        settled = json.load(f)
    errors, n, moved = recompute(round_dir, utfall, resultat, settled)
    check_workbooks(os.path.join(tmp, "settle"), settled)
    for e in errors[:20]:
        print(e)
    if errors:
        raise SystemExit(f"{len(errors)} differences")
    if n == 0 or moved == 0:
        raise SystemExit("nothing was settled: the comparison would prove nothing")
    print(f"{n} services, {moved} with a difference, {len(settled['customers'])} customers: "
          "the same to the krona")


def fill_outcome(template, out, seed):
    """Invented figures: each service's charged amount × a factor from 0.9 to 1.08; every
    third customer's first measure changed by up to ±10 %."""
    rng = random.Random(seed)
    wb = openpyxl.load_workbook(template)
    ws = wb["Utfall"]
    for row in ws.iter_rows(min_row=1):
        if row[0].value and row[1].value and isinstance(row[3].value, (int, float)) and row[0].row > 3:
            row[2].value = int(round(row[3].value * rng.uniform(0.9, 1.08)))
    wb.save(out)
    return out


def main():
    exe, mode = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        if mode == "sample":
            settle_and_compare(exe, sys.argv[3], sys.argv[4], tmp)
        elif mode == "generated":
            round_dir = os.path.join(tmp, "round")
            subprocess.run([sys.executable, sys.argv[3], round_dir, "12"], check=True,
                           capture_output=True)
            template = os.path.join(tmp, "mall.xlsx")
            p = run([exe, "template", "--utfall", round_dir, "-o", template])
            utfall = fill_outcome(template, os.path.join(tmp, "utfall.xlsx"), 15)
            # Actual volumes for some customers, from the register's own values.
            wb = openpyxl.load_workbook(utfall)
            reg = openpyxl.load_workbook(os.path.join(round_dir, "kunder.xlsx"), data_only=True)
            src = [list(r) for r in sheet_rows(reg, "kunder")]
            ws = wb["Kunder"]
            head = [c.value for c in ws[1]]
            rng = random.Random(7)
            src_head = [header_word(c) for c in src[0]]
            for r in range(2, ws.max_row + 1, 3):
                cid = ws.cell(r, 1).value
                for s in src[1:]:
                    if str(s[0]) == str(cid):
                        for col in range(4, len(head) + 1):
                            i = src_head.index(header_word(head[col - 1]))
                            v = s[i]
                            if isinstance(v, (int, float)) and v > 0 and rng.random() < 0.5:
                                ws.cell(r, col).value = int(v * rng.uniform(0.9, 1.1)) or 1
            wb.save(utfall)
            settle_and_compare(exe, round_dir, utfall, tmp)
        else:
            raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
