import { type Static, Type } from 'typebox';
import { Compile } from 'typebox/compile';

/** Images, PDF, plain text, archives, office documents, audio and video. */
const DEFAULT_ALLOWED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.*',
  'audio/*',
  'video/*',
].join(',');

/** Environment variables of the backend (names and defaults: docs/CONTRACT.md). */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.String({ default: 'sqlite:./data/peace.db' }),
  /**
   * SQLite only. `full` (default): a commit is on disk before anyone hears of it, even across a power loss.
   * `normal`: it survives a crash or kill of the backend, but a power loss may undo the last commits.
   */
  SQLITE_SYNCHRONOUS: Type.Union([Type.Literal('full'), Type.Literal('normal')], { default: 'full' }),
  REDIS_URL: Type.Optional(Type.String()),
  PUBLIC_BASE_URL: Type.Optional(Type.String()),
  TRUST_PROXY: Type.Boolean({ default: false }),
  JITSI_SERVER_URL: Type.Optional(Type.String()),
  JITSI_APP_ID: Type.Optional(Type.String({ minLength: 1 })),
  JITSI_APP_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  JITSI_AUDIENCE: Type.String({ minLength: 1, default: 'jitsi' }),
  JITSI_SUBJECT: Type.String({ minLength: 1, default: 'meet.jitsi' }),
  JITSI_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 86400, default: 3600 }),
  RING_TIMEOUT_SECONDS: Type.Number({ exclusiveMinimum: 0, maximum: 600, default: 45 }),
  /** How long a call participant may stay without any connected socket before they count as gone. */
  CALL_LEAVE_GRACE_SECONDS: Type.Number({ minimum: 0, maximum: 600, default: 15 }),
  /** How often each node sweeps for overdue calls; default min(30, max(1, RING_TIMEOUT_SECONDS / 2)). */
  CALL_SWEEP_SECONDS: Type.Optional(Type.Number({ minimum: 0.05, maximum: 600 })),
  /** Optional: signs access tokens. When unset, one is generated on first run and kept in the database. */
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /** Access tokens live minutes: a stolen one is useful only that long. Clients renew them with a refresh token. */
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 5, maximum: 86400, default: 900 }),
  /** How long a session lasts unused: each refresh extends it by this much (sign in again after). */
  REFRESH_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, default: 30 * 24 * 3600 }),
  /** Sign-up and sign-in attempts allowed per client address and minute, for each of the two routes. */
  AUTH_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 20 }),
  /** First contact from a stranger arrives as a request the recipient accepts or declines (docs/SECURITY.md). */
  CONTACT_REQUESTS: Type.Boolean({ default: true }),
  /** Token refreshes allowed per client address and minute (each device refreshes every few minutes). */
  REFRESH_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 60 }),
  /** Per-user budgets per minute (backend/lib/user-rate-limit.ts): what one account may do, however many devices. */
  MESSAGES_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 120 }),
  CONVERSATIONS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 20 }),
  ROOMS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 30 }),
  CALL_INVITATIONS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 10 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** `pretty` (short coloured lines) or `json`; unset: pretty when stdout is a terminal, else JSON. */
  LOG_FORMAT: Type.Optional(Type.Union([Type.Literal('pretty'), Type.Literal('json')])),
  NODE_ENV: Type.String({ default: 'production' }),
  /** Attachments (docs/API.md#attachments): the largest file accepted, in bytes (default 25 MiB). */
  ATTACHMENT_MAX_BYTES: Type.Integer({ minimum: 1, maximum: 4 * 1024 ** 3, default: 25 * 1024 ** 2 }),
  /** Comma-separated MIME types a file may declare; `type/*` allows every subtype. */
  ATTACHMENT_ALLOWED_TYPES: Type.String({ minLength: 1, default: DEFAULT_ALLOWED_TYPES }),
  /** An upload still unfinished after this long is refused and its partial file removed. */
  ATTACHMENT_UPLOAD_TIMEOUT_SECONDS: Type.Number({ exclusiveMinimum: 0, maximum: 86400, default: 900 }),
  /** Where attachments are kept when no S3 bucket is configured. */
  ATTACHMENTS_DIR: Type.String({ minLength: 1, default: './data/attachments' }),
  /** S3-compatible object storage for attachments, shared by every backend node; used when S3_BUCKET is set. */
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3 })),
  /** e.g. http://minio:9000; unset: AWS itself. */
  S3_ENDPOINT: Type.Optional(Type.String()),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Bucket in the path, not the host name (MinIO and most self-hosted servers); default: on when S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: Type.Optional(Type.Boolean()),
  /** Where the built web client lives; served at `/`. */
  WEB_ROOT: Type.Optional(Type.String()),
});

export type Config = Static<typeof ConfigSchema>;

/** Thrown for a bad configuration value; its message is the one line shown to the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const check = Compile(ConfigSchema);

const integerKeys = new Set([
  'PORT',
  'JITSI_TOKEN_TTL_SECONDS',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_SECONDS',
  'AUTH_RATE_LIMIT_PER_MINUTE',
  'REFRESH_RATE_LIMIT_PER_MINUTE',
  'MESSAGES_PER_MINUTE',
  'CONVERSATIONS_PER_MINUTE',
  'ROOMS_PER_MINUTE',
  'CALL_INVITATIONS_PER_MINUTE',
  'ATTACHMENT_MAX_BYTES',
]);
const numberKeys = new Set([
  'RING_TIMEOUT_SECONDS',
  'CALL_LEAVE_GRACE_SECONDS',
  'CALL_SWEEP_SECONDS',
  'ATTACHMENT_UPLOAD_TIMEOUT_SECONDS',
]);
const booleanKeys = new Set(['TRUST_PROXY', 'S3_FORCE_PATH_STYLE', 'CONTACT_REQUESTS']);

function coerce(key: string, raw: string): unknown {
  const value = raw.trim();
  if (integerKeys.has(key) || numberKeys.has(key)) {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n))
      throw new ConfigError(`${key}: expected a number, got ${shown(key, raw)}`);
    return n;
  }
  if (booleanKeys.has(key)) {
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off|)$/i.test(value)) return false;
    throw new ConfigError(`${key}: expected true or false, got ${shown(key, raw)}`);
  }
  return value;
}

const SECRET_KEYS = new Set(['SESSION_SECRET', 'JITSI_APP_SECRET', 'S3_SECRET_ACCESS_KEY']);

/**
 * A configuration value as it may appear in an error line: quoted and escaped (so the error stays one
 * line), secrets reduced to their length and passwords inside URLs hidden.
 */
