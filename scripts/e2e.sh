#!/usr/bin/env bash
# npm run test:e2e: the packed package in a real n8n of each line, against the Cube sandbox.
#   CUBE_N8N_LINES="1"   only n8n 1.x (default "1 2")
#   CUBE_E2E_TIMEOUT=1500  seconds allowed per line, install excluded
#   CUBE_QUEUE_LINES="1"   lines that also run the queue-mode suite, test/e2e/queue.js ("" for none)
set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$SCRIPTS_DIR")"
cd "$PROJECT_DIR"

LINES="${CUBE_N8N_LINES:-1 2}"
LINE_TIMEOUT="${CUBE_E2E_TIMEOUT:-1500}"
QUEUE_LINES="${CUBE_QUEUE_LINES-1}"
passed=0
failed=0

# Adds the closing "N passed, N failed" of a line's log to the totals.
count_results() { # log
	local tally
	tally="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)"
	if [[ -z "$tally" ]]; then
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + $(echo "$tally" | cut -d' ' -f1)))
	failed=$((failed + $(echo "$tally" | cut -d' ' -f3)))
}

run_line() { # line tarball
	local line="$1" tarball="$2" log="test-output/e2e-line$1.log" started=$SECONDS
	if ! bash scripts/n8n-install.sh "$line"; then
		echo "[e2e] line $line: n8n install failed"
		failed=$((failed + 1))
		return
	fi
	echo "[e2e] line $line: n8n ready after $((SECONDS - started)) s"
	# timeout signals the runner, whose handler stops the sandbox and n8n process groups
	timeout --kill-after=30 "$LINE_TIMEOUT" node test/e2e/run.js --line "$line" --tarball "$tarball" 2>&1 | tee "$log" || true
	count_results "$log"
	if [[ " $QUEUE_LINES " == *" $line "* ]]; then
		log="test-output/e2e-queue-line$line.log"
		echo "[e2e] line $line: queue mode (Postgres, Redis, main and two workers)"
		timeout --kill-after=30 "$LINE_TIMEOUT" node test/e2e/queue.js --line "$line" --tarball "$tarball" 2>&1 | tee "$log" || true
		count_results "$log"
	fi
}

main() {
	mkdir -p test-output
	echo "[e2e] build and pack"
	local tarball
	tarball="$(node scripts/lib/cli.js pack)"
	for line in $LINES; do run_line "$line" "$tarball"; done
	echo "[e2e] lines: $LINES"
	echo "$passed passed, $failed failed"
	[[ "$failed" -eq 0 ]]
}

main "$@"
