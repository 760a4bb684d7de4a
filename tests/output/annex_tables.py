#!/usr/bin/env python3
"""Every printed table of the decision annex adds up as printed (issue 13).

Reads beslutsbilaga.html as `arsanalys run ROUND_DIR` writes it. Each sum and difference cell
says which printed cells it is made of (data-summa, data-skillnad: "row,column" of the table,
as the xlsx formula has them); the test adds the printed figures up and compares them with
the printed result. Every number cell of a total row must be such a sum, so no total is left
unchecked, and every table's total row is checked.

Usage: annex_tables.py ARSANALYS ROUND_DIR WORK_DIR
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys


class Tables(html.parser.HTMLParser):
    """Tables as lists of rows; a row is (is_total, [cells]); a cell is (text, attrs)."""

    def __init__(self):
        super().__init__()
        self.tables, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = (dict(attrs).get("class") == "summa", [])
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ["", dict(attrs), tag]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row[1].append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0] += data


def number(text):
    """The printed figure of a cell: '1 137 200 tkr', '596 200¹', '−67 400', '30 700*'."""
    t = text.split("(")[0].replace("\u2212", "-").replace("\u00a0", " ")
    t = re.sub(r"[¹*]|tkr", "", t).replace(" ", "").strip()
    if not re.fullmatch(r"-?\d+", t):
        return None
    return int(t)


def main():
    exe, round_dir, work = sys.argv[1:4]
    out = os.path.join(work, "ut")
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, ARSANALYS_CHROMIUM="")
    done = subprocess.run([exe, "run", round_dir, "-o", out], capture_output=True, text=True,
                          env=env)
    if done.returncode not in (0, 1):
        print(f"FEL: arsanalys run gav {done.returncode}:\n{done.stderr}")
        return 1
    parser = Tables()
    with open(os.path.join(out, "beslutsbilaga.html"), encoding="utf-8") as f:
        parser.feed(f.read())
    errors, sums, totals = [], 0, 0
    for n, table in enumerate(parser.tables):
        body = [r for r in table if not all(c[2] == "th" for c in r[1])]
        for r, (is_total, cells) in enumerate(body):
            for c, (text, attrs, _) in enumerate(cells):
                for kind in ("summa", "skillnad"):
                    if f"data-{kind}" not in attrs:
                        continue
                    refs = [tuple(map(int, x.split(","))) for x in attrs[f"data-{kind}"].split()]
                    parts = [number(body[rr][1][cc][0]) for rr, cc in refs]
                    if None in parts:
                        errors.append(f"tabell {n + 1}, rad {r + 1}: en del är inget tal: {refs}")
                        continue
                    want = sum(parts) if kind == "summa" else parts[0] - parts[1]
                    sums += 1
                    if number(text) != want:
                        errors.append(f"tabell {n + 1}, rad {r + 1}, kolumn {c + 1}: '{text}' "
                                      f"men delarna {parts} ger {want}")
                if is_total and c > 0 and number(text) is not None and "%" not in text:
                    totals += 1
                    if "data-summa" not in attrs and "data-skillnad" not in attrs:
                        errors.append(f"tabell {n + 1}, rad {r + 1}, kolumn {c + 1}: summaraden "
                                      f"'{text}' säger inte vad den summerar")
    for e in errors:
        print("FEL:", e)
    if errors:
        return 1
    print(f"ok: {len(parser.tables)} tabeller, {sums} summor och skillnader stämmer som de är "
          f"tryckta, {totals} tal på summarader kontrollerade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
