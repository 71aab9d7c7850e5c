import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataDir, fileSystemFolderProbe } from './check-data-dir.js';
import { checkClockSkew, checkDatabaseServer, checkMigrations } from './check-database.js';
import { checkMasterKey } from './check-master-key.js';
import { checkIssuedDids, checkPublicUrl } from './check-public-url.js';
import { checkSealedKeys } from './check-sealed-keys.js';
import { checkSmtp } from './check-smtp.js';
import type { DatabaseProbe } from './database-probe.js';
import { greetSmtp } from './greet-smtp.js';

const folder = mkdtempSync(join(tmpdir(), 'microcred-doctor-'));

describe('the PUBLIC_URL check', () => {
  it('accepts https, calls http on localhost a development setting, and refuses http elsewhere', () => {
    expect(checkPublicUrl({ publicUrl: 'https://badges.example.edu' }).status).toBe('ok');
    const local = checkPublicUrl({ publicUrl: 'http://localhost:3000' });
    expect(local).toMatchObject({ status: 'warning', message: expect.stringMatching(/development setting/) });
    const plain = checkPublicUrl({ publicUrl: 'http://badges.example.edu' });
    expect(plain).toMatchObject({ status: 'problem', fix: expect.stringMatching(/https/) });
  });
});

describe('the issued DIDs check', () => {
  const issued = [{ slug: 'demo', did: 'did:web:old.example.org:issuers:demo' }];

  it('passes when the DIDs credentials name are those PUBLIC_URL gives, or nothing was issued', () => {
    expect(checkIssuedDids({ publicUrl: 'https://old.example.org', issued }).status).toBe('ok');
    const none = checkIssuedDids({
      publicUrl: 'https://new.example.org',
      issued: [{ slug: 'x', did: null }],
    });
    expect(none.status).toBe('ok');
  });

  it('says every credential would fail verification when the host moved, and which URL to set back', () => {
    const moved = checkIssuedDids({ publicUrl: 'https://new.example.org', issued });
    expect(moved.status).toBe('problem');
    expect(moved.message).toMatch(/did:web:old\.example\.org:issuers:demo.*did:web:new\.example\.org/);
    expect(moved.message).toMatch(/every credential they issued would fail verification/);
    expect(moved.fix).toMatch(/PUBLIC_URL back to https:\/\/old\.example\.org/);
  });

  it('sees a port or a path prefix as a move too', () => {
    const withPort = [{ slug: 'demo', did: 'did:web:old.example.org%3A8443:issuers:demo' }];
    const check = checkIssuedDids({ publicUrl: 'https://old.example.org', issued: withPort });
    expect(check).toMatchObject({
      status: 'problem',
      fix: expect.stringContaining('https://old.example.org:8443'),
    });
    expect(checkIssuedDids({ publicUrl: 'https://old.example.org:8443', issued: withPort }).status).toBe(
      'ok',
    );
  });
});

describe('the master key check', () => {
  const random = randomBytes(32).toString('base64');

  it('accepts 32 random bytes from MASTER_KEY', () => {
    expect(checkMasterKey({ configured: random, keyFile: undefined }).status).toBe('ok');
  });

  it('refuses a key that is not 32 bytes, and one built from a pattern', () => {
    expect(checkMasterKey({ configured: 'c2hvcnQ=', keyFile: undefined }).status).toBe('problem');
    const repeated = checkMasterKey({
      configured: Buffer.alloc(32, 7).toString('base64'),
      keyFile: undefined,
    });
    expect(repeated).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/not drawn at random/),
    });
  });

  it('warns about the development key file and refuses no key at all', () => {
    const path = join(folder, 'master.key');
    const file = checkMasterKey({ configured: undefined, keyFile: { path, content: random } });
    expect(file).toMatchObject({ status: 'warning', fix: expect.stringContaining(`$(cat ${path})`) });
    const none = checkMasterKey({ configured: undefined, keyFile: { path, content: undefined } });
    expect(none).toMatchObject({
      status: 'problem',
      fix: expect.stringContaining('openssl rand -base64 32'),
    });
  });
});

describe('the sealed keys check', () => {
  const sample = { issuerId: 'issuer', keyId: 'key-1', sealed: new Uint8Array(40) };
  const masterKey = new Uint8Array(randomBytes(32));

  it('passes when the master key opens the stored issuer key, or none is stored', async () => {
    expect((await checkSealedKeys({ masterKey, sample, open: async () => {} })).status).toBe('ok');
    expect((await checkSealedKeys({ masterKey: undefined, sample: null })).status).toBe('ok');
  });

  it('is a problem when the key does not open them, or there is none to open them with', async () => {
    const wrong = await checkSealedKeys({
      masterKey,
      sample,
      open: () => Promise.reject(new Error('does not open')),
    });
    expect(wrong).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/no issuer could sign/),
    });
    const missing = await checkSealedKeys({ masterKey: undefined, sample });
    expect(missing.status).toBe('problem');
  });
});

