import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { didWebFromUrl, ErrorCode, MicrocredError, parseCosignerVerifierKey } from '@microcred/vc';
import { z } from 'zod';
import { DEFAULT_MAIL_RETENTION_DAYS } from './domain/mail/forget-sent-mail.js';
import type { ConfiguredPolicies } from './domain/policy/policy-urls.js';
import {
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_NAMES,
  type RateLimitName,
  type RateLimitRule,
  type RateLimitRules,
} from './domain/rate-limit/rate-limit-rules.js';
import { type AllowedHost, parseFetchAllowList } from './edge/outbound/fetch-allow-list.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** pino's levels. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the master key came from; `main.ts` warns unless it is `environment`. */
export type MasterKeySource = 'environment' | 'file' | 'generated' | 'ephemeral';

/** The environment, parsed once at start. Frozen; printing it (JSON or `console.log`) hides the secrets. */
export interface Config {
  readonly port: number;
  /** No trailing slash. Issuer DIDs and credential ids are built from it. */
  readonly publicUrl: string;
  /** PostgreSQL when set; embedded PGlite otherwise. */
  readonly databaseUrl: string | undefined;
  /** An absolute path, or `:memory:` (PGlite in memory, nothing written). */
  readonly dataDir: string;
  readonly adminToken: string | undefined;
  /** `MICROCRED_METRICS_TOKEN`: a scraper's bearer token for `/metrics` (the admin token works too). */
  readonly metricsToken: string | undefined;
  /**
   * `METRICS_PORT`: `/metrics` is served on this port alone, without a token (the port must stay private),
   * and no longer on `port`.
   */
  readonly metricsPort: number | undefined;
  /**
   * Whoever signs in with one of these addresses administers the platform in the console
   * (`MICROCRED_ADMIN_EMAILS`, comma-separated; outside production `admin@example.com` when unset).
   */
  readonly adminEmails: readonly string[];
  /** 32 bytes. Issuer keys are sealed under keys derived from it. */
  readonly masterKey: Uint8Array;
  readonly masterKeySource: MasterKeySource;
  /** The file the development master key lives in, when it came from (or went to) one. */
  readonly masterKeyFile: string | undefined;
  readonly nodeEnv: NodeEnv;
  readonly logLevel: LogLevel;
  readonly bodyLimitBytes: number;
  readonly smtpUrl: string | undefined;
  /** The From of mail the platform sends (claim links, sign-in links). */
  readonly mailFrom: string;
  /** `MAIL_RETENTION_DAYS`: sent mails are forgotten (bodies and addresses) this many days after sending. */
  readonly mailRetentionDays: number;
  /** A resource map file (URL or DID → file) the server's verifier uses instead of fetching. */
  readonly verifierResources: string | undefined;
  /** `1edtech` accepts 1EdTech's key-in-the-fragment verification methods (README, verification policies). */
  readonly verifierCompat: 'strict' | '1edtech';
  /**
   * The guarded outbound fetcher (`MICROCRED_FETCH`, on by default): how the verifier reads what neither
   * this platform nor VERIFIER_RESOURCES holds (DID documents, status lists, credentials named by URL).
   * `allow` (`MICROCRED_FETCH_ALLOW`): hosts reached although their addresses are not public, over http too.
   */
  readonly fetch: { readonly enabled: boolean; readonly allow: readonly AllowedHost[] };
  /**
   * `MICROCRED_WEBHOOK_ALLOW_PRIVATE=1`: webhook URLs may be loopback or private addresses, over plain http
   * too (tests, local integrations). Only webhooks: the verifier's fetches keep their checks.
   */
  readonly webhooks: { readonly allowPrivate: boolean };
  /**
   * The transparency log's witnesses (`MICROCRED_LOG_WITNESSES`, comma-separated `URL=VERIFIERKEY`: base URL
   * and tlog-cosignature/v1 verifier key) and the cosignatures a checkpoint needs to be shown as witnessed
   * (`MICROCRED_LOG_WITNESS_QUORUM`, default all of them). Reached through the guarded fetcher: a witness
   * at a private address, or over plain http, must be listed in `MICROCRED_FETCH_ALLOW`.
   */
  readonly logWitnesses: {
    readonly witnesses: readonly { readonly url: string; readonly verifierKey: string }[];
    readonly quorum: number;
  };
  /**
   * Trust registry files (`MICROCRED_TRUST_REGISTRIES`, comma-separated paths, most authoritative first):
   * DCC issuer-registry JSON or microcred's simple list; read, and checked, when the server starts.
   */
  readonly trustRegistries: readonly string[];
  /** Rate limits (`MICROCRED_RATE_LIMIT`, `RATE_LIMIT_*`); counted in the database, shared by every process. */
  readonly rateLimit: { readonly enabled: boolean; readonly rules: RateLimitRules };
  /** Reverse proxies of ours in front (`TRUST_PROXY`): 0 ignores `X-Forwarded-For`. */
  readonly trustProxy: number;
  /**
   * The operator's own documents (`PRIVACY_POLICY_URL`, `TERMS_OF_SERVICE_URL`): named in the footer, the
   * OB 3.0 discovery document and the OAuth metadata instead of the built-in `/privacy` page.
   */
  readonly policies: ConfiguredPolicies;
}

