import type { CheckResult } from './check-result.js';

function status(r: CheckResult): 'PASS' | 'WARN' | 'FAIL' {
  if (!r.ok) return 'FAIL';
  return r.beforeProduction ? 'WARN' : 'PASS';
}

/**
 * A detail as table lines: multi-line text (an OpenSSL error, a stack of causes) continues under the
 * detail column instead of breaking the table, blank lines dropped.
 */
function detailLines(detail: string, indent: number): string[] {
  const lines = detail
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.map((line, i) => (i === 0 ? line : `${' '.repeat(indent)}${line}`));
}

/**
 * The table (PASS, WARN = needed before production, FAIL = wrong now), then one numbered fix per
 * failure and the list of things to do before production; plain text for terminals and CI logs.
 */
export function formatReport(results: CheckResult[], notes: string[] = []): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = ['Peace Messenger doctor', ''];
  for (const r of results) {
    const head = `  ${status(r)}  ${r.name.padEnd(width)}  `;
    lines.push(`${head}${detailLines(r.detail, head.length).join('\n')}`);
  }
  const failures = results.filter((r) => !r.ok);
  const later = results.filter((r) => r.ok && r.beforeProduction);
  lines.push('');
  if (failures.length === 0) {
    lines.push(
      `All ${results.length} checks passed${later.length ? ` (${later.length} to do before production)` : ''}.`,
    );
  } else {
    lines.push(`${failures.length} of ${results.length} checks failed. How to fix:`);
    failures.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.name}: ${r.fix ?? 'see the detail above.'}`);
    });
  }
  if (later.length > 0) {
    lines.push('', 'Fine for a local trial, needed before production (WARN):');
    for (const r of later) lines.push(`  - ${r.name}: ${r.fix ?? 'see the detail above.'}`);
  }
  for (const note of notes) lines.push('', note);
  return `${lines.join('\n')}\n`;
}