describe('the SMTP check', () => {
  let greeting: Server;
  let silent: Server;
  let closedPort = 0;
  const sockets: Socket[] = [];
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      }),
    );
  let greetingPort = 0;
  let silentPort = 0;

  beforeAll(async () => {
    greeting = createServer((socket) => {
      sockets.push(socket);
      socket.write('220 fake.example ESMTP ready\r\n');
      socket.on('data', (data) => {
        if (data.toString().startsWith('EHLO')) socket.write('250-fake.example\r\n250 SIZE 1000000\r\n');
        else socket.end('221 bye\r\n');
      });
    });
    silent = createServer((socket) => sockets.push(socket));
    greetingPort = await listen(greeting);
    silentPort = await listen(silent);
    const closed = createServer();
    closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    greeting.close();
    silent.close();
  });

  it('is fine when the server greets and answers EHLO', async () => {
    const check = await checkSmtp({
      smtpUrl: `smtp://127.0.0.1:${greetingPort}`,
      greet: (url) => greetSmtp(url),
    });
    expect(check).toMatchObject({ status: 'ok', message: expect.stringContaining('220 fake.example ESMTP') });
  });

  it('is a problem on a closed port, or a server that says nothing in time', async () => {
    const closed = await checkSmtp({
      smtpUrl: `smtp://user:secret@127.0.0.1:${closedPort}`,
      greet: (url) => greetSmtp(url),
    });
    expect(closed).toMatchObject({ status: 'problem', message: expect.stringMatching(/ECONNREFUSED/) });
    expect(closed.message).not.toContain('secret');
    const mute = await checkSmtp({
      smtpUrl: `smtp://127.0.0.1:${silentPort}`,
      greet: (url) => greetSmtp(url, { timeoutMs: 200 }),
    });
    expect(mute).toMatchObject({
      status: 'problem',
      message: expect.stringMatching(/no answer within 200 ms/),
    });
  });

  it('calls the development mailbox not for production', async () => {
    const check = await checkSmtp({ smtpUrl: undefined, greet: () => Promise.reject(new Error('unused')) });
    expect(check).toMatchObject({ status: 'warning', message: expect.stringMatching(/not for production/) });
  });
});

/** A database that answers as told. */
function fakeDatabase(overrides: Partial<DatabaseProbe> = {}): DatabaseProbe {
  return {
    kind: 'postgres',
    version: async () => ({ number: 150_004, text: '15.4' }),
    missingFunctions: async () => [],
    pendingMigrations: async () => 0,
    now: async () => new Date(),
    issuedDids: async () => [],
    sealedKey: async () => null,
    ...overrides,
  };
}

describe('the database checks', () => {
  it('accept PostgreSQL 15 and refuse 14, or a server without gen_random_uuid', async () => {
    expect((await checkDatabaseServer(fakeDatabase())).status).toBe('ok');
    const old = await checkDatabaseServer(
      fakeDatabase({ version: async () => ({ number: 140_011, text: '14.11' }) }),
    );
    expect(old).toMatchObject({ status: 'problem', message: expect.stringMatching(/older than 15/) });
    const lacking = await checkDatabaseServer(
      fakeDatabase({ missingFunctions: async () => ['gen_random_uuid'] }),
    );
    expect(lacking.status).toBe('problem');
  });

  it('warn about migrations not applied yet', async () => {
    expect((await checkMigrations(fakeDatabase())).status).toBe('ok');
    expect((await checkMigrations(fakeDatabase({ pendingMigrations: async () => 2 }))).status).toBe(
      'warning',
    );
  });

  it('take a clock 6 s off the database server for a problem, and 1 s off for fine', async () => {
    const at = 1_700_000_000_000;
    const off = (ms: number) => fakeDatabase({ now: async () => new Date(at + ms) });
    expect((await checkClockSkew(off(1_000), () => at)).status).toBe('ok');
    const ahead = await checkClockSkew(off(-6_000), () => at);
    expect(ahead).toMatchObject({ status: 'problem', message: expect.stringMatching(/6\.0 s ahead/) });
    expect((await checkClockSkew(off(6_000), () => at)).message).toMatch(/6\.0 s behind/);
  });
});

describe('the data folder check', () => {
  const holds = ['the embedded database'];
  const made = (name: string, mode: number) => {
    const path = join(folder, name);
    mkdirSync(path);
    chmodSync(path, mode);
    return path;
  };

  it('accepts a folder of ours closed to group and others', async () => {
    expect((await checkDataDir({ dataDir: made('closed', 0o700), holds })).status).toBe('ok');
  });

  it('refuses a folder its group or others can read, and says to chmod it', async () => {
    for (const mode of [0o750, 0o705, 0o755]) {
      const check = await checkDataDir({ dataDir: made(`open-${mode.toString(8)}`, mode), holds });
      expect(check).toMatchObject({ status: 'problem', fix: expect.stringMatching(/^chmod 700 /) });
    }
  });

  it('refuses a missing folder, a file, and a folder this user cannot write', async () => {
    const missing = await checkDataDir({ dataDir: join(folder, 'missing'), holds });
    expect(missing).toMatchObject({ status: 'problem', fix: expect.stringMatching(/^mkdir -m 700 /) });
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    expect((await checkDataDir({ dataDir: file, holds })).status).toBe('problem');
    // As root the file system lets every write through, so the refusal is the probe's.
    const readOnly = await checkDataDir({
      dataDir: made('read-only', 0o500),
      holds,
      probe: {
        ...fileSystemFolderProbe,
        assertWritable: () => Promise.reject(new Error('EACCES: permission denied')),
      },
    });
    expect(readOnly).toMatchObject({ status: 'problem', message: expect.stringMatching(/not writable/) });
  });

  it('does not mind a missing folder that nothing is kept in', async () => {
    expect((await checkDataDir({ dataDir: join(folder, 'unused'), holds: [] })).status).toBe('ok');
  });
});
