import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { withPlatform } from '../with-platform.js';
import { doctor } from './doctor.js';

const folder = mkdtempSync(join(tmpdir(), 'microcred-doctor-cli-'));
const dataDir = join(folder, 'data');
const OLD_URL = 'https://old.example.org';

async function run(env: Record<string, string>, options: { json?: boolean; envFile?: string } = {}) {
  let out = '';
  const code = await doctor(
    options,
    { stdout: (text) => (out += text), stderr: (text) => (out += text) },
    { env },
  );
  return { code, out };
}

describe('microcred doctor on an embedded database with issued credentials', () => {
  let smtp: Server;
  let env: Record<string, string>;
  let slug = '';

  beforeAll(async () => {
    smtp = createServer((socket) => {
      socket.write('220 mail.example ESMTP\r\n');
      socket.on('data', () => socket.write('250 mail.example\r\n'));
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const address = smtp.address();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      PUBLIC_URL: OLD_URL,
      MASTER_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: `smtp://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
    };
    await withPlatform(
      async (platform) => {
        const seeded = await seedIssuer(platform);
        slug = seeded.issuer.slug;
        await platform.credentials.issue(ADMIN, {
          achievementId: seeded.achievement.id,
          recipient: { email: 'doctor.patient@example.org' },
        });
      },
      { logLevel: 'silent', env },
    );
    chmodSync(dataDir, 0o700);
  });
  afterAll(() => {
    smtp.close();
  });

  it('finds no problem in a production configuration that matches its data, and exits 0', async () => {
    const { code, out } = await run(env);
    expect(out).toMatch(
      /^ok +issuer-dids +the DIDs of the 1 issuer\(s\) with credentials match PUBLIC_URL$/m,
    );
    expect(out).toMatch(/^ok +migrations/m);
    expect(out).toMatch(/^ok +smtp +smtp:\/\/127\.0\.0\.1:\d+ answers: 220 mail\.example ESMTP$/m);
    expect(out).toMatch(/^ok +data-dir/m);
    expect(out).toMatch(/^ok +sealed-keys +the master key opens the issuer keys/m);
    expect(out).toMatch(/\nno problem found/);
    expect(code).toBe(0);
  });

  it('exits 1 when PUBLIC_URL no longer gives the DIDs credentials were issued under, saying what to set', async () => {
    const { code, out } = await run({ ...env, PUBLIC_URL: 'https://new.example.org' });
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(
        `^PROBLEM +issuer-dids +1 issuer\\(s\\) issued credentials under another PUBLIC_URL \\(did:web:old\\.example\\.org:issuers:${slug} `,
        'm',
      ),
    );
    expect(out).toMatch(/^ {23}fix: set PUBLIC_URL back to https:\/\/old\.example\.org;/m);
    expect(out).toMatch(/\n1 problem: fix them before going to production\n$/);
  });

  it('exits 1 when MASTER_KEY is strong but not the key the stored issuer keys were sealed under', async () => {
    const { code, out } = await run({ ...env, MASTER_KEY: randomBytes(32).toString('base64') });
    expect(code).toBe(1);
    expect(out).toMatch(/^ok +master-key/m);
    expect(out).toMatch(/^PROBLEM +sealed-keys +the master key does not open the issuer keys/m);
  });

  it('reports, rather than waits for, an embedded database a running process holds', async () => {
    await withPlatform(
      async () => {
        const { code, out } = await run(env);
        expect(code).toBe(1);
        expect(out).toMatch(/^PROBLEM +database +not reachable: the embedded database is in use by process/m);
      },
      { logLevel: 'silent', env },
    );
  });

  it('reads the environment through the command line, with --env-file over it and --json for machines', async () => {
    const file = join(folder, 'doctor.env');
    writeFileSync(file, 'DATA_DIR=:memory:\nPUBLIC_URL=http://localhost:3000\nMASTER_KEY=\n');
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const result = await runCli('doctor', '--json', '--env-file', file);
      const report = JSON.parse(result.out) as { ok: boolean; findings: { check: string; status: string }[] };
      expect(result.code).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.findings).toContainEqual(
        expect.objectContaining({ check: 'public-url', status: 'warning' }),
      );
      expect(report.findings).toContainEqual(
        expect.objectContaining({ check: 'master-key', status: 'problem' }),
      );
      expect(report.findings).toContainEqual(
        expect.objectContaining({ check: 'data-dir', status: 'warning' }),
      );
    } finally {
      process.env = saved;
    }
  });
});

describe('microcred doctor on a PUBLIC_URL that names an IP address', () => {
  it('reports the problem `serve` would refuse to start with, and what to use instead', async () => {
    const { code, out } = await run({ DATA_DIR: ':memory:', PUBLIC_URL: 'http://127.0.0.1:4716' });
    expect(code).toBe(1);
    expect(out).toMatch(
      /^PROBLEM +configuration +`microcred serve` would refuse to start: PUBLIC_URL must name its host, not an IP address: .*did:web.*use localhost on this machine \(e\.g\. http:\/\/localhost:3000\), or a domain name/m,
    );
    expect(out).not.toMatch(/no problem found/);
  });
});
