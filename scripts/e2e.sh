#!/usr/bin/env bash
# npm run test:e2e: the packed package in a real n8n of each line, against the Cube sandbox.
#   CUBE_N8N_LINES="1"     only n8n 1.x (default "1 2")
#   CUBE_QUEUE_LINES="1 2" lines that also run the queue-mode suite, test/e2e/queue.js ("" for none;
#                          on line 2 only its trigger checks, under n8n's durable scheduler)
#   CUBE_REGISTRY_LINES="1 2"  lines that also run the registry suite, test/e2e/registry.js: the
#                          package from a local npm registry, installed, upgraded and uninstalled
#                          through the editor (needs Chromium; "" for none)
#   CUBE_E2E_TIMEOUT=1500  seconds allowed per suite, install excluded
#   CUBE_E2E_PARALLEL=1    the lines side by side instead of one after the other: quicker where
#                          there are cores to spare; on 2 busy cores editor and restart checks
#                          ran out of time, so npm test keeps them apart
# Each suite's runner prints its checks and closes with "N passed, N failed"; its exit code says
# whether the suite passed. This script fails when any suite did.
set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$SCRIPTS_DIR")"
cd "$PROJECT_DIR"

LINES="${CUBE_N8N_LINES:-1 2}"
QUEUE_LINES="${CUBE_QUEUE_LINES-1 2}"
REGISTRY_LINES="${CUBE_REGISTRY_LINES-1 2}"
SUITE_TIMEOUT="${CUBE_E2E_TIMEOUT:-1500}"
# one line per suite, "passed NAME" or "failed NAME (...)": lines that run side by side in
# subshells write here, since they cannot change this shell's variables
RESULTS=test-output/e2e-results.txt

run_suite() { # name runner-script line tarball
	local name="$1" runner="$2" line="$3" tarball="$4" status=0
	# timeout signals the runner, whose handler stops what it started; with pipefail the
	# pipeline's status is the runner's (or timeout's 124)
	timeout --kill-after=30 "$SUITE_TIMEOUT" node "$runner" --line "$line" --tarball "$tarball" 2>&1 |
		tee "test-output/e2e-$name.log" || status=$?
	if [[ "$status" -eq 0 ]]; then echo "passed $name" >>"$RESULTS"; else echo "failed $name (exit $status)" >>"$RESULTS"; fi
}

run_line() { # line tarball
	local line="$1" tarball="$2" started=$SECONDS
	if ! bash scripts/n8n-install.sh "$line"; then
		echo "[e2e] line $line: n8n install failed"
		echo "failed line$line (install)" >>"$RESULTS"
		return
	fi
	echo "[e2e] line $line: n8n ready after $((SECONDS - started)) s"
	run_suite "line$line" test/e2e/run.js "$line" "$tarball"
	if [[ " $QUEUE_LINES " == *" $line "* ]]; then
		echo "[e2e] line $line: queue mode (Postgres, Redis, a main instance and two workers)"
		run_suite "queue-line$line" test/e2e/queue.js "$line" "$tarball"
	fi
	if [[ " $REGISTRY_LINES " == *" $line "* ]]; then
		echo "[e2e] line $line: from a local npm registry through Settings → Community Nodes in the editor"
		run_suite "registry-line$line" test/e2e/registry.js "$line" "$tarball"
	fi
}

main() {
	mkdir -p test-output
	echo "[e2e] build and pack"
	local tarball line started=$SECONDS
	tarball="$(node scripts/lib/cli.js pack)"
	: >"$RESULTS"
	if [[ "${CUBE_E2E_PARALLEL:-}" == 1 ]]; then
		# every check's line names its line ("[line 2] ..."), so the two outputs read well mixed
		for line in $LINES; do run_line "$line" "$tarball" & done
		wait
	else
		for line in $LINES; do run_line "$line" "$tarball"; done
	fi
	echo "[e2e] after $((SECONDS - started)) s: suites $(grep -c '^passed' "$RESULTS") passed ($(sed -n 's/^passed //p' "$RESULTS" | paste -sd' ' -)), $(grep -c '^failed' "$RESULTS") failed ($(sed -n 's/^failed //p' "$RESULTS" | paste -sd' ' - ))"
	! grep -q '^failed' "$RESULTS" && grep -q '^passed' "$RESULTS"
}

main "$@"
