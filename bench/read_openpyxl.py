#!/usr/bin/python3
"""Reference reader for the reader benchmark (bench/run_reader_bench.sh): openpyxl in read-only
mode, touching every cell value the way bench_read.cc does (sum numbers, count strings).
data_only=True, so formula cells give their cached values, as in our model.

Run with Debian's /usr/bin/python3 (python3-openpyxl).

    /usr/bin/python3 bench/read_openpyxl.py FILE.xlsx
"""
import datetime
import sys
import time

import openpyxl


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: read_openpyxl.py FILE.xlsx", file=sys.stderr)
        return 2
    start = time.perf_counter()
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
    cells = strings = string_bytes = dates = 0
    total = 0.0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if value is None:
                    continue
                cells += 1
                if isinstance(value, str):
                    strings += 1
                    string_bytes += len(value.encode("utf-8"))
                elif isinstance(value, (datetime.datetime, datetime.date)):
                    dates += 1
                elif isinstance(value, (int, float)):
                    total += value
    wb.close()
    ms = (time.perf_counter() - start) * 1000
    print(f"cells={cells} strings={strings} string_bytes={string_bytes} dates={dates} "
          f"sum={total:.2f} total_ms={ms:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
