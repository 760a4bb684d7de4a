#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The tuned Python peer of the whole-run benchmark (docs/performance.md, "Hela körningen"):
the baseline's job as a Python engineer who cares about speed would write it.

    /usr/bin/python3 bench/tuned/arsanalys_tuned.py ROUND_DIR -o OUT_DIR [--processes 2]

It writes the same outputs as the baseline (bench/baseline/arsanalys_baseline.py), cell for
cell (bench/compare_outputs.py checks that): sammanstallning.xlsx, fordelning.xlsx,
kunder/<Kund-id>.xlsx and resultat.json. What it does differently:

- The outputs are written with XlsxWriter (Debian's python3-xlsxwriter), the library a Python
  engineer reaches for to write workbooks: the statements in memory (`in_memory`), the
  customer × line matrix of fordelning.xlsx row by row (`constant_memory`).
- The allocation is in integers throughout: each key's steps and weights are worked out once
  as integers (the baseline keeps Fractions until the split), the largest remainders are
  picked with heapq.nlargest instead of a full sort, and customers are indices, not Kund-ids.
- The outputs are written by two processes (fork), as `arsanalys run` uses two cores:
  fordelning.xlsx, resultat.json and sammanstallning.xlsx are the first tasks, the statements
  in batches fill the other process meanwhile. Reading and allocating stay in one process.
- resultat.json is printed by the json module's C encoder (no indentation: the same document,
  fewer bytes; with `indent` the json module falls back to its pure-Python encoder).

