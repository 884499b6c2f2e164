#!/usr/bin/env bash
# Source this file; then:
#   cube_n8n_paths LINE            # CUBE_N8N_DIR, CUBE_N8N_BIN, PATH (Node 24 first on line 2) ...
#   cube_n8n_env LINE PURPOSE [json]  # also the N8N_* settings for the user folder .n8n-data/PURPOSE
# The values come from scripts/lib/n8n-env.js. They are for the shell and the programs it
# starts (npm, n8n); the harness's JavaScript asks n8n-env.js directly, never this environment.
CUBE_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CUBE_PROJECT_DIR="$(dirname "$CUBE_SCRIPTS_DIR")"
# The machine's node evaluates the settings even when line 2 then runs on Node 24.
CUBE_SYSTEM_NODE="$(command -v node)"

cube_n8n_paths() {
	local exports
	unset CUBE_NODE_DIR CUBE_NODE_VERSION npm_config_nodedir
	exports="$("$CUBE_SYSTEM_NODE" "$CUBE_SCRIPTS_DIR/lib/n8n-env.js" paths "$1")" || return 1
	eval "$exports"
}

cube_n8n_env() {
	local exports
	unset CUBE_NODE_DIR CUBE_NODE_VERSION npm_config_nodedir N8N_LOG_FORMAT N8N_DISABLED_MODULES
	exports="$("$CUBE_SYSTEM_NODE" "$CUBE_SCRIPTS_DIR/lib/n8n-env.js" env "$1" "$2" "${3:-}")" || return 1
	eval "$exports"
	mkdir -p "$N8N_USER_FOLDER"
}
