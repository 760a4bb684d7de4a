#!/usr/bin/env python3
"""Kills `arsanalys run` on the sample round at several moments and checks what it left:
no output is ever half-written (every .xlsx is a whole zip archive, resultat.json parses,
every file is either absent or complete), and the next whole run clears any temporary file a
killed run left behind. Usage: run_killed.py ARSANALYS SAMPLE_ROUND WORK_DIR"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile


def check_complete(out_dir):
    for root, _, files in os.walk(out_dir):
        for name in files:
            path = os.path.join(root, name)
            if ".tmp-" in name:
                continue  # a killed run may leave its temporary; the next run removes it
            if name.endswith(".xlsx"):
                with zipfile.ZipFile(path) as z:
                    bad = z.testzip()
                    assert bad is None, f"{path}: broken entry {bad}"
            elif name.endswith(".json"):
                with open(path, encoding="utf-8") as f:
                    json.load(f)
            elif name.endswith(".pdf"):
                with open(path, "rb") as f:
                    data = f.read()
                assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:], f"{path}: cut short"
            elif name.endswith(".html"):
                with open(path, encoding="utf-8") as f:
                    assert f.read().rstrip().endswith("</html>"), f"{path}: cut short"


def main():
    exe, round_dir, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    out_dir = os.path.join(work, "ut")
    # One whole run to learn how long it takes, then kills spread over that time.
    start = time.monotonic()
    subprocess.run([exe, "run", round_dir, "-o", out_dir], stdout=subprocess.DEVNULL, check=False)
    whole = time.monotonic() - start
    kills = 0
    for fraction in (0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95):
        shutil.rmtree(out_dir, ignore_errors=True)
        p = subprocess.Popen([exe, "run", round_dir, "-o", out_dir], stdout=subprocess.DEVNULL)
        time.sleep(whole * fraction)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
        p.wait()
        if os.path.isdir(out_dir):
            check_complete(out_dir)
    # A whole run afterwards leaves no temporary file.
    code = subprocess.run([exe, "run", round_dir, "-o", out_dir], stdout=subprocess.DEVNULL).returncode
    assert code in (0, 1), code
    left = [n for _, _, fs in os.walk(out_dir) for n in fs if ".tmp-" in n]
    assert not left, left
    check_complete(out_dir)
    print(f"ok: {kills} runs killed part-way, no half-written output; a whole run takes {whole:.2f} s")


if __name__ == "__main__":
    main()