Reading is the baseline's own code (imported): it is a few per cent of the work.
"""

import argparse
import heapq
import json
import multiprocessing
import os
import re
import sys
import tomllib
from math import lcm

import xlsxwriter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "baseline"))
import arsanalys_baseline as base  # noqa: E402

TABLE_NAMES = base.TABLE_NAMES


# --- Allocation in integers -------------------------------------------------------------------

def prepare_key(key, customers):
    """(integer step shares, [(customer indices in Kund-id byte order, integer weights, sum)])."""
    scale = lcm(*(s["andel"].denominator for s in key["steps"]))
    andel = [int(s["andel"] * scale) for s in key["steps"]]
    steps = []
    for s in key["steps"]:
        chosen = sorted(set(base.select(s["urval"], customers)),
                        key=lambda i: customers[i]["id"].encode("utf-8"))
        terms = base.parse_matt(s["matt"])
        if terms is None:
            weights = [1] * len(chosen)
        else:
            exact = [sum(w * customers[i]["measures"][m] for w, m in terms) for i in chosen]
            d = lcm(*(w.denominator for w in exact)) if exact else 1
            weights = [int(w * d) for w in exact]
        steps.append((chosen, weights, sum(weights)))
    return andel, sum(andel), steps


def split(amount, weights, total):
    """Largest remainder in whole kronor; ties to the lower index; negatives on |amount|."""
    a = abs(amount)
    parts, rests = [], []
    for w in weights:
        q, r = divmod(a * w, total)
        parts.append(q)
        rests.append(r)
    left = a - sum(parts)
    if left:
        # nlargest is sorted(..., reverse=True)[:n], which keeps equal keys in index order.
        for i in heapq.nlargest(left, range(len(weights)), key=rests.__getitem__):
            parts[i] += 1
    return [-p for p in parts] if amount < 0 else parts


def allocate(amount, prepared):
    """{customer index: kronor}, in the order of the steps and their customers."""
    andel, andel_total, steps = prepared
    out = {}
    for step_kr, (chosen, weights, total) in zip(split(amount, andel, andel_total), steps):
        if not out:
            out = dict(zip(chosen, split(step_kr, weights, total)))
            continue
        for i, kr in zip(chosen, split(step_kr, weights, total)):
            out[i] = out.get(i, 0) + kr
    return out


# --- Outputs ----------------------------------------------------------------------------------
# Filled in by main() before the worker processes are forked; they read them, never write them.
ROUND = {}


def saved(path, write):
    """Writes a workbook through write(tmp) and puts it in place atomically."""
    tmp = path + ".tmp"
    write(tmp)
    os.replace(tmp, path)


def write_summary(path):
    suppliers, year = ROUND["suppliers"], ROUND["year"]

    def write(tmp):
        wb = xlsxwriter.Workbook(tmp, {"in_memory": True})
        bold = wb.add_format({"bold": True})
        ws = wb.add_worksheet("Sammanställning")
        ws.write_row(0, 0, ["Leverantör", "Tabell", f"Utfall {year - 2}", f"Budget {year - 1}",
                            f"Prognos {year}"], bold)
        r = 1
        for s in suppliers:
            for tid in ("forvaltning", "utveckling", "nya_insatser"):
                lines = s["tables"].get(tid, [])
                ys = (year, year + 1, year + 2) if tid == "nya_insatser" else (
                    year - 2, year - 1, year)
                ws.write_row(r, 0, [s["name"], TABLE_NAMES[tid]] +
                             [sum(a.get(y) or 0 for _, _, a in lines) for y in ys])
                r += 1
        for s in suppliers:
            ws = wb.add_worksheet(s["file"].rsplit(".", 1)[0][:31])
            ws.write(0, 0, s["name"], bold)
            ws.write_row(1, 0, ["Tabell", "Område", "Tjänst", "År Y-2 / Y", "År Y-1 / Y+1",
                                "År Y / Y+2"])
            r = 2
            for tid in ("forvaltning", "utveckling", "nya_insatser"):
                for area, label, amounts in s["tables"].get(tid, []):
                    row_values(ws, r, [TABLE_NAMES[tid], area, label] + list(amounts.values()))
                    r += 1
        wb.close()

    saved(path, write)


def row_values(ws, r, values, fmt=None):
    """Like write_row, but leaves None and "" cells out, as openpyxl does."""
    for c, v in enumerate(values):
        if v is None or v == "":
            continue
        ws.write(r, c, v, fmt) if fmt is not None else ws.write(r, c, v)


def write_fordelning(path):
    customers, allocations = ROUND["customers"], ROUND["allocations"]

    def write(tmp):
        # A customer × line matrix per supplier: millions of cells, row by row.
        wb = xlsxwriter.Workbook(tmp, {"constant_memory": True})
        suppliers = list(dict.fromkeys(a["supplier"] for a in allocations))
        per_supplier = {}
        for s in suppliers:
            own = [a for a in allocations if a["supplier"] == s]
            kr = [ROUND["by_index"][id(a)] for a in own]
            ws = wb.add_worksheet(s[:31])
            ws.write_row(0, 0, ["Kund-id", "Namn", "Typ"] + [a["service"] for a in own] +
                         ["Summa"])
            ws.write(1, 2, "Nyckel")
            ws.write_row(1, 3, [a["key"] for a in own])
            ws.write(2, 2, "Belopp")
            amounts = [a["amount_kr"] for a in own]
            ws.write_row(2, 3, amounts + [sum(amounts)])
            totals = per_supplier.setdefault(s, [0] * len(customers))
            number = ws.write_number
            for ci, c in enumerate(customers):
                row = [line.get(ci, 0) for line in kr]
                total = sum(row)
                totals[ci] = total
                r = 3 + ci
                row_values(ws, r, [c["id"], c["name"], c["typ"]])
                for col, v in enumerate(row, 3):
                    number(r, col, v)
                number(r, 3 + len(row), total)
        ws = wb.add_worksheet("Per kund")
        ws.write_row(0, 0, ["Kund-id", "Namn"] + suppliers + ["Summa"])
        for ci, c in enumerate(customers):
            row = [per_supplier[s][ci] for s in suppliers]
            row_values(ws, 1 + ci, [c["id"], c["name"]])
            ws.write_row(1 + ci, 2, row + [sum(row)])
        wb.close()

    saved(path, write)


def write_statements(first, last):
    customers, allocations, year = ROUND["customers"], ROUND["allocations"], ROUND["year"]
    items = ROUND["items"]
    out = ROUND["out"]
    lines = [(a["supplier"], a["service"], TABLE_NAMES[a["table"]], a["key"], a["amount_kr"])
             for a in allocations]
    for ci in range(first, last):
        c = customers[ci]
        safe = re.sub(r"[^\w.-]", "_", c["id"])

        def write(tmp):
            wb = xlsxwriter.Workbook(tmp, {"in_memory": True})
            title = wb.add_format({"bold": True, "font_size": 14})
            bold = wb.add_format({"bold": True})
            ws = wb.add_worksheet("Kundbesked")
            ws.write(0, 0, f"Kundbesked {year}: {c['name']} ({c['id']})", title)
            ws.write_row(2, 0, ["Leverantör", "Tjänst", "Tabell", "Nyckel",
                                "Tjänstens belopp (kr)", "Er del (kr)"], bold)
            r = 3
            total = 0
            text, number = ws.write_string, ws.write_number  # no type sniffing per cell
            for li, kr in items[ci]:
                supplier, service, table, key, amount = lines[li]
                text(r, 0, supplier)
                text(r, 1, service)
                text(r, 2, table)
                text(r, 3, key)
                number(r, 4, amount)
                number(r, 5, kr)
                total += kr
                r += 1
            ws.write(r, 0, "Summa", bold)
            ws.write(r, 5, total)
            for col, w in enumerate([40, 50, 14, 40, 20, 16]):
                ws.set_column(col, col, w)
            wb.close()

        saved(os.path.join(out, "kunder", safe + ".xlsx"), write)


def write_result(path):
    customers, allocations = ROUND["customers"], ROUND["allocations"]
    ids = [c["id"] for c in customers]
    for a in allocations:  # this process's copy: Kund-ids for the document
        a["customers_kr"] = {ids[i]: kr for i, kr in ROUND["by_index"][id(a)].items()}
    totals = [sum(kr for _, kr in ROUND["items"][ci]) for ci in range(len(customers))]
    s = ROUND["suppliers"]
    result = {
        "year": ROUND["year"],
        "suppliers": [{"name": x["name"], "file": x["file"],
                       "lines": [{"table": tid, "service": label, "area": area,
                                  "amounts_kr": {str(y): v for y, v in amounts.items()}}
                                 for tid, lines in x["tables"].items() if tid != "nycklar"
                                 for area, label, amounts in lines]} for x in s],
        "allocations": allocations,
        "not_allocated": ROUND["not_allocated"],
        "customers": [{"id": c["id"], "name": c["name"], "total_kr": totals[ci]}
                      for ci, c in enumerate(customers)],
    }
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(json.dumps(result, ensure_ascii=False))
    os.replace(path + ".tmp", path)


def run_task(task):
    kind, *args = task
    out = ROUND["out"]
    if kind == "fordelning":
        write_fordelning(os.path.join(out, "fordelning.xlsx"))
    elif kind == "resultat":
        write_result(os.path.join(out, "resultat.json"))
    elif kind == "sammanstallning":
        write_summary(os.path.join(out, "sammanstallning.xlsx"))
    else:
        write_statements(*args)
    return kind


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("round_dir")
    p.add_argument("-o", "--out", default="ut-tuned")
    p.add_argument("--processes", type=int, default=2)
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
    suppliers = [base.read_supplier(os.path.join(lev, f), year) for f in files]
    customers, keys, aliases, services = base.read_kunder(
        os.path.join(args.round_dir, "kunder.xlsx"))

    prepared = {}
    allocations, not_allocated, by_index = [], [], {}
    items = [[] for _ in customers]  # per customer: (line number, kronor), in line order
    for s in suppliers:
        sup = base.name_key(s["name"])
        for tid in ("forvaltning", "utveckling", "nya_insatser"):
            for area, label, amounts in s["tables"].get(tid, []):
                amount = amounts.get(year)
                if not amount:
                    continue
                key = services.get((sup, base.name_key(label)))
                if key is None and tid != "nya_insatser":
                    key = services.get((sup, "*"))
                    if key is None:
                        key = aliases.get(base.name_key(s["key_texts"].get(
                            base.name_key(label), "")))
                line = {"supplier": s["name"], "service": label, "area": area, "table": tid,
                        "year": year, "amount_kr": amount}
                if key is None:
                    not_allocated.append(line | {"reason": "Ingen fördelningsnyckel."})
                    continue
                if key not in prepared:
                    prepared[key] = prepare_key(keys[key], customers)
                line["key"] = key
                kr = allocate(amount, prepared[key])
                li = len(allocations)
                allocations.append(line)
                by_index[id(line)] = kr
                for ci, v in kr.items():
                    items[ci].append((li, v))

    ROUND.update(suppliers=suppliers, customers=customers, allocations=allocations,
                 not_allocated=not_allocated, by_index=by_index, items=items, year=year,
                 out=args.out)
    batch = 50
    tasks = [("fordelning",), ("resultat",), ("sammanstallning",)] + [
        ("kunder", i, min(i + batch, len(customers))) for i in range(0, len(customers), batch)]
    if args.processes <= 1:
        for t in tasks:
            run_task(t)
    else:
        with multiprocessing.get_context("fork").Pool(args.processes) as pool:
            for _ in pool.imap_unordered(run_task, tasks, chunksize=1):
                pass
    print(f"{len(suppliers)} leverantörer, {len(customers)} kunder, {len(allocations)} rader "
          f"fördelade, {len(not_allocated)} inte fördelade; skrivet i {args.out}")


if __name__ == "__main__":
    main()
