import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { ErrorCode, formatCosignerVerifierKey, MicrocredError } from '@microcred/vc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const MASTER_KEY = Buffer.alloc(32, 1).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof MicrocredError && error.code === ErrorCode.VALIDATION_ERROR) {
      const problems = error.details?.problems;
      if (Array.isArray(problems)) return problems.map(String);
    }
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'microcred-config-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has defaults for everything in development', () => {
    const config = loadConfig({ DATA_DIR: ':memory:' });
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: ':memory:',
      adminToken: undefined,
      nodeEnv: 'development',
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      smtpUrl: undefined,
      masterKeySource: 'ephemeral',
    });
    expect(config.masterKey).toHaveLength(32);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://badges.example.org/',
      DATABASE_URL: 'postgres://app:secret@db:5432/microcred',
      DATA_DIR: dataDir,
      MICROCRED_ADMIN_TOKEN: 'x'.repeat(40),
      MASTER_KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      BODY_LIMIT_BYTES: '2048',
      SMTP_URL: 'smtps://mail:pw@smtp.example.org:465',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://badges.example.org',
      databaseUrl: 'postgres://app:secret@db:5432/microcred',
      dataDir,
      nodeEnv: 'production',
      logLevel: 'warn',
      bodyLimitBytes: 2048,
      masterKeySource: 'environment',
    });
    expect(Buffer.from(config.masterKey).toString('base64')).toBe(MASTER_KEY);
  });

  it('refuses a PUBLIC_URL that is no URL at all with a problem, not a crash', () => {
    expect(problemsOf({ DATA_DIR: ':memory:', PUBLIC_URL: 'badges.example.org' })).toEqual([
      'PUBLIC_URL must be a http:// or https:// URL',
    ]);
  });

  it('refuses a PUBLIC_URL whose host is an IP address (v4 or v6): did:web cannot name one', () => {
    for (const url of [
      'http://127.0.0.1:4716',
      'https://[::1]:8443/',
      'http://0x7f.1/',
      'https://203.0.113.9',
    ]) {
      const problems = problemsOf({ DATA_DIR: ':memory:', PUBLIC_URL: url });
      expect(problems, url).toHaveLength(1);
      expect(problems[0], url).toMatch(
        /^PUBLIC_URL must name its host, not an IP address: .*did:web.*use localhost/,
      );
    }
  });

  it('refuses a PUBLIC_URL whose host did:web cannot name, and takes localhost and domain names', () => {
    expect(problemsOf({ DATA_DIR: ':memory:', PUBLIC_URL: 'http://badges:3000' })).toEqual([
      'PUBLIC_URL must have a host did:web can name (issuer DIDs are built from it): a lower-case domain name with a dot in it, or localhost',
    ]);
    for (const url of [
      'http://localhost:4716',
      'http://badges.localhost',
      'https://badges.example.org/campus/',
    ]) {
      expect(loadConfig({ DATA_DIR: ':memory:', PUBLIC_URL: url }).publicUrl, url).toBe(
        url.replace(/\/$/, ''),
      );
    }
  });

  it('defaults PUBLIC_URL to the port and treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '4000', PUBLIC_URL: '', DATABASE_URL: '', DATA_DIR: ':memory:' });
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      PUBLIC_URL: 'ftp://example.org',
      DATABASE_URL: 'mysql://x',
      MASTER_KEY: 'too-short',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
      BODY_LIMIT_BYTES: '-1',
      SMTP_URL: 'http://mail',
    });
    const named = problems.map((problem) => problem.split(' ')[0]);
    expect(named.sort()).toEqual(
      [
        'BODY_LIMIT_BYTES',
        'DATABASE_URL',
        'LOG_LEVEL',
        'MASTER_KEY',
        'NODE_ENV',
        'PORT',
        'PUBLIC_URL',
        'SMTP_URL',
      ].sort(),
    );
    expect(problems.join('\n')).toMatch(/PORT must be a whole number from 0 to 65535/);
  });

  it('takes METRICS_PORT, but not the port the platform itself is served on', () => {
    expect(loadConfig({ DATA_DIR: ':memory:', METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(loadConfig({ DATA_DIR: ':memory:' }).metricsPort).toBeUndefined();
    expect(problemsOf({ DATA_DIR: ':memory:', PORT: '3000', METRICS_PORT: '3000' })).toEqual([
      'METRICS_PORT must differ from PORT: the metrics port is the private one',
    ]);
  });

  it('refuses to start in production without a master key or a public URL', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      MICROCRED_ADMIN_TOKEN: 'short',
    });
    expect(problems.join('\n')).toMatch(/MASTER_KEY must be set in production/);
    expect(problems.join('\n')).toMatch(/PUBLIC_URL must be set in production/);
    expect(problems.join('\n')).toMatch(/MICROCRED_ADMIN_TOKEN must be at least 32 characters/);
  });

  it('generates a development master key once, 0600, and reuses it', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'master.key');
    expect(first.masterKeySource).toBe('generated');
    expect(first.masterKeyFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.masterKeySource).toBe('file');
    expect(second.masterKey).toEqual(first.masterKey);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(Buffer.from(first.masterKey));
  });

  it('creates a missing data folder for its owner only (it holds the master key)', () => {
    const fresh = join(dataDir, 'fresh', 'data');
    loadConfig({ DATA_DIR: fresh });
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it('refuses a corrupt master key file', () => {
    writeFileSync(join(dataDir, 'master.key'), 'not a key', { mode: 0o600 });
    expect(problemsOf({ DATA_DIR: dataDir })[0]).toMatch(/master\.key must hold 32 bytes/);
  });

  it('hides secrets when printed', () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      MASTER_KEY,
      MICROCRED_ADMIN_TOKEN: 'admin-token-value',
      DATABASE_URL: 'postgres://app:db-password@db/microcred',
    });
    for (const printed of [JSON.stringify(config), inspect(config)]) {
      expect(printed).not.toContain('admin-token-value');
      expect(printed).not.toContain('db-password');
      expect(printed).not.toContain(MASTER_KEY);
      expect(printed).toContain('[redacted]');
    }
    expect(config.adminToken).toBe('admin-token-value');
  });
});

