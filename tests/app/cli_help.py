#!/usr/bin/env python3
"""The help of `arsanalys` and of each command, as a user reads it: Swedish (none of CLI11's
English labels), and every description starting in the same column, counted in characters
(CLI11 pads by bytes, so a name with å, ä or ö would push its description one column left
per letter).

Usage: cli_help.py ARSANALYS
"""
import re
import subprocess
import sys

ENGLISH = re.compile(r"\b(Usage|OPTIONS|Options|SUBCOMMANDS?|Subcommands|Positionals|REQUIRED|"
                     r"TEXT|INT|Exactly|required|Env|Needs|Excludes)\b")


def help_of(exe, *command):
    proc = subprocess.run([exe, *command, "--help"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"FEL: {' '.join(command)} --help gav status {proc.returncode}: {proc.stderr}")
    return proc.stdout


def main():
    exe = sys.argv[1]
    top = help_of(exe)
    commands = re.findall(r"^  ([a-z]+) {2,}", top.split("Kommandon:")[1], re.M)
    if len(commands) < 4:
        sys.exit(f"FEL: hittade bara kommandona {commands} i hjälpen:\n{top}")
    failures = 0
    for command in [()] + [(c,) for c in commands]:
        text = help_of(exe, *command)
        name = "arsanalys " + " ".join(command)
        for word in ENGLISH.findall(text):
            print(f"FEL: {name} --help innehåller det engelska ordet {word!r}")
            failures += 1
        columns = set()
        for line in text.splitlines():
            m = re.match(r"^  (\S.*?\S) {2,}(\S)", line)  # "  name   description"
            if m:
                columns.add(m.start(2))
        print(f"{name}: beskrivningarna börjar i kolumn {sorted(columns)}")
        if len(columns) != 1:
            print(f"FEL: {name} --help har beskrivningar i olika kolumner:\n{text}")
            failures += 1
    if "ÅR" not in help_of(exe, "template") or "OMGÅNG" not in help_of(exe, "run"):
        print("FEL: hjälpen saknar de svenska namnen ÅR och OMGÅNG (som ska prövas här)")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
