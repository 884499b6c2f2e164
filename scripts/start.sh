#!/usr/bin/env bash
# npm start: a local n8n with this package installed as users install it, two Cube sandboxes
# (a generation-1 and a generation-2 tenant), their credentials and the example workflows.
# Ctrl-C, or SIGINT/SIGTERM/SIGHUP to this script or to the `npm start` that runs it, stops
# everything it started.
#   CUBE_N8N_LINE=2 npm start      # n8n 2.x on Node 24 instead of 1.x on Node 20
#   CUBE_N8N_PORT=5678             # editor port to prefer (another free one if taken)
#   CUBE_SANDBOX_PORT=8765         # generation-1 sandbox port (0: any free one)
#   CUBE_SANDBOX2_PORT=8766        # generation-2 sandbox port (0: any free one)
#   CUBE_QUEUE=1 npm start         # queue mode: Postgres, Redis, main and two workers (or: npm start -- --queue)
set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$SCRIPTS_DIR")"
# shellcheck source=n8n-env.sh
source "$SCRIPTS_DIR/n8n-env.sh"
cd "$PROJECT_DIR"

LINE="${CUBE_N8N_LINE:-1}"
export CUBE_N8N_PORT="${CUBE_N8N_PORT:-5678}"
SANDBOX_PORT="${CUBE_SANDBOX_PORT:-0}"
SANDBOX2_PORT="${CUBE_SANDBOX2_PORT:-0}"
PIDS=() # process-group leaders to stop on exit
STEP_PID="" # the step running now (its own process group)
PARENT_PID=$PPID

say() { echo "[start] $*" >&2; }

stop_all() {
	trap - INT TERM EXIT
	local pid
	[[ -n "$STEP_PID" ]] && PIDS+=("$STEP_PID")
	for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do
		# n8n shuts down in a few seconds; after 15 s the group is killed
		for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	say "stopped"
}

# npm passes a SIGINT or SIGTERM on to its `sh -c`, which package.json's `exec` replaces with
# this script; should a shell stay in between and die of it, this script notices that its
# parent is gone.
parent_alive() { [[ "$(ps -o ppid= -p $$ | tr -d ' ')" == "$PARENT_PID" ]]; }

# Waits for a child and returns its status. Unlike a foreground command, this wait lets the
# traps run at once, and it exits (stopping everything) when the parent goes away.
await_pid() { # pid
	while kill -0 "$1" 2>/dev/null; do
		parent_alive || { say "the process that started this script is gone"; exit 143; }
		sleep 1 &
		wait $! || true
	done
	wait "$1"
}

# Runs one step of the start in a process group of its own, so that stopping it stops its
# children (npm, node) too.
step() { # command...
	setsid "$@" &
	STEP_PID=$!
	await_pid "$STEP_PID"
	STEP_PID=""
}

# Starts the sandbox in a process group of its own; sets SANDBOX_URL.
start_sandbox() { # generation port; sets SANDBOX_URL
	local generation="$1" port="$2" log="$N8N_USER_FOLDER/sandbox-gen$1.log" pid
	: >"$log"
	setsid node sandbox/cli.js --generation "$generation" --port "$port" --page-size 500 >"$log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	for _ in $(seq 1 60); do
		SANDBOX_URL="$(sed -n 's/^SANDBOX_READY //p' "$log")"
		[[ -n "$SANDBOX_URL" ]] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	say "the sandbox did not start:"; cat "$log" >&2
	return 1
}

start_n8n() {
	local log="$N8N_USER_FOLDER/n8n.log"
	setsid "$CUBE_N8N_BIN" start >>"$log" 2>&1 &
	N8N_PID=$!
	PIDS+=("$N8N_PID")
	say "n8n is starting (log: $log)"
}

print_welcome() {
	local email password
	read -r email password < <(node scripts/lib/cli.js owner)
	cat <<EOF

  n8n $CUBE_N8N_VERSION with n8n-nodes-headshed-cube is ready.

  Editor:    http://127.0.0.1:$N8N_PORT/
  Login:     $email
  Password:  $password

  Cube sandboxes (token cube-sandbox-token):
    generation 1 (2017 API, node version 1):  $SANDBOX_URL  credential "Headshed Cube (generation-1 sandbox)"
    generation 2 (today's API, node version 2): $GEN2_SANDBOX_URL  credential "Headshed Cube (generation-2 sandbox)"
  A node placed from the node panel is version 2 and gets the generation-2 credential.
  Examples:  Workflows → "Headshed Cube: ..." and "Headshed Cube (generation 2): ..."
  The upsert example runs on two pinned sample records from the editor, and on what
  its webhook receives:
    curl -X POST http://127.0.0.1:$N8N_PORT/webhook/cube-crm-upsert -H 'content-type: application/json' \\
      -d '{"id": 990001, "full_name": "Ola Nordmann", "mobile": "+47 912 34 567", "customer_since": "2024-01-15"}'

  Ctrl-C (or kill $$, or kill the npm process) stops n8n and the sandbox.
EOF
}

main() {
	local started=$SECONDS
	trap stop_all EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
	step bash scripts/ensure-deps.sh # npm ci when node_modules is missing or older than the lockfile
	say "build and pack"
	local tarball
	mkdir -p .n8n-data
	step node scripts/lib/cli.js pack >.n8n-data/start-tarball
	tarball="$(cat .n8n-data/start-tarball)"
	step bash scripts/n8n-install.sh "$LINE"
	if [[ "${CUBE_QUEUE:-}" == 1 || "${1:-}" == --queue ]]; then
		exec node scripts/lib/queue-start.js "$tarball" # stops what it started on any signal
	fi
	# one folder per line: 2.x migrates the database to a schema 1.x does not read
	local purpose="start/line$LINE"
	cube_n8n_env "$LINE" "$purpose" # for n8n start; the node steps below compute the same
	start_sandbox 2 "$SANDBOX2_PORT"
	GEN2_SANDBOX_URL="$SANDBOX_URL"
	start_sandbox 1 "$SANDBOX_PORT"
	say "sandboxes at $SANDBOX_URL (generation 1) and $GEN2_SANDBOX_URL (generation 2)"
	say "install $(basename "$tarball") into $N8N_USER_FOLDER/.n8n/nodes"
	step node scripts/lib/cli.js install-package "$LINE" "$purpose" "$tarball"
	say "import the credential and the examples"
	step node scripts/lib/cli.js import-fixtures "$LINE" "$purpose" "$SANDBOX_URL" "$GEN2_SANDBOX_URL"
	start_n8n
	step node scripts/lib/cli.js setup-owner "http://127.0.0.1:$N8N_PORT"
	say "ready after $((SECONDS - started)) s"
	print_welcome
	# returns when n8n exits by itself, when a signal runs the traps, or when the parent is gone
	await_pid "$N8N_PID" || true
	say "n8n exited; see $N8N_USER_FOLDER/n8n.log"
}

main "$@"
