/**
 * The packaged app ships dist/main, dist/preload and dist/pages only (electron-builder.yml): the
 * compiled main process may import Electron, Node built-ins and its own files, nothing else. A value
 * import from contract/ (which would need dist/contract and typebox) must fail here, not at launch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDist = resolve(import.meta.dirname, '../../dist/main');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'vendor' ? [] : jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport\(?)\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

describe('the compiled main process', () => {
  it.skipIf(!existsSync(join(mainDist, 'index.js')))(
    'imports only electron, node: built-ins and files inside dist/main (skipped before `tsc -b`)',
    () => {
      const outside: string[] = [];
      for (const file of jsFiles(mainDist)) {
        for (const specifier of specifiersOf(file)) {
          if (specifier === 'electron' || specifier.startsWith('node:')) continue;
          const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier;
          if (!target.startsWith(`${mainDist}/`)) outside.push(`${relative(mainDist, file)} → ${specifier}`);
        }
      }
      expect(outside).toEqual([]);
    },
  );
});
