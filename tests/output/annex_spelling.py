#!/usr/bin/env python3
"""The decision annex's Swedish checked with Debian's Swedish dictionary (hunspell-sv).

Two annexes are read: the sample round's as `arsanalys run` writes it, and the test fixture's
(annex_writer_test.cc, "[annex_files]"), whose figures take the other branches of the text
(decreases, unchanged frames, a missing year). Every word hunspell does not know fails the test,
except numbers, codes and identifiers (a token with a digit, a dot or only capitals: "3.1a",
"GSF", "resultat.json") and the proper names of tests/output/annex_words_allowed.txt.

Usage: annex_spelling.py ARSANALYS ARSANALYS_TESTS ROUND_DIR WORK_DIR
Exit 77 = skipped (hunspell or its Swedish dictionary missing).
"""
import html
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def body_text(path):
    with open(path, encoding="utf-8") as f:
        t = f.read()
    t = re.sub(r"<style.*?</style>", " ", t, flags=re.S)
    t = re.sub(r"<svg.*?</svg>", " ", t, flags=re.S)
    t = re.sub(r"<[^>]+>", " ", t)
    return html.unescape(t)


def unknown_words(text):
    done = subprocess.run(["hunspell", "-d", "sv_SE", "-l"], input=text, capture_output=True,
                          text=True, check=True)
    return sorted(set(done.stdout.split()))


def main():
    exe, tests_exe, round_dir, work = sys.argv[1:5]
    if shutil.which("hunspell") is None or not os.path.exists("/usr/share/hunspell/sv_SE.dic"):
        print("HOPPAR ÖVER: hunspell eller hunspell-sv saknas (Debian: hunspell hunspell-sv)")
        return 77
    with open(os.path.join(HERE, "annex_words_allowed.txt"), encoding="utf-8") as f:
        allowed = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, ARSANALYS_CHROMIUM="")
    out = os.path.join(work, "ut")
    done = subprocess.run([exe, "run", round_dir, "-o", out], capture_output=True, env=env)
    if done.returncode not in (0, 1):
        print(f"FEL: arsanalys run gav {done.returncode}")
        return 1
    fixture = os.path.join(work, "fixtur")
    os.makedirs(fixture)
    subprocess.run([tests_exe, "[annex_files]"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(env, ARSANALYS_ANNEX_OUT=fixture))
    failed = False
    for name, path in (("exempelomgången", os.path.join(out, "beslutsbilaga.html")),
                       ("testfixturen", os.path.join(fixture, "beslutsbilaga.html"))):
        words = unknown_words(body_text(path))
        bad = [w for w in words
               if w.strip(".,;:()”\"'") not in allowed
               and not re.search(r"[\d.@/]", w)
               and not re.fullmatch(r"[A-ZÅÄÖ-]+", w.strip(".,;:()"))]
        if bad:
            failed = True
            print(f"FEL: {name}: ord som ordlistan inte känner: {bad}")
        else:
            print(f"ok: {name}: alla ord finns i den svenska ordlistan eller bland "
                  f"egennamnen ({len(words)} egennamn, koder och tal)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
