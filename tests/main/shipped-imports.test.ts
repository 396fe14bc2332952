/**
 * The packaged app ships dist/main, dist/contract, dist/preload and dist/pages, and no node_modules
 * (electron-builder.yml). So everything the compiled main process reaches at run time must be in
 * dist/main or dist/contract and import only Electron and Node built-ins: a value import of a
 * typebox schema from contract/ must fail here, not at the app's launch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../../dist');
const entry = resolve(dist, 'main/index.js');
const shippedDirs = ['main', 'contract'].map((dir) => `${resolve(dist, dir)}/`);

function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport\(?)\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

/** Every file reached from `start` by relative imports, and every import that leaves what ships. */
function walk(start: string): { reached: Set<string>; outside: string[] } {
  const reached = new Set<string>();
  const outside: string[] = [];
  const queue = [start];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const specifier of specifiersOf(file)) {
      if (specifier === 'electron' || specifier.startsWith('node:')) continue;
      const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier;
      const ships = shippedDirs.some((dir) => target.startsWith(dir)) && existsSync(target);
      if (!ships) outside.push(`${relative(dist, file)} → ${specifier}`);
      else if (target.endsWith('.js')) queue.push(target);
    }
  }
  return { reached, outside };
}

describe('the compiled main process', () => {
  it.skipIf(!existsSync(entry))(
    'reaches only electron, node: built-ins and files in dist/main and dist/contract (skipped before `tsc -b`)',
    () => {
      const { reached, outside } = walk(entry);
      expect(outside).toEqual([]);
      // The walk did follow main's imports (the room id syntax comes from contract/ids.ts).
      expect(reached).toContain(resolve(dist, 'contract/ids.js'));
    },
  );
});
