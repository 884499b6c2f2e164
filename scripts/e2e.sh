#!/usr/bin/env bash
# npm run test:e2e: the packed package in a real n8n of each line, against the Cube sandbox.
#   CUBE_N8N_LINES="1"   only n8n 1.x (default "1 2")
#   CUBE_E2E_TIMEOUT=1500  seconds allowed per line, install excluded
# Each line's runner (test/e2e/run.js) prints its checks and closes with "N passed, N failed";
# its exit code says whether the line passed. This script fails when any line did.
set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$SCRIPTS_DIR")"
cd "$PROJECT_DIR"

LINES="${CUBE_N8N_LINES:-1 2}"
LINE_TIMEOUT="${CUBE_E2E_TIMEOUT:-1500}"
passed_lines=()
failed_lines=()

run_line() { # line tarball
	local line="$1" tarball="$2" log="test-output/e2e-line$1.log" started=$SECONDS
	if ! bash scripts/n8n-install.sh "$line"; then
		echo "[e2e] line $line: n8n install failed"
		return 1
	fi
	echo "[e2e] line $line: n8n ready after $((SECONDS - started)) s"
	# timeout signals the runner, whose handler stops the sandbox and n8n process groups;
	# with pipefail the pipeline's status is the runner's (or timeout's 124)
	timeout --kill-after=30 "$LINE_TIMEOUT" node test/e2e/run.js --line "$line" --tarball "$tarball" 2>&1 | tee "$log"
}

main() {
	mkdir -p test-output
	echo "[e2e] build and pack"
	local tarball line status
	tarball="$(node scripts/lib/cli.js pack)"
	for line in $LINES; do
		status=0
		run_line "$line" "$tarball" || status=$?
		if [[ "$status" -eq 0 ]]; then passed_lines+=("$line"); else failed_lines+=("$line (exit $status)"); fi
	done
	echo "[e2e] lines passed: ${passed_lines[*]:-none}; failed: ${failed_lines[*]:-none}"
	[[ ${#failed_lines[@]} -eq 0 ]]
}

main "$@"
