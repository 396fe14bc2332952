// `npm start`: the backend on its embedded defaults (SQLite), then the desktop app pointed at it.
// Where no Electron binary is installed, say so in one line and keep serving the web client.
import { spawn } from 'node:child_process';
import { portIsFree, portTakenMessage } from './check-port.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const port = process.env.PORT ?? '8080';
const host = process.env.HOST ?? '127.0.0.1';
const backendUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

// Checked again after the build (the port may have been taken meanwhile): otherwise /healthz below
// could be answered by whoever holds the port, and this script would claim a server it did not start.
if (!(await portIsFree(host, Number(port)))) {
  console.error(portTakenMessage(host, Number(port)));
  process.exit(1);
}

const backend = spawn(process.execPath, ['dist/backend/server.js'], { stdio: 'inherit', env: process.env });
backend.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => backend.kill(signal));

async function waitForBackend() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${backendUrl}/healthz`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function startDesktop() {
  const binary = findElectronBinary();
  if (!binary) {
    console.log(`No Electron binary is available here; the web client is served at ${backendUrl}/`);
    return;
  }
  const desktop = spawn(binary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, PEACE_SERVER_URL: backendUrl },
  });
  desktop.on('error', () =>
    console.log(`The desktop app could not start; the web client is served at ${backendUrl}/`),
  );
  desktop.on('exit', (code) => {
    // Quitting the app ends `npm start`; a crash (e.g. no display) leaves the web client serving.
    if (code === 0) backend.kill('SIGTERM');
    else console.log(`The desktop app exited (code ${code}); the web client is served at ${backendUrl}/`);
  });
}

if (await waitForBackend()) startDesktop();
else console.log(`The backend did not answer at ${backendUrl}/healthz`);
