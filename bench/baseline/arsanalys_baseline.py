#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The baseline of the whole-run benchmark (docs/performance.md, "Hela körningen"): what a
controller's IT department would write in Python with openpyxl to do the round's core job.

    /usr/bin/python3 bench/baseline/arsanalys_baseline.py ROUND_DIR -o OUT_DIR

Reads the suppliers' workbooks (openpyxl, read-only), finds the 3.1a/3.1b/3.1c lines and the
3.2 key texts, reads kunder.xlsx, allocates every line for year Y to the customers by its key
(contract.md's rules: steps by Andel, then customers by the step's measure, whole kronor by
the largest remainder, ties to the earlier step or the Kund-id first in byte order, negative
amounts on their absolute value) and writes sammanstallning.xlsx (totals and lines per
supplier), fordelning.xlsx (customer × service per supplier), kunder/<Kund-id>.xlsx (one
statement per customer) and resultat.json (the allocations in the contract's shape).

It does less than `arsanalys run`: it expects the template's layout (a title row, then a
header row starting with Tjänst/Förändringsinsats, numbers in tkr as numbers), makes no
checks and gives no findings, writes no review copies, no decision annex, no index or
alternatives, no key sheets, no last-year figures, no formulas. Plain and straightforward on
purpose: neither deliberately slow nor tuned.
"""

import argparse
import json
import os
import re
import tomllib
from fractions import Fraction
from math import lcm

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

BOLD = Font(bold=True)
# Tables by the section number their title starts with, as in the template.
TITLES = [("3.1a", "forvaltning"), ("3.1b", "utveckling"), ("3.1c", "nya_insatser"),
          ("3.2", "nycklar")]
TABLE_NAMES = {"forvaltning": "Förvaltning", "utveckling": "Utveckling",
               "nya_insatser": "Nya insatser"}


def fold(text):
    return " ".join(str(text).lower().split())


def name_key(text):
    return fold(text).rstrip(".:;").strip()


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# --- Suppliers ---------------------------------------------------------------------------

def year_columns(header_row, year):
    """Column index per (kind, year) from a header row like 'Prognos budget 2025'."""
    cols = {}
    for i, h in enumerate(header_row):
        if not isinstance(h, str):
            continue
        m = re.search(r"(20\d\d)", h)
        if not m:
            continue
        words = h.lower()
        kind = ("utfall" if "utfall" in words else "prognos" if "prognos" in words
                else "budget" if "budget" in words else "ar" if words.startswith("år") else None)
        if kind and (kind, int(m.group(1))) not in cols:
            cols[kind, int(m.group(1))] = i
    return cols


def read_supplier(path, year):
    wb = load_workbook(path, read_only=True, data_only=True)
    supplier = os.path.splitext(os.path.basename(path))[0]
    tables = {}          # id -> list of (area, label, {year: kr})
    key_texts = {}       # name_key(service) -> key text
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        i = 0
        while i < len(rows):
            row = rows[i]
            first = row[0] if row else None
            if isinstance(first, str) and fold(first) == "leverantör" and len(row) > 1 and row[1]:
                supplier = str(row[1]).strip()
            table = None
            if isinstance(first, str):
                for number, tid in TITLES:
                    if first.strip().startswith(number + " "):
                        table = tid
                        break
            if table is None:
                i += 1
                continue
            # The header row: the first row below whose first cell names the label column.
            j = i + 1
            while j < len(rows) and not (rows[j] and isinstance(rows[j][0], str) and
                                         fold(rows[j][0]) in ("tjänst", "förändringsinsats")):
                j += 1
            if j == len(rows):
                break
            header = rows[j]
            j += 1
            if table == "nycklar":
                while j < len(rows) and rows[j] and rows[j][0]:
                    key_texts[name_key(rows[j][0])] = rows[j][1] or ""
                    j += 1
            else:
                cols = year_columns(header, year)
                if table == "nya_insatser":
                    wanted = [("ar", year), ("ar", year + 1), ("ar", year + 2)]
                else:
                    wanted = [("utfall", year - 2), ("budget", year - 1), ("prognos", year)]
                wanted = {y: cols[kind, y] for kind, y in wanted if (kind, y) in cols}
                lines, area = [], ""
                while j < len(rows):
                    r = rows[j]
                    label = r[0] if r else None
                    numbers = [v for v in r[1:] if is_number(v)]
                    if isinstance(label, str) and fold(label).startswith(("total", "summa")):
                        break
                    if label and not numbers:
                        area = str(label).strip()
                    elif label:
                        amounts = {y: (int(round(r[c] * 1000)) if c < len(r) and is_number(r[c])
                                       else None) for y, c in wanted.items()}
                        lines.append((area, str(label).strip(), amounts))
                    elif not numbers and not label:
                        if all(v is None for v in r):
                            break
                    j += 1
                tables[table] = lines
            i = j
    wb.close()
    return {"name": supplier, "file": os.path.basename(path), "tables": tables,
            "key_texts": key_texts}


# --- Customers and keys ------------------------------------------------------------------

def exact(v):
    if isinstance(v, int):
        return Fraction(v)
    if isinstance(v, float):
        return Fraction(repr(v))
    return Fraction(str(v).replace(" ", "").replace(",", "."))


def read_kunder(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    rows = list(wb["Kunder"].iter_rows(values_only=True))
    head = [str(h).strip() if h is not None else "" for h in rows[0]]
    measures = head[3:]
    customers = []
    for r in rows[1:]:
        if not r or r[0] is None:
            continue
        values = {m: exact(v) for m, v in zip(measures, r[3:]) if v is not None}
        customers.append({"id": str(r[0]).strip(), "name": r[1] or "", "typ": r[2] or "",
                          "measures": values})
    keys, aliases, current = {}, {}, None
    for r in list(wb["Nycklar"].iter_rows(values_only=True))[1:]:
        if not r or all(v is None for v in r):
            continue
        name = r[0] if r[0] else current
        current = name
        key = keys.setdefault(name, {"name": name, "steps": []})
        key["steps"].append({"andel": exact(r[1]), "urval": str(r[2]), "matt": str(r[3])})
        aliases[name_key(name)] = name
        if len(r) > 4 and r[4]:
            for a in str(r[4]).split(";"):
                if a.strip():
                    aliases[name_key(a)] = name
    services = {}
    for r in list(wb["Tjänster"].iter_rows(values_only=True))[1:]:
        if r and r[0] and r[1]:
            services[name_key(r[0]), name_key(r[1])] = r[2]
    wb.close()
    return customers, keys, aliases, services


def parse_matt(text):
    """[(weight, measure)] or None for `lika`."""
    if fold(text) == "lika":
        return None
    terms = []
    for part in text.split("+"):
        bits = [b.strip() for b in part.split("*")]
        if len(bits) == 2:
            w, m = (bits[0], bits[1]) if re.match(r"^[\d,. ]+$", bits[0]) else (bits[1], bits[0])
            terms.append((exact(w), m))
        else:
            terms.append((Fraction(1), bits[0]))
    return terms


def select(urval, customers):
    u = urval.strip()
    if fold(u) == "alla":
        return list(range(len(customers)))
    what, _, values = u.partition("=")
    wanted = [fold(v) for v in values.split(",")]
    field = "typ" if fold(what) == "typ" else "id"
    return [i for i, c in enumerate(customers) if fold(c[field]) in wanted]


def prepare_key(key, customers):
    """Integer step shares and per step (customer indices in Kund-id byte order, weights)."""
    scale = lcm(*(s["andel"].denominator for s in key["steps"]))
    andel = [int(s["andel"] * scale) for s in key["steps"]]
    steps = []
    for s in key["steps"]:
        chosen = sorted(set(select(s["urval"], customers)),
                        key=lambda i: customers[i]["id"].encode("utf-8"))
        terms = parse_matt(s["matt"])
        if terms is None:
            weights = [Fraction(1)] * len(chosen)
        else:
            weights = [sum(w * customers[i]["measures"][m] for w, m in terms) for i in chosen]
        d = lcm(*(w.denominator for w in weights)) if weights else 1
        steps.append((chosen, [int(w * d) for w in weights]))
    return andel, steps


def split(amount, weights):
    """Largest remainder in whole kronor; ties to the lower index; negatives on |amount|."""
    a = abs(amount)
    total = sum(weights)
    parts = [a * w // total for w in weights]
    rests = [a * w % total for w in weights]
    left = a - sum(parts)
    for i in sorted(range(len(weights)), key=lambda k: -rests[k])[:left]:
        parts[i] += 1
    return [-p for p in parts] if amount < 0 else parts


def allocate(amount, prepared, customers):
    andel, steps = prepared
    out = {}
    for step_kr, (chosen, weights) in zip(split(amount, andel), steps):
        for i, kr in zip(chosen, split(step_kr, weights)):
            cid = customers[i]["id"]
            out[cid] = out.get(cid, 0) + kr
    return out


# --- Outputs -----------------------------------------------------------------------------

def save(wb, path):
    tmp = path + ".tmp"
    wb.save(tmp)
    os.replace(tmp, path)


def write_summary(path, suppliers, year):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sammanställning"
    ws.append(["Leverantör", "Tabell", f"Utfall {year - 2}", f"Budget {year - 1}",
               f"Prognos {year}"])
    for s in suppliers:
        for tid in ("forvaltning", "utveckling", "nya_insatser"):
            lines = s["tables"].get(tid, [])
            ys = (year, year + 1, year + 2) if tid == "nya_insatser" else (year - 2, year - 1, year)
            ws.append([s["name"], TABLE_NAMES[tid]] +
                      [sum(a.get(y) or 0 for _, _, a in lines) for y in ys])
    for s in suppliers:
        ws = wb.create_sheet(s["file"].rsplit(".", 1)[0][:31])
        ws.append([s["name"]])
        ws.append(["Tabell", "Område", "Tjänst", "År Y-2 / Y", "År Y-1 / Y+1", "År Y / Y+2"])
        for tid in ("forvaltning", "utveckling", "nya_insatser"):
            for area, label, amounts in s["tables"].get(tid, []):
                ws.append([TABLE_NAMES[tid], area, label] + list(amounts.values()))
    for ws in wb.worksheets:
        for c in ws[1]:
            c.font = BOLD
    save(wb, path)


def write_fordelning(path, customers, allocations):
    wb = Workbook(write_only=True)  # a customer × line matrix per supplier is millions of cells
    suppliers = list(dict.fromkeys(a["supplier"] for a in allocations))
    per_supplier = {}
    for s in suppliers:
        own = [a for a in allocations if a["supplier"] == s]
        ws = wb.create_sheet(s[:31])
        ws.append(["Kund-id", "Namn", "Typ"] + [a["service"] for a in own] + ["Summa"])
        ws.append(["", "", "Nyckel"] + [a["key"] for a in own] + [""])
        ws.append(["", "", "Belopp"] + [a["amount_kr"] for a in own] +
                  [sum(a["amount_kr"] for a in own)])
        for c in customers:
            row = [a["customers_kr"].get(c["id"], 0) for a in own]
            total = sum(row)
            per_supplier[c["id"], s] = total
            ws.append([c["id"], c["name"], c["typ"]] + row + [total])
    ws = wb.create_sheet("Per kund")
    ws.append(["Kund-id", "Namn"] + suppliers + ["Summa"])
    for c in customers:
        row = [per_supplier.get((c["id"], s), 0) for s in suppliers]
        ws.append([c["id"], c["name"]] + row + [sum(row)])
    save(wb, path)


def write_statement(path, customer, items, year):
    wb = Workbook()
    ws = wb.active
    ws.title = "Kundbesked"
    ws.append([f"Kundbesked {year}: {customer['name']} ({customer['id']})"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Leverantör", "Tjänst", "Tabell", "Nyckel", "Tjänstens belopp (kr)", "Er del (kr)"])
    for c in ws[3]:
        c.font = BOLD
    total = 0
    for a, kr in items:
        ws.append([a["supplier"], a["service"], TABLE_NAMES[a["table"]], a["key"],
                   a["amount_kr"], kr])
        total += kr
    ws.append(["Summa", None, None, None, None, total])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    for col, w in zip("ABCDEF", [40, 50, 14, 40, 20, 16]):
        ws.column_dimensions[col].width = w
    save(wb, path)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("round_dir")
    p.add_argument("-o", "--out", default="ut-baseline")
    args = p.parse_args()
    os.makedirs(os.path.join(args.out, "kunder"), exist_ok=True)

    settings = {}
    toml = os.path.join(args.round_dir, "omgang.toml")
    if os.path.exists(toml):
        with open(toml, "rb") as f:
            settings = tomllib.load(f)
    year = int(settings.get("analysar", 0))
    lev = os.path.join(args.round_dir, "leverantorer")
    files = sorted(f for f in os.listdir(lev) if f.endswith(".xlsx") and not f.startswith("~$"))
    suppliers = [read_supplier(os.path.join(lev, f), year) for f in files]
    customers, keys, aliases, services = read_kunder(os.path.join(args.round_dir, "kunder.xlsx"))

    prepared = {}
    allocations, not_allocated = [], []
    for s in suppliers:
        sup = name_key(s["name"])
        for tid in ("forvaltning", "utveckling", "nya_insatser"):
            for area, label, amounts in s["tables"].get(tid, []):
                amount = amounts.get(year)
                if not amount:
                    continue
                key = services.get((sup, name_key(label)))
                if key is None and tid != "nya_insatser":
                    key = services.get((sup, "*"))
                    if key is None:
                        key = aliases.get(name_key(s["key_texts"].get(name_key(label), "")))
                line = {"supplier": s["name"], "service": label, "area": area, "table": tid,
                        "year": year, "amount_kr": amount}
                if key is None:
                    not_allocated.append(line | {"reason": "Ingen fördelningsnyckel."})
                    continue
                if key not in prepared:
                    prepared[key] = prepare_key(keys[key], customers)
                line["key"] = key
                line["customers_kr"] = allocate(amount, prepared[key], customers)
                allocations.append(line)

    write_summary(os.path.join(args.out, "sammanstallning.xlsx"), suppliers, year)
    write_fordelning(os.path.join(args.out, "fordelning.xlsx"), customers, allocations)
    items = {c["id"]: [] for c in customers}
    for a in allocations:
        for cid, kr in a["customers_kr"].items():
            items[cid].append((a, kr))
    for c in customers:
        safe = re.sub(r"[^\w.-]", "_", c["id"])
        write_statement(os.path.join(args.out, "kunder", safe + ".xlsx"), c, items[c["id"]], year)

    result = {
        "year": year,
        "suppliers": [{"name": s["name"], "file": s["file"],
                       "lines": [{"table": tid, "service": label, "area": area,
                                  "amounts_kr": {str(y): v for y, v in amounts.items()}}
                                 for tid, lines in s["tables"].items() if tid != "nycklar"
                                 for area, label, amounts in lines]} for s in suppliers],
        "allocations": allocations,
        "not_allocated": not_allocated,
        "customers": [{"id": c["id"], "name": c["name"],
                       "total_kr": sum(kr for _, kr in items[c["id"]])} for c in customers],
    }
    tmp = os.path.join(args.out, "resultat.json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
    os.replace(tmp, os.path.join(args.out, "resultat.json"))
    print(f"{len(suppliers)} leverantörer, {len(customers)} kunder, {len(allocations)} rader "
          f"fördelade, {len(not_allocated)} inte fördelade; skrivet i {args.out}")


if __name__ == "__main__":
    main()
