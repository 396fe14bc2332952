// `npm start`: the backend on its embedded defaults, then the desktop app pointed at it.
// Where no Electron binary can be had, say so in one line and keep serving the web client.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const port = process.env.PORT ?? '8080';
const host = process.env.HOST ?? '127.0.0.1';
const backendUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

const backend = spawn(process.execPath, ['dist/backend/server.js'], { stdio: 'inherit', env: process.env });
backend.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => backend.kill(signal));

async function waitForBackend() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${backendUrl}/healthz`)).ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' ? path : null;
  } catch {
    return null;
  }
}

if (await waitForBackend()) {
  const binary = electronBinary();
  const noDesktop = () =>
    console.log(`No Electron binary is available here; the web client is served at ${backendUrl}/`);
  if (!binary) noDesktop();
  else {
    const desktop = spawn(binary, ['.'], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, PEACE_SERVER_URL: backendUrl },
    });
    desktop.on('error', noDesktop);
    desktop.on('exit', (code) => {
      if (code !== 0) noDesktop();
    });
  }
}
