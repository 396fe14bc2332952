import { readFile } from 'node:fs/promises';

/**
 * Parses a docker-compose style env file (`KEY=value`, `#` comments, optional quotes, `export `
 * prefix). Later lines win, as in docker compose.
 */
function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key, rawValue = ''] = match;
    let value = rawValue.trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    out[key as string] = value;
  }
  return out;
}

/** Reads and parses `path`. */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  return parseEnvFile(await readFile(path, 'utf8'));
}

/** A comma-separated list as Jitsi reads it (JWT_ACCEPTED_ISSUERS, JWT_ACCEPTED_AUDIENCES). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