export const MASTER_KEY_BYTES = 32;
/** Outside production, the administrator's address when none is configured: its mail is in /dev/mailbox. */
export const DEVELOPMENT_ADMIN_EMAIL = 'admin@example.com';
/** The development master key's file in `DATA_DIR`, when `MASTER_KEY` is not set. */
export const MASTER_KEY_FILE = 'master.key';
const IN_MEMORY = ':memory:';

function wholeNumber(options: { readonly min: number; readonly max: number }) {
  const message = `must be a whole number from ${options.min} to ${options.max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(options.min, { error: message })
    .max(options.max, {
      error: message,
    });
}

/** `URL=VERIFIERKEY` pairs, comma-separated; undefined when one is not an http(s) URL and a cosigner key. */
function parseLogWitnesses(value: string): { url: string; verifierKey: string }[] | undefined {
  const witnesses: { url: string; verifierKey: string }[] = [];
  for (const item of value.split(',')) {
    const pair = item.trim();
    if (pair === '') continue;
    const split = pair.indexOf('=');
    const url = pair.slice(0, split).replace(/\/+$/, '');
    const verifierKey = pair.slice(split + 1);
    if (split < 0 || !['http', 'https'].includes(schemeOf(url))) return undefined;
    try {
      parseCosignerVerifierKey(verifierKey);
    } catch {
      return undefined;
    }
    witnesses.push({ url, verifierKey });
  }
  return witnesses;
}

function urlWithScheme(schemes: readonly string[]) {
  return z.string().refine((value) => schemes.includes(schemeOf(value)), {
    error: `must be a ${schemes.join(':// or ')}:// URL`,
  });
}

function schemeOf(value: string): string {
  try {
    return new URL(value).protocol.replace(/:$/, '');
  } catch {
    return '';
  }
}

