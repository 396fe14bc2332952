import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport } from './doctor/report.js';
import { runDoctor } from './doctor/run-doctor.js';
import { errorMessage } from './lib/error-message.js';

const USAGE = `Usage: npm run doctor -- [--jitsi-env <path>] [--ca <file.pem>] [--timeout <seconds>]

Checks the backend configuration (the same environment variables as the backend) against the Jitsi
deployment and prints a pass/fail table with a fix for each failure. Exit code 1 when any check fails.

  --jitsi-env <path>   jitsi.env of the Jitsi deployment: compares JWT_APP_ID/JWT_APP_SECRET,
                       accepted issuers/audiences, PUBLIC_URL and the auth settings
  --ca <file.pem>      also trust this CA certificate for the HTTPS checks (a private CA);
                       NODE_EXTRA_CA_CERTS=<file.pem> works too
  --timeout <seconds>  per network check (default 10)

To read a .env file first: node --env-file=.env dist/backend/doctor.js --jitsi-env deploy/jitsi/jitsi.env
`;

/** `npm run doctor`: exit 0 when every check passes, 1 when any fails, 2 for a usage error. */
async function main(): Promise<number> {
  let values: { 'jitsi-env'?: string; ca?: string; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        'jitsi-env': { type: 'string' },
        ca: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const timeoutSeconds = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!(timeoutSeconds > 0)) {
    process.stderr.write(`--timeout: expected a number of seconds, got "${values.timeout}"\n`);
    return 2;
  }
  let ca: string | undefined;
  if (values.ca) {
    try {
      ca = readFileSync(values.ca, 'utf8');
    } catch (err) {
      process.stderr.write(`--ca: cannot read ${values.ca}: ${errorMessage(err)}\n`);
      return 2;
    }
  }
  const report = await runDoctor({
    env: process.env,
    jitsiEnvPath: values['jitsi-env'],
    ca,
    timeoutMs: timeoutSeconds * 1000,
  });
  process.stdout.write(formatReport(report.results, report.notes));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`doctor failed: ${errorMessage(err)}\n`);
    process.exitCode = 1;
  },
);
