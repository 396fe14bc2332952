// `npm start` checks its port before building: a taken port is refused with one clear line, instead of
// a build, a "served at …" claim that another program answered, and then an EADDRINUSE stack.
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

/**
 * Whether `host:port` can be listened on right now (tried, then released).
 * @param {string} host
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portIsFree(host, port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The one line to print when the port is taken.
 * @param {string} host
 * @param {number} port
 */
export function portTakenMessage(host, port) {
  return `Port ${port} on ${host} is already in use (another Peace Messenger, or another program). Stop it, or start on another port: PORT=${port + 1} npm start`;
}

/** Run as a script: exit 1 with the message when the configured port is taken. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  if (!(await portIsFree(host, port))) {
    console.error(portTakenMessage(host, port));
    process.exit(1);
  }
}