describe('loadConfig: rate limits', () => {
  it('has every limit on by default, with the defaults, and trusts no proxy', () => {
    const config = loadConfig({ DATA_DIR: ':memory:' });
    expect(config.rateLimit.enabled).toBe(true);
    expect(config.rateLimit.rules['signin-address']).toEqual({ limit: 5, windowMs: 15 * 60_000 });
    expect(config.trustProxy).toBe(0);
    expect(Object.isFrozen(config.rateLimit.rules)).toBe(true);
  });

  it('reads each limit as COUNT/WINDOW, MICROCRED_RATE_LIMIT=off, and TRUST_PROXY', () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      RATE_LIMIT_SIGNIN_ADDRESS: '3/1h',
      RATE_LIMIT_API_KEY: '100 / 30s',
      MICROCRED_RATE_LIMIT: 'off',
      TRUST_PROXY: 'true',
    });
    expect(config.rateLimit.rules['signin-address']).toEqual({ limit: 3, windowMs: 3_600_000 });
    expect(config.rateLimit.rules['api-key']).toEqual({ limit: 100, windowMs: 30_000 });
    expect(config.rateLimit.enabled).toBe(false);
    expect(config.trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: ':memory:', TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('refuses malformed limits and switches, naming each', () => {
    const problems = problemsOf({
      DATA_DIR: ':memory:',
      RATE_LIMIT_VERIFY_CLIENT: '0/1m',
      RATE_LIMIT_IMPORT_CLIENT: '5 per minute',
      RATE_LIMIT_CLAIM_CLIENT: '5/2d',
      MICROCRED_RATE_LIMIT: 'no',
      TRUST_PROXY: 'yes',
    });
    for (const name of [
      'RATE_LIMIT_VERIFY_CLIENT',
      'RATE_LIMIT_IMPORT_CLIENT',
      'RATE_LIMIT_CLAIM_CLIENT',
      'MICROCRED_RATE_LIMIT',
      'TRUST_PROXY',
    ]) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });
});

