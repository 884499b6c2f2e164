// Runs n8n's own community package scanner (@n8n/scan-community-package) on the tarball that
// `npm pack` makes, as n8n runs it on a published package, and checks the tarball's manifest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const work = mkdtempSync(join(tmpdir(), 'cube-scan-'));
try {
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { encoding: 'utf8' }),
	);
	execFileSync('tar', ['xzf', join(work, filename), '-C', work]);
	const packageDir = join(work, 'package');
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	const problems = [];
	if (Object.keys(manifest.dependencies ?? {}).length > 0) problems.push('the package has runtime dependencies');
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		try {
			readFileSync(join(packageDir, file));
		} catch {
			problems.push(`the n8n section names ${file}, which the tarball lacks`);
		}
	}
	const result = await analyzePackage(packageDir);
	if (!result.passed) problems.push(`${result.message}\n${result.details ?? ''}`);
	if (problems.length > 0) {
		console.error(`Package scan of ${filename} failed:\n- ${problems.join('\n- ')}`);
		process.exitCode = 1;
	} else {
		console.log(`Package scan of ${filename}: n8n's scanner found nothing; no runtime dependencies.`);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
