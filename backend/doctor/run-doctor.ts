import { ConfigError, ConfigSchema, loadConfig } from '../config.js';
import { errorMessage } from '../lib/error-message.js';
import { checkDatabase } from './check-database.js';
import {
  checkAgainstJitsiEnv,
  checkCredentialsSet,
  type JitsiCredentials,
} from './check-jitsi-credentials.js';
import { checkJitsiServer } from './check-jitsi-server.js';
import { checkPublicBaseUrl } from './check-public-base-url.js';
import { type CheckResult, fail, pass } from './check-result.js';
import { checkSampleToken } from './check-sample-token.js';
import { readEnvFile } from './env-file.js';

export interface DoctorOptions {
  /** The backend's environment (the doctor reads the same variables as the backend). */
  env: Record<string, string | undefined>;
  /** The Jitsi deployment's jitsi.env, to compare against. */
  jitsiEnvPath?: string;
  /** Extra trusted CA certificate (PEM text) for HTTPS checks. */
  ca?: string;
  /** Per network check; default 10 s. */
  timeoutMs?: number;
}

export interface DoctorReport {
  ok: boolean;
  results: CheckResult[];
  notes: string[];
}

/** A variable as the backend reads it: empty counts as unset, then the schema default. */
function reader(env: DoctorOptions['env']) {
  const props = ConfigSchema.properties as Record<string, { default?: unknown }>;
  return (key: string): string | undefined => {
    const raw = env[key]?.trim();
    if (raw) return raw;
    const fallback = props[key]?.default;
    return fallback === undefined ? undefined : String(fallback);
  };
}

/** Runs every check; never throws for a misconfiguration, it reports it. */
export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const results: CheckResult[] = [];
  const notes: string[] = [];
  const get = reader(opts.env);
  const probeOpts = { ca: opts.ca, timeoutMs: opts.timeoutMs };

  try {
    loadConfig(opts.env);
    results.push(pass('the backend configuration loads', 'every variable is valid'));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    results.push(
      fail(
        'the backend configuration loads',
        err.message,
        'Correct that variable (names and examples: .env.example).',
      ),
    );
  }

  results.push(...(await checkJitsiServer(get('JITSI_SERVER_URL'), probeOpts)));

  const credentials: JitsiCredentials = {
    serverUrl: get('JITSI_SERVER_URL'),
    appId: get('JITSI_APP_ID'),
    appSecret: get('JITSI_APP_SECRET'),
    audience: get('JITSI_AUDIENCE') ?? 'jitsi',
  };
  results.push(checkCredentialsSet(credentials));

  let jitsiEnv: Record<string, string> | undefined;
  if (opts.jitsiEnvPath) {
    try {
      jitsiEnv = await readEnvFile(opts.jitsiEnvPath);
      results.push(...checkAgainstJitsiEnv(credentials, jitsiEnv));
    } catch (err) {
      results.push(
        fail(
          'jitsi.env is readable',
          `${opts.jitsiEnvPath}: ${errorMessage(err)}`,
          'Pass --jitsi-env with the path of the jitsi.env your Jitsi containers use.',
        ),
      );
    }
  } else {
    notes.push('Tip: add --jitsi-env <path of jitsi.env> to compare the backend with the Jitsi deployment.');
  }

  results.push(checkPublicBaseUrl(get('PUBLIC_BASE_URL'), get('HOST')));
  results.push(await checkDatabase(get('DATABASE_URL') ?? '', opts.timeoutMs));
  results.push(
    checkSampleToken(
      {
        appId: credentials.appId,
        appSecret: credentials.appSecret,
        audience: credentials.audience,
        subject: get('JITSI_SUBJECT') ?? 'meet.jitsi',
        ttlSeconds: Number(get('JITSI_TOKEN_TTL_SECONDS') ?? 3600) || 3600,
      },
      jitsiEnv?.JWT_APP_SECRET,
    ),
  );
  return { ok: results.every((r) => r.ok), results, notes };
}
