#!/bin/sh
# `arsanalys run` with no ROUND_DIR: in a folder that is no round it runs the sample round found
# beside the program and says so in its first line; in a round folder it runs that folder. The
# summary names the folder read either way.
# Usage: run_without_folder.sh ARSANALYS WORK_DIR SAMPLE_ROUND
set -u
exe=$1
work=$2
sample=$3
rm -rf "$work"
mkdir -p "$work/tom" "$work/omgang"
fail() { echo "FEL: $*"; exit 1; }

# 1. An empty folder: the sample round, said in the first line; exit 1 (its defects are `fel`).
(cd "$work/tom" && "$exe" run -o ../ut-tom > ../tom.txt 2>&1)
status=$?
cat "$work/tom.txt"
[ "$status" -eq 1 ] || fail "status $status, väntade 1"
head -n 1 "$work/tom.txt" | grep -q "^Ingen omgång angiven: kör exempelomgången i .*påhittade kunduppgifter" ||
  fail "första raden säger inte att det är exempelomgången"
real_sample=$(cd "$sample" && pwd -P)
grep -qx "Omgång: $real_sample" "$work/tom.txt" || fail "sammanfattningen nämner inte $real_sample"

# 2. A round folder as the current folder: that round, nothing said about the sample.
cp -r "$sample/leverantorer" "$sample/kunder.xlsx" "$sample/omgang.toml" "$work/omgang/"
(cd "$work/omgang" && "$exe" run -o ../ut-omgang > ../omgang.txt 2>&1)
status=$?
cat "$work/omgang.txt"
[ "$status" -eq 1 ] || fail "status $status, väntade 1"
grep -q "exempelomgången" "$work/omgang.txt" && fail "nämner exempelomgången i en egen omgång"
here=$(cd "$work/omgang" && pwd -P)
grep -qx "Omgång: $here" "$work/omgang.txt" || fail "sammanfattningen nämner inte $here"
[ -f "$work/ut-omgang/resultat.json" ] || fail "inget resultat.json"
echo "ok"
