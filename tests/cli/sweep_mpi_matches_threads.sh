#!/usr/bin/env bash
# sweep_mpi_matches_threads.sh MPIEXEC SKYSHIELD SCENARIO DIR [OPTION...]: the same sweep on 2 threads in one
# process and on 2 MPI ranks (each point's runs spread over the ranks) must give byte-identical sweep.csv.
# Any further arguments go to both sweeps (e.g. --fidelity fast).
set -euo pipefail
mpiexec="$1"; skyshield="$2"; scenario="$3"; dir="$4"; shift 4; extra=("$@")
rm -rf "$dir" && mkdir -p "$dir"
param='threats[0].count=1,2'
"$skyshield" sweep "$scenario" --param "$param" --runs 3 --threads 2 --seed 5 --out "$dir/threads" "${extra[@]}" >/dev/null
root=()
if [ "$(id -u)" -eq 0 ]; then root=(--allow-run-as-root); fi
"$mpiexec" "${root[@]}" --oversubscribe -n 2 "$skyshield" sweep "$scenario" --param "$param" --runs 3 --threads 1 --seed 5 \
  --out "$dir/mpi" "${extra[@]}" >"$dir/mpi.log" 2>&1 || { cat "$dir/mpi.log"; exit 1; }
grep -q "on 2 MPI ranks" "$dir/mpi.log" || { echo "not run on 2 ranks:"; cat "$dir/mpi.log"; exit 1; }
cmp "$dir/threads/sweep.csv" "$dir/mpi/sweep.csv"
cmp "$dir/threads/sweep.svg" "$dir/mpi/sweep.svg"
echo "ok: 2 threads and 2 MPI ranks give identical sweep outputs"
