#!/usr/bin/env node
// Runs @doyensec/electronegativity over what the desktop app ships (dist/main, dist/preload, dist/pages
// and package.json, as electron-builder packs them) and fails on any finding not reviewed and accepted
// in electronegativity-accepted.json beside this script, or on an accepted entry that is no longer found.
// The tool is fetched by npx (not a dependency: it brings ~350 packages the product does not need).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOL = '@doyensec/electronegativity@1.10.3';
const root = join(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8'));

const stage = mkdtempSync(join(tmpdir(), 'peace-electronegativity-'));
let exitCode = 1;
try {
  for (const part of ['main', 'preload', 'pages']) {
    cpSync(join(root, 'dist', part), join(stage, 'dist', part), { recursive: true });
  }
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  // SARIF (JSON), not CSV: a finding's sample may span lines, which a line-based CSV reader breaks on.
  const sarif = join(stage, 'findings.sarif');
  console.log(`electronegativity: scanning the packaged app's files with ${TOOL}`);
  const args = ['--yes', TOOL, '-i', stage, '-r', '-v', 'false', '-o', sarif];
  const excluded = Object.keys(config.excludedChecks);
  if (excluded.length > 0) args.push('-x', excluded.join(','));
  const run = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`electronegativity: the tool failed (exit ${run.status})`);
  const findings = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results.map((result) => ({
    check: result.ruleId,
    severity: result.level,
    file: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'N/A',
  }));
  const key = (f) => `${f.check} ${f.file}`;
  const accepted = new Set(config.accepted.map(key));
  const found = new Set(findings.map(key));
  const unreviewed = findings.filter((f) => !accepted.has(key(f)));
  const stale = config.accepted.filter((a) => !found.has(key(a)));
  for (const f of unreviewed) console.error(`  not reviewed: ${f.check} (${f.severity}) in ${f.file}`);
  for (const a of stale) console.error(`  accepted but no longer found (remove it): ${a.check} in ${a.file}`);
  console.log(
    `electronegativity: ${findings.length} findings, ${findings.length - unreviewed.length} reviewed and accepted` +
      ` (scripts/electronegativity-accepted.json), ${unreviewed.length} not reviewed, ${stale.length} stale`,
  );
  exitCode = unreviewed.length + stale.length > 0 ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(exitCode);
