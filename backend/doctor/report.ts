import type { CheckResult } from './check-result.js';

/** The pass/fail table, then one numbered fix per failure; plain text for terminals and CI logs. */
export function formatReport(results: CheckResult[], notes: string[] = []): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = ['Peace Messenger doctor', ''];
  for (const r of results) lines.push(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.detail}`);
  const failures = results.filter((r) => !r.ok);
  lines.push('');
  if (failures.length === 0) {
    lines.push(`All ${results.length} checks passed.`);
  } else {
    lines.push(`${failures.length} of ${results.length} checks failed. How to fix:`);
    failures.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.name}: ${r.fix ?? 'see the detail above.'}`);
    });
  }
  for (const note of notes) lines.push('', note);
  return `${lines.join('\n')}\n`;
}
