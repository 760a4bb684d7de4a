#!/usr/bin/env python3
"""Kills `arsanalys run` at random moments (issue 16) and checks each time that the output
folder is either the previous complete output or the new complete one, never a mixture.

Two rounds take turns: A (the sample round) and B (the same without demokrati.xlsx and with
one customer fewer), so that their outputs differ in files present (a removed supplier's review
copy, a removed customer's statement) as well as in content. Each round's output is made once
by a whole run and checked whole (every workbook opens in openpyxl, resultat.json parses and
agrees with the workbooks: a review copy per supplier, a statement per customer with the
customer's total). Then, KILLS times (default 20), a run of the other round is killed with
SIGKILL after a random fraction of a whole run's time, and the folder must be, file for file
and byte for byte, one of the two checked outputs; the run after it must clear what the killed
one left beside the folder (its staging folder, its lock file). The inputs stay byte-identical.

Usage: run_killed.py ARSANALYS SAMPLE_ROUND WORK_DIR [KILLS]      Exit 77: no openpyxl."""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import round_outputs as ro  # noqa: E402

if ro.openpyxl is None:
    print("openpyxl saknas (Debian: python3-openpyxl); hoppar över")
    sys.exit(77)


def main():
    exe, sample, work = sys.argv[1:4]
    kills = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    a, b, gone = ro.two_rounds(sample, work)
    inputs = {r: ro.tree(r) for r in (a, b)}
    out = os.path.join(work, "ut")
    env = dict(os.environ, ARSANALYS_CHROMIUM="")

    snapshots, seconds = {}, []
    for r in (a, b, a):
        start = time.monotonic()
        p = subprocess.run([exe, "run", r, "-o", out], env=env, capture_output=True, text=True)
        seconds.append(time.monotonic() - start)
        assert p.returncode in (0, 1), p.stderr
        result = ro.check_whole(out)
        snapshots[r] = ro.tree(out)
        assert sorted(os.listdir(work)) == ["A", "B", "ut"], os.listdir(work)
    # The two outputs differ in their files: a removed supplier's review copy and a removed
    # customer's statement do not survive a successful run.
    only_a = set(snapshots[a]) - set(snapshots[b])
    assert "granskning/demokrati.xlsx" in only_a, only_a
    assert any(k.startswith("kunder/") for k in only_a), only_a
    whole = max(seconds)

    rng = random.Random(int(os.environ.get("ARSANALYS_KILL_SEED", "16")))
    state, killed, seen = a, 0, {"previous": 0, "new": 0}
    for i in range(kills):
        target = b if state == a else a
        p = subprocess.Popen([exe, "run", target, "-o", out], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        moment = rng.uniform(0.0, 1.1) * whole
        time.sleep(moment)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait()
        now = ro.tree(out)
        if now == snapshots[state]:
            seen["previous"] += 1
        elif now == snapshots[target]:
            seen["new"] += 1
            state = target
        else:
            diff = sorted(set(now.items()) ^ set(snapshots[state].items()))[:10]
            raise AssertionError(f"efter {moment:.2f} s: varken förra eller nya resultatet: {diff}")
        for r in (a, b):
            assert ro.tree(r) == inputs[r], f"indata ändrade i {r}"
    # A whole run after the kills clears what they left beside the folder.
    p = subprocess.run([exe, "run", a, "-o", out], env=env, capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    assert ro.tree(out) == snapshots[a]
    left = sorted(set(os.listdir(work)) - {"A", "B", "ut"})
    assert not left, f"kvar bredvid resultatmappen: {left}"
    print(f"ok: {kills} körningar, {killed} dödade mitt i; mappen var {seen['previous']} gånger "
          f"förra resultatet och {seen['new']} gånger det nya, aldrig en blandning "
          f"(en hel körning tar {whole:.2f} s; kund {gone} bara i A)")


if __name__ == "__main__":
    main()
