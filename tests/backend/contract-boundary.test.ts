import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** contract/ files without TypeBox: the only ones the web client may import at run time. */
const TYPEBOX_FREE = ['call-states', 'error-codes', 'event-names', 'ids', 'route-url'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(root, dir, f));
}

describe('contract/ and the web bundle', () => {
  it('typebox-free contract files import nothing that pulls TypeBox in', () => {
    for (const name of TYPEBOX_FREE) {
      const text = readFileSync(join(root, 'contract', `${name}.ts`), 'utf8');
      expect(
        [...text.matchAll(/^import (?!type ).*from '([^']+)'/gm)].map((m) => m[1]),
        name,
      ).toEqual([]);
    }
  });

  it('the web client imports only types from schema files of contract/', () => {
    const offenders: string[] = [];
    for (const file of sourcesUnder('renderer')) {
      const text = readFileSync(file, 'utf8');
      for (const [line, from] of text.matchAll(
        /^import (?!type )[^;]*?from '([^']*contract\/([\w-]+))(?:\.js)?';/gm,
      )) {
        const name = from?.split('/').pop()?.replace(/\.js$/, '') ?? '';
        if (!TYPEBOX_FREE.includes(name)) offenders.push(`${relative(root, file)}: ${line}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
