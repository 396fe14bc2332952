import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const entry = join(root, 'dist/backend/server.js');
const buildInfo = join(root, 'dist/.tsbuildinfo/backend.json');

/** Newest modification time of the files under `dir` whose name ends with `suffix`. */
function newest(dir: string, suffix: string): number {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(path, suffix));
    else if (e.name.endsWith(suffix)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The built server (dist/backend, from `npx tsc -b`): it starts in a fraction of the time tsx needs on a
 * loaded machine. A build older than the sources would test old code, so that is refused.
 */
function builtEntry(): string {
  // tsc -b rewrites only the outputs whose content changed, but always its build info: either counts.
  const built = Math.max(
    newest(join(root, 'dist/backend'), '.js'),
    existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0,
  );
  if (!existsSync(entry) || built < newest(join(root, 'backend'), '.ts')) {
    throw new Error('dist/backend is missing or older than backend/: run `npx tsc -b` first.');
  }
  return entry;
}

/** The real server entry point running as its own process, so a test can kill it with SIGKILL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited (after a kill or a stop). */
  exited: Promise<void>;
  /** SIGKILL: no shutdown hook runs, whatever was in flight is lost. */
  kill(): void;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

const LISTENING = /listening at (http:\/\/[^\s"]+)/;

/**
 * Starts the built `backend/server.ts` on a free loopback port and resolves once
 * it listens, which is after it has settled every call overdue in its database. Rejects, with the output,
 * when it exits first or takes longer than `startMs`.
 */
export function startServerProcess(env: Record<string, string>, startMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [builtEntry()], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      CONTACT_REQUESTS: 'false',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${startMs} ms:\n${output}`));
    }, startMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining the pipes so a chatty server never blocks on a full one.
      child.stdout?.resume();
      resolve({
        url: match[1],
        child,
        exited,
        kill: () => child.kill('SIGKILL'),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}