/** `http://127.0.0.1:3000`, `http://[::1]/`: a host did:web refuses (its identifier "MUST NOT include IP addresses"). */
function isIpLiteralHost(value: string): boolean {
  return isIP(new URL(value).hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

/** Whether issuer DIDs (`did:web:{host}:issuers:{slug}`) can be built from this public URL. */
function namesDidWebHost(value: string): boolean {
  try {
    didWebFromUrl(`${value.replace(/\/+$/, '')}/issuers/x`);
    return true;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL a visitor can open: no credentials in it (it is published on every page). */
const documentUrl = urlWithScheme(['http', 'https']).refine(
  (value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''),
  'must not carry credentials',
);

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `5/15m`: at most 5 requests per 15 minutes (units s, m, h; a window from 1 s to 24 h). */
function parseRateLimitRule(value: string): RateLimitRule | undefined {
  const match = /^\s*(\d{1,7})\s*\/\s*(\d{1,5})\s*([smh])\s*$/.exec(value);
  if (match === null) return undefined;
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * (DURATION_UNITS_MS[match[3] ?? ''] ?? Number.NaN);
  if (!(limit >= 1 && windowMs >= 1000 && windowMs <= 86_400_000)) return undefined;
  return { limit, windowMs };
}

/** `RATE_LIMIT_SIGNIN_ADDRESS` for the limit `signin-address`. */
export function rateLimitVariable(name: RateLimitName): string {
  return `RATE_LIMIT_${name.toUpperCase().replaceAll('-', '_')}`;
}

const rateLimitRule = z.string().refine((value) => parseRateLimitRule(value) !== undefined, {
  error: 'must be COUNT/WINDOW, e.g. 5/15m (at least 1 request; a window from 1s to 24h, in s, m or h)',
});

const rateLimitShape = Object.fromEntries(
  RATE_LIMIT_NAMES.map((name) => [rateLimitVariable(name), rateLimitRule.optional()]),
) as Record<string, z.ZodOptional<typeof rateLimitRule>>;

const environmentSchema = z.object({
  ...rateLimitShape,
  PORT: wholeNumber({ min: 0, max: 65_535 }).default(3000),
  PUBLIC_URL: urlWithScheme(['http', 'https'])
    .refine((value) => {
      // A value that is no URL at all has its problem from urlWithScheme: zod runs this check too.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    }, 'must not carry credentials, a query or a fragment')
    .refine(
      (value) => !URL.canParse(value) || !isIpLiteralHost(value),
      'must name its host, not an IP address: issuer DIDs are built from it as did:web, which cannot name an IP address; use localhost on this machine (e.g. http://localhost:3000), or a domain name',
    )
    .refine(
      (value) => !URL.canParse(value) || isIpLiteralHost(value) || namesDidWebHost(value),
      'must have a host did:web can name (issuer DIDs are built from it): a lower-case domain name with a dot in it, or localhost',
    )
    .optional(),
  DATABASE_URL: urlWithScheme(['postgres', 'postgresql']).optional(),
  DATA_DIR: z.string().default('.data'),
  MICROCRED_ADMIN_TOKEN: z.string().optional(),
  MICROCRED_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: wholeNumber({ min: 0, max: 65_535 }).optional(),
  MICROCRED_ADMIN_EMAILS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((email) => email.trim().toLowerCase())
        .filter((email) => email !== ''),
    )
    .pipe(z.array(z.email({ error: 'must be email addresses separated by commas' })).max(50))
    .optional(),
  MASTER_KEY: z
    .string()
    .refine((value) => decodeMasterKey(value) !== undefined, {
      error: `must be ${MASTER_KEY_BYTES} bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
    })
    .optional(),
  NODE_ENV: z.enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` }).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  BODY_LIMIT_BYTES: wholeNumber({ min: 1024, max: 1024 ** 3 }).default(1024 * 1024),
  SMTP_URL: urlWithScheme(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  MAIL_RETENTION_DAYS: wholeNumber({ min: 1, max: 3650 }).default(DEFAULT_MAIL_RETENTION_DAYS),
  PRIVACY_POLICY_URL: documentUrl.optional(),
  TERMS_OF_SERVICE_URL: documentUrl.optional(),
  VERIFIER_RESOURCES: z.string().optional(),
  VERIFIER_COMPAT: z.enum(['strict', '1edtech'], { error: 'must be strict or 1edtech' }).default('strict'),
  MICROCRED_RATE_LIMIT: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  MICROCRED_FETCH: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  MICROCRED_TRUST_REGISTRIES: z.string().optional(),
  MICROCRED_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  MICROCRED_FETCH_ALLOW: z
    .string()
    .refine((value) => parseFetchAllowList(value) !== undefined, {
      error:
        'must be host names or IP addresses, each with an optional :port and an optional http:// (plain-http-only hosts), separated by commas',
    })
    .optional(),
  MICROCRED_LOG_WITNESSES: z
    .string()
    .refine((value) => parseLogWitnesses(value) !== undefined, {
      error:
        'must be URL=VERIFIERKEY pairs (an http(s) base URL and a cosignature/v1 verifier key), separated by commas',
    })
    .optional(),
  MICROCRED_LOG_WITNESS_QUORUM: wholeNumber({ min: 0, max: 1_000 }).optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(?:true|false|\d)$/, {
      error: 'must be false, true (one proxy) or the number of proxies (0 to 9)',
    })
    .default('false'),
});

/** Standard or URL-safe base64 of exactly 32 bytes; anything else (stray characters included) is rejected. */
export function decodeMasterKey(value: string): Uint8Array | undefined {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return bytes.length === MASTER_KEY_BYTES ? new Uint8Array(bytes) : undefined;
}

/**
 * Parses the environment into the frozen `Config`, or throws a `VALIDATION_ERROR` listing every problem
 * at once. Without `MASTER_KEY` outside production, a key is generated once and kept in
 * `DATA_DIR/master.key` (mode 0600) so sealed issuer keys survive restarts; production must set it.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable (`FOO=` in a .env file or compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`);
  if (!parsed.success) throw invalid(problems);

  const values = parsed.data;
  if (values.NODE_ENV === 'production') {
    if (values.MASTER_KEY === undefined) {
      problems.push(
        'MASTER_KEY must be set in production (a generated development key would be lost with the server)',
      );
    }
    if (values.PUBLIC_URL === undefined) {
      problems.push('PUBLIC_URL must be set in production: issuer DIDs and credential ids are built from it');
    }
    if (values.MICROCRED_ADMIN_TOKEN !== undefined && values.MICROCRED_ADMIN_TOKEN.length < 32) {
      problems.push('MICROCRED_ADMIN_TOKEN must be at least 32 characters in production');
    }
  }
  if (values.METRICS_PORT !== undefined && values.METRICS_PORT !== 0 && values.METRICS_PORT === values.PORT) {
    problems.push('METRICS_PORT must differ from PORT: the metrics port is the private one');
  }
  const witnesses = parseLogWitnesses(values.MICROCRED_LOG_WITNESSES ?? '') ?? [];
  const quorum = values.MICROCRED_LOG_WITNESS_QUORUM ?? witnesses.length;
  if (quorum > witnesses.length) {
    problems.push(
      `MICROCRED_LOG_WITNESS_QUORUM must be at most the number of MICROCRED_LOG_WITNESSES (${witnesses.length})`,
    );
  }
  if (problems.length > 0) throw invalid(problems);

  const dataDir = values.DATA_DIR === IN_MEMORY ? IN_MEMORY : resolve(values.DATA_DIR);
  const master = resolveMasterKey({ configured: values.MASTER_KEY, dataDir });
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, '');
  const config: Config = {
    port: values.PORT,
    publicUrl,
    databaseUrl: values.DATABASE_URL,
    dataDir,
    adminToken: values.MICROCRED_ADMIN_TOKEN,
    metricsToken: values.MICROCRED_METRICS_TOKEN,
    metricsPort: values.METRICS_PORT,
    adminEmails: Object.freeze(
      values.MICROCRED_ADMIN_EMAILS ?? (values.NODE_ENV === 'production' ? [] : [DEVELOPMENT_ADMIN_EMAIL]),
    ),
    masterKey: master.key,
    masterKeySource: master.source,
    masterKeyFile: master.file,
    nodeEnv: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM ?? `microcred <no-reply@${new URL(publicUrl).hostname}>`,
    mailRetentionDays: values.MAIL_RETENTION_DAYS,
    verifierResources:
      values.VERIFIER_RESOURCES === undefined ? undefined : resolve(values.VERIFIER_RESOURCES),
    verifierCompat: values.VERIFIER_COMPAT,
    fetch: Object.freeze({
      enabled: values.MICROCRED_FETCH === 'on',
      allow: parseFetchAllowList(values.MICROCRED_FETCH_ALLOW ?? '') ?? [],
    }),
    webhooks: Object.freeze({ allowPrivate: values.MICROCRED_WEBHOOK_ALLOW_PRIVATE === '1' }),
    logWitnesses: Object.freeze({ witnesses: Object.freeze(witnesses), quorum }),
    trustRegistries: Object.freeze(
      (values.MICROCRED_TRUST_REGISTRIES ?? '')
        .split(',')
        .map((path) => path.trim())
        .filter((path) => path !== '')
        .map((path) => resolve(path)),
    ),
    rateLimit: Object.freeze({
      enabled: values.MICROCRED_RATE_LIMIT === 'on',
      rules: Object.freeze(
        Object.fromEntries(
          RATE_LIMIT_NAMES.map((name) => {
            const configured: unknown = (values as Record<string, unknown>)[rateLimitVariable(name)];
            const rule = typeof configured === 'string' ? parseRateLimitRule(configured) : undefined;
            return [name, rule ?? DEFAULT_RATE_LIMITS[name]];
          }),
        ) as Record<RateLimitName, RateLimitRule>,
      ),
    }),
    trustProxy:
      values.TRUST_PROXY === 'true' ? 1 : values.TRUST_PROXY === 'false' ? 0 : Number(values.TRUST_PROXY),
    policies: Object.freeze({
      ...(values.PRIVACY_POLICY_URL === undefined ? {} : { privacyPolicyUrl: values.PRIVACY_POLICY_URL }),
      ...(values.TERMS_OF_SERVICE_URL === undefined
        ? {}
        : { termsOfServiceUrl: values.TERMS_OF_SERVICE_URL }),
    }),
  };
  return Object.freeze(withRedactedView(config));
}

/** Where the master key is, as `loadConfig` would find it; `present` says whether that file exists yet. */
export type MasterKeyLocation =
  | { readonly source: 'environment' }
  | { readonly source: 'file'; readonly file: string; readonly present: boolean }
  | { readonly source: 'ephemeral' };

/** Where the data lives and where its master key is, read from the environment with nothing created. */
export interface StorageLocation {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly masterKey: MasterKeyLocation;
}

/**
 * The storage settings of `loadConfig`, without its side effect: `backup` and `restore` must never
 * generate a master key, since a new one would not open the keys already sealed in the database.
 */
export function locateStorage(
  env: Readonly<Record<string, string | undefined>> = process.env,
): StorageLocation {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema
    .pick({ DATABASE_URL: true, DATA_DIR: true, MASTER_KEY: true })
    .safeParse(present);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const { DATABASE_URL: databaseUrl, DATA_DIR: configured, MASTER_KEY: masterKey } = parsed.data;
  const dataDir = configured === IN_MEMORY ? IN_MEMORY : resolve(configured);
  if (masterKey !== undefined) return { databaseUrl, dataDir, masterKey: { source: 'environment' } };
  if (dataDir === IN_MEMORY) return { databaseUrl, dataDir, masterKey: { source: 'ephemeral' } };
  const file = join(dataDir, MASTER_KEY_FILE);
  return { databaseUrl, dataDir, masterKey: { source: 'file', file, present: existsSync(file) } };
}

function resolveMasterKey(options: { readonly configured: string | undefined; readonly dataDir: string }): {
  key: Uint8Array;
  source: MasterKeySource;
  file: string | undefined;
} {
  const configured = options.configured === undefined ? undefined : decodeMasterKey(options.configured);
  if (configured !== undefined) return { key: configured, source: 'environment', file: undefined };
  if (options.dataDir === IN_MEMORY) {
    // Nothing persists in memory, so neither need the key.
    return { key: new Uint8Array(randomBytes(MASTER_KEY_BYTES)), source: 'ephemeral', file: undefined };
  }
  const file = join(options.dataDir, MASTER_KEY_FILE);
  // Owner only: the folder holds the master key and the database with the sealed keys (`microcred doctor` checks it).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: create only if absent, so two processes starting together cannot each write their own key.
    writeFileSync(file, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return { key: readMasterKeyFile(file), source: 'generated', file };
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  // Tighten a key file someone copied in with looser permissions: it guards every issuer key.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return { key: readMasterKeyFile(file), source: 'file', file };
}

function readMasterKeyFile(file: string): Uint8Array {
  const key = decodeMasterKey(readFileSync(file, 'utf8'));
  if (key === undefined) {
    throw invalid([`${file} must hold ${MASTER_KEY_BYTES} bytes in base64; fix it, or set MASTER_KEY`]);
  }
  return key;
}

function invalid(problems: readonly string[]): MicrocredError {
  return new MicrocredError(
    ErrorCode.VALIDATION_ERROR,
    `Invalid configuration (see .env.example):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    { details: { problems } },
  );
}

/** Hides secrets (and passwords inside URLs) from `JSON.stringify`, pino and `console.log`. */
function withRedactedView(config: Config): Config {
  const view = {
    ...config,
    databaseUrl: withoutPassword(config.databaseUrl),
    smtpUrl: withoutPassword(config.smtpUrl),
    adminToken: config.adminToken === undefined ? undefined : '[redacted]',
    masterKey: '[redacted]',
  };
  Object.defineProperties(config, {
    toJSON: { value: () => view, enumerable: false },
    [inspect.custom]: { value: () => view, enumerable: false },
  });
  return config;
}

function withoutPassword(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
