# Shared by the benchmark scripts (run_reader_bench.sh, run_round_bench.sh); sourced, not run.
# The caller sets `build_dir` and has cd'ed to the repository root.

say() { echo "== $*" >&2; }

# bench_build [EXTRA DEBIAN PACKAGES...]: installs what is missing (scripts/setup.sh), builds
# `build_dir` as a Release build (a new one without tests) and its `bench` target. Refuses an
# existing build dir of another kind: only a plain Release build is measured.
bench_build() {
  export ARSANALYS_EXTRA_PACKAGES="$* ${ARSANALYS_EXTRA_PACKAGES:-}"
  local setup_args=()
  if [ -f "$build_dir/CMakeCache.txt" ]; then
    local build_type sanitize
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    sanitize=$(sed -n 's/^ARSANALYS_SANITIZE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    if [ "$build_type" != "Release" ] || [ "${sanitize:-OFF}" != "OFF" ]; then
      echo "fel: $build_dir är ingen vanlig Release-build ($build_type, sanitizers" \
        "${sanitize:-OFF}); ange en annan mapp." >&2
      exit 1
    fi
  else
    setup_args=(-DARSANALYS_TESTS=OFF)  # a build just for the benchmark needs no tests
  fi
  say "Bygger $build_dir (Release)"
  CMAKE_BUILD_TYPE=Release scripts/setup.sh "$build_dir" "${setup_args[@]}" >&2
  cmake --build "$build_dir" --target bench >&2
}

# timed OUT_FILE COMMAND...: runs the command under /usr/bin/time; OUT_FILE gets
# "wall user sys max_rss_kib". Returns the command's exit status.
timed() {
  local out=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@"
}
