#!/usr/bin/env bash
# npm run test:e2e: the packed package in a real n8n of each line, against the Cube sandbox.
#   CUBE_N8N_LINES="1"     only n8n 1.x (default "1 2")
#   CUBE_QUEUE_LINES="1"   lines that also run the queue-mode suite, test/e2e/queue.js ("" for none)
#   CUBE_REGISTRY_LINES="1 2"  lines that also run the registry suite, test/e2e/registry.js: the
#                          package from a local npm registry, installed, upgraded and uninstalled
#                          through the editor (needs Chromium; "" for none)
#   CUBE_E2E_TIMEOUT=1500  seconds allowed per suite, install excluded
# Each suite's runner prints its checks and closes with "N passed, N failed"; its exit code says
# whether the suite passed. This script fails when any suite did.
set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$SCRIPTS_DIR")"
cd "$PROJECT_DIR"

LINES="${CUBE_N8N_LINES:-1 2}"
QUEUE_LINES="${CUBE_QUEUE_LINES-1}"
REGISTRY_LINES="${CUBE_REGISTRY_LINES-1 2}"
SUITE_TIMEOUT="${CUBE_E2E_TIMEOUT:-1500}"
passed_suites=()
failed_suites=()

run_suite() { # name runner-script line tarball
	local name="$1" runner="$2" line="$3" tarball="$4" status=0
	# timeout signals the runner, whose handler stops what it started; with pipefail the
	# pipeline's status is the runner's (or timeout's 124)
	timeout --kill-after=30 "$SUITE_TIMEOUT" node "$runner" --line "$line" --tarball "$tarball" 2>&1 |
		tee "test-output/e2e-$name.log" || status=$?
	if [[ "$status" -eq 0 ]]; then passed_suites+=("$name"); else failed_suites+=("$name (exit $status)"); fi
}

run_line() { # line tarball
	local line="$1" tarball="$2" started=$SECONDS
	if ! bash scripts/n8n-install.sh "$line"; then
		echo "[e2e] line $line: n8n install failed"
		failed_suites+=("line$line (install)")
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
	local tarball line
	tarball="$(node scripts/lib/cli.js pack)"
	for line in $LINES; do run_line "$line" "$tarball"; done
	echo "[e2e] suites passed: ${passed_suites[*]:-none}; failed: ${failed_suites[*]:-none}"
	[[ ${#failed_suites[@]} -eq 0 ]]
}

main "$@"
