#!/usr/bin/env python3
"""Two runs on one output folder at once (issue 16): they must not corrupt each other. One
holds the folder's lock and writes; the other, started meanwhile, stops at once with a Swedish
message naming the holder (exit 2) and touches nothing. Whatever the order, the folder ends as
one whole output (the round of the run that published last), nothing of either run is left
beside it, and the inputs are byte-identical. `validate -o` on the same folder takes the same
lock.

Usage: run_concurrent.py ARSANALYS SAMPLE_ROUND WORK_DIR [ROUNDS]      Exit 77: no openpyxl."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import round_outputs as ro  # noqa: E402

if ro.openpyxl is None:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)

BUSY = "En annan körning av arsanalys (process "


def main():
    exe, sample, work = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 6
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    a, b, _ = ro.two_rounds(sample, work)
    inputs = {r: ro.tree(r) for r in (a, b)}
    out = os.path.join(work, "ut")
    env = dict(os.environ, ARSANALYS_CHROMIUM="")
    snapshots = {}
    for r in (a, b):
        p = subprocess.run([exe, "run", r, "-o", out], env=env, capture_output=True, text=True)
        assert p.returncode in (0, 1), p.stderr
        ro.check_whole(out)
        snapshots[r] = ro.tree(out)
    refused = both = 0
    for i in range(rounds):
        first, second = (a, b) if i % 2 == 0 else (b, a)
        p1 = subprocess.Popen([exe, "run", first, "-o", out], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        time.sleep(0.02 * i)  # from "at once" to well into the first run
        p2 = subprocess.Popen([exe, "run", second, "-o", out], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        (o1, e1), (o2, e2) = p1.communicate(), p2.communicate()
        codes = (p1.returncode, p2.returncode)
        ok = [c in (0, 1) for c in codes]
        assert any(ok), (codes, e1, e2)
        for code, err in zip(codes, (e1, e2)):
            if code == 2:
                assert err.startswith("fel: " + BUSY) and "Vänta tills den är klar" in err, err
                refused += 1
        if all(ok):
            both += 1
        now = ro.tree(out)
        assert now in (snapshots[a], snapshots[b]), "resultatmappen är en blandning"
        if all(ok):
            # Both ran, one after the other: the later one's output.
            assert now in (snapshots[first], snapshots[second])
        else:
            winner = first if ok[0] else second
            assert now == snapshots[winner], "den vägrade körningen har ändrat resultatmappen"
        assert sorted(os.listdir(work)) == ["A", "B", "ut"], os.listdir(work)
        for r in (a, b):
            assert ro.tree(r) == inputs[r], f"indata ändrade i {r}"
    # validate -o takes the same lock as run.
    p1 = subprocess.Popen([exe, "run", a, "-o", out], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    time.sleep(0.05)
    v = subprocess.run([exe, "validate", os.path.join(a, "leverantorer", "inkop.xlsx"), "-o", out],
                       env=env, capture_output=True, text=True)
    _, e1 = p1.communicate()
    # Whichever takes the lock first goes on; the other is refused with the message or, when the
    # first is done by then, goes after it. (A slow start, as under ASan on a busy machine, can
    # let validate in first.)
    for code, err, done in ((p1.returncode, e1, (0, 1)), (v.returncode, v.stderr, (1,))):
        if code == 2:
            assert BUSY in err, err
            refused += 1
        else:
            assert code in done, (code, err)
    assert (p1.returncode, v.returncode).count(2) < 2, "båda vägrades"
    ro.check_whole(out)
    print(f"ok: {rounds} par körningar mot samma mapp: {refused} vägrade med ett tydligt "
          f"besked, {both} gick efter varandra; mappen var alltid ett helt resultat")


if __name__ == "__main__":
    main()