function shown(key: string, raw: string): string {
  if (SECRET_KEYS.has(key)) return `a value of ${raw.length} characters`;
  return JSON.stringify(raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@'));
}

function parseUrl(key: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ConfigError(`${key}: not a valid URL: ${shown(key, value)}`);
  }
}

/** Development and test setups may use a plain-HTTP Jitsi stand-in on this machine. */
function allowsPlainHttp(env: Config): boolean {
  return env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
}

function checkSemantics(config: Config): void {
  const db = config.DATABASE_URL;
  if (db === 'sqlite:')
    throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/peace.db');
  if (!/^sqlite:.+/.test(db) && !/^postgres(ql)?:\/\/.+/.test(db)) {
    throw new ConfigError(
      `DATABASE_URL: unknown scheme in ${shown('DATABASE_URL', db)} (use sqlite:<path> or postgres://…)`,
    );
  }
  if (db.startsWith('postgres')) parseUrl('DATABASE_URL', db);
  if (config.REDIS_URL !== undefined) {
    const url = parseUrl('REDIS_URL', config.REDIS_URL);
    if (!/^rediss?:$/.test(url.protocol))
      throw new ConfigError('REDIS_URL: must start with redis:// or rediss://');
  }
  if (config.PUBLIC_BASE_URL !== undefined) {
    const url = parseUrl('PUBLIC_BASE_URL', config.PUBLIC_BASE_URL);
    if (!/^https?:$/.test(url.protocol)) throw new ConfigError('PUBLIC_BASE_URL: must be an http(s) origin');
    config.PUBLIC_BASE_URL = url.origin;
  }
  if (config.JITSI_SERVER_URL !== undefined) {
    const url = parseUrl('JITSI_SERVER_URL', config.JITSI_SERVER_URL);
    const plainOk = url.protocol === 'http:' && allowsPlainHttp(config);
    if (url.protocol !== 'https:' && !plainOk) {
      throw new ConfigError(
        `JITSI_SERVER_URL: must be https:// (browsers refuse camera access otherwise), got ${shown('JITSI_SERVER_URL', url.href)}`,
      );
    }
    config.JITSI_SERVER_URL = url.origin;
  }
  for (const type of allowedTypes(config)) {
    if (!MIME_PATTERN.test(type))
      throw new ConfigError(
        `ATTACHMENT_ALLOWED_TYPES: not a MIME type: ${shown('ATTACHMENT_ALLOWED_TYPES', type)}`,
      );
  }
  if (
    config.S3_ENDPOINT !== undefined &&
    !/^https?:$/.test(parseUrl('S3_ENDPOINT', config.S3_ENDPOINT).protocol)
  )
    throw new ConfigError('S3_ENDPOINT: must be an http(s) URL');
  if (config.S3_BUCKET !== undefined && !config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY)
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
}

/** `type/subtype` or `type/*` (a subtype may end in `*` too: `application/vnd.openxmlformats-officedocument.*`). */
const MIME_PATTERN = /^[a-z0-9][a-z0-9.+-]*\/(\*|[a-z0-9][a-z0-9.+-]*\*?)$/;

/** ATTACHMENT_ALLOWED_TYPES as a list, lower-case. */
export function allowedTypes(config: Pick<Config, 'ATTACHMENT_ALLOWED_TYPES'>): string[] {
  return config.ATTACHMENT_ALLOWED_TYPES.split(',')
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '');
}

/**
 * Reads the configuration from an environment once, at start-up.
 * Empty strings count as unset. Throws ConfigError naming the first bad variable.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env,
): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const raw = env[key];
    if (raw === undefined || raw.trim() === '') continue;
    input[key] = coerce(key, raw);
  }
  const withDefaults = { ...defaults(), ...input };
  if (!check.Check(withDefaults)) {
    const [first] = check.Errors(withDefaults);
    const key = first?.instancePath.replace(/^\//, '') || 'configuration';
    const got = key in input ? ` (got ${shown(key, String(env[key]))})` : '';
    throw new ConfigError(`${key}: ${describeExpected(key) ?? first?.message ?? 'invalid'}${got}`);
  }
  const config = withDefaults as Config;
  checkSemantics(config);
  return config;
}

function describeExpected(key: string): string | undefined {
  const schema = (ConfigSchema.properties as Record<string, { anyOf?: { const: unknown }[] }>)[key];
  return schema?.anyOf ? `must be one of ${schema.anyOf.map((s) => s.const).join(', ')}` : undefined;
}

function defaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    if ('default' in schema) out[key] = (schema as { default: unknown }).default;
  }
  return out;
}

/** True when the backend can hand out Jitsi tokens. */
export function jitsiConfigured(config: Config): config is Config & {
  JITSI_SERVER_URL: string;
  JITSI_APP_ID: string;
  JITSI_APP_SECRET: string;
} {
  return Boolean(config.JITSI_SERVER_URL && config.JITSI_APP_ID && config.JITSI_APP_SECRET);
}
