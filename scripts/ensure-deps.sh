#!/usr/bin/env bash
# Installs the project's dev dependencies when node_modules is missing or older than the lock
# file. Install scripts are skipped: nothing the tests use needs a native build, and one
# dependency's preinstall insists on pnpm. --loglevel=error: on Node 20, npm's only warnings here
# are EBADENGINE about isolated-vm (n8n-workflow's, under n8n-core and @n8n/node-cli), a native
# module that is never built nor loaded; errors still show.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
	echo "Installing dev dependencies (npm ci)..."
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
