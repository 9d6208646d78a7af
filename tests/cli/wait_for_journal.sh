# Sourced by the mc interruption tests: wait_for_journal FILE waits (up to 60 s) until the batch
# journal FILE holds its header and at least one finished run.
wait_for_journal() {
  for _ in $(seq 1 1200); do
    if [ -f "$1" ] && [ "$(wc -l <"$1")" -ge 2 ]; then return 0; fi
    sleep 0.05
  done
}