describe('loadConfig: the guarded outbound fetcher', () => {
  it('fetches by default, allow-listing no host', () => {
    const config = loadConfig({ DATA_DIR: ':memory:' });
    expect(config.fetch).toEqual({ enabled: true, allow: [] });
  });

  it('reads MICROCRED_FETCH=off and the hosts of MICROCRED_FETCH_ALLOW, with their ports', () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      MICROCRED_FETCH: 'off',
      MICROCRED_FETCH_ALLOW: '127.0.0.1, Localhost:8080,[::1]:9000',
    });
    expect(config.fetch).toEqual({
      enabled: false,
      allow: [
        { hostname: '127.0.0.1' },
        { hostname: 'localhost', port: 8080 },
        { hostname: '[::1]', port: 9000 },
      ],
    });
  });

  it('refuses a switch other than on or off, and an allow-list entry that is not a host', () => {
    for (const [name, value] of [
      ['MICROCRED_FETCH', 'yes'],
      ['MICROCRED_FETCH_ALLOW', 'https://127.0.0.1'],
      ['MICROCRED_FETCH_ALLOW', 'http://127.0.0.1/path'],
      ['MICROCRED_FETCH_ALLOW', 'localhost:99999'],
      ['MICROCRED_FETCH_ALLOW', 'user@localhost'],
    ] as const) {
      const problems = problemsOf({ DATA_DIR: ':memory:', [name]: value });
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });

  it('reads the log witnesses and their quorum, all of them by default', () => {
    const one = formatCosignerVerifierKey('witness.example/a', new Uint8Array(32).fill(7));
    const two = formatCosignerVerifierKey('witness.example/b', new Uint8Array(32).fill(9));
    const witnesses = `https://a.example/=${one}, http://127.0.0.1:7000=${two}`;
    expect(loadConfig({ DATA_DIR: ':memory:' }).logWitnesses).toEqual({ witnesses: [], quorum: 0 });
    expect(loadConfig({ DATA_DIR: ':memory:', MICROCRED_LOG_WITNESSES: witnesses }).logWitnesses).toEqual({
      witnesses: [
        { url: 'https://a.example', verifierKey: one },
        { url: 'http://127.0.0.1:7000', verifierKey: two },
      ],
      quorum: 2,
    });
    const quorum = {
      DATA_DIR: ':memory:',
      MICROCRED_LOG_WITNESSES: witnesses,
      MICROCRED_LOG_WITNESS_QUORUM: '1',
    };
    expect(loadConfig(quorum).logWitnesses.quorum).toBe(1);
  });

  it('refuses a witness without a cosigner key or an http(s) URL, and a quorum above their number', () => {
    const key = formatCosignerVerifierKey('witness.example/a', new Uint8Array(32).fill(7));
    for (const value of [`https://a.example`, `ftp://a.example=${key}`, 'https://a.example=witness+1+AAAA']) {
      const problems = problemsOf({ DATA_DIR: ':memory:', MICROCRED_LOG_WITNESSES: value });
      expect(problems.some((problem) => problem.startsWith('MICROCRED_LOG_WITNESSES'))).toBe(true);
    }
    const problems = problemsOf({
      DATA_DIR: ':memory:',
      MICROCRED_LOG_WITNESSES: `https://a.example=${key}`,
      MICROCRED_LOG_WITNESS_QUORUM: '2',
    });
    expect(problems.some((problem) => problem.startsWith('MICROCRED_LOG_WITNESS_QUORUM'))).toBe(true);
  });
});

describe('loadConfig: the privacy policy and terms of service', () => {
  it('names neither by default: the platform publishes its own /privacy page', () => {
    expect(loadConfig({ DATA_DIR: ':memory:' }).policies).toEqual({});
  });

  it('reads PRIVACY_POLICY_URL and TERMS_OF_SERVICE_URL as they are given', () => {
    const config = loadConfig({
      DATA_DIR: ':memory:',
      PRIVACY_POLICY_URL: 'https://example.org/legal/privacy?lang=en',
      TERMS_OF_SERVICE_URL: 'http://intranet.example.org/terms',
    });
    expect(config.policies).toEqual({
      privacyPolicyUrl: 'https://example.org/legal/privacy?lang=en',
      termsOfServiceUrl: 'http://intranet.example.org/terms',
    });
    expect(Object.isFrozen(config.policies)).toBe(true);
  });

  it('refuses a relative address, another scheme, or one with credentials in it, naming each variable', () => {
    for (const value of [
      '/privacy',
      'privacy.html',
      'mailto:dpo@example.org',
      'https://user:pw@example.org/p',
    ]) {
      const problems = problemsOf({
        DATA_DIR: ':memory:',
        PRIVACY_POLICY_URL: value,
        TERMS_OF_SERVICE_URL: value,
      });
      expect(problems.map((problem) => problem.split(' ')[0]).sort(), value).toEqual([
        'PRIVACY_POLICY_URL',
        'TERMS_OF_SERVICE_URL',
      ]);
    }
  });
});
