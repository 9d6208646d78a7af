#!/usr/bin/env bash
# mc_mpi_matches_threads.sh MPIEXEC SKYSHIELD SCENARIO DIR: the same batch on 2 threads in one
# process and on 2 MPI ranks must give byte-identical mc.json and runs.csv.
set -euo pipefail
mpiexec="$1"; skyshield="$2"; scenario="$3"; dir="$4"
rm -rf "$dir" && mkdir -p "$dir"
"$skyshield" mc "$scenario" --runs 6 --threads 2 --seed 21 --out "$dir/threads" >/dev/null
root=()
if [ "$(id -u)" -eq 0 ]; then root=(--allow-run-as-root); fi
"$mpiexec" "${root[@]}" --oversubscribe -n 2 "$skyshield" mc "$scenario" --runs 6 --threads 1 --seed 21 --out "$dir/mpi" >"$dir/mpi.log" 2>&1 ||
  { cat "$dir/mpi.log"; exit 1; }
grep -q "2 MPI ranks" "$dir/mpi.log" || { echo "not run on 2 ranks:"; cat "$dir/mpi.log"; exit 1; }
cmp "$dir/threads/mc.json" "$dir/mpi/mc.json"
cmp "$dir/threads/runs.csv" "$dir/mpi/runs.csv"
echo "ok: 2 threads and 2 MPI ranks give identical outputs"
