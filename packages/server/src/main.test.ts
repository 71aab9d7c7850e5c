import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/support/free-port.js';

const BIN = fileURLToPath(new URL('../bin/microcred.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../dist/main-entry.js', import.meta.url));
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

describe('microcred serve', () => {
  it('on a busy port prints one line, no stack trace, and exits with status 1', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const address = busy.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [BIN, 'serve'],
          {
            timeout: 30_000,
            // Nothing on disk: the server must fail before it opens a database anyway.
            env: { ...process.env, PORT: String(port), DATA_DIR: ':memory:', NODE_ENV: 'development' },
          },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
      expect(result.stderr).toBe(`microcred: port ${port} is already in use (set PORT to another port)\n`);
      expect(result.code).toBe(1);
      expect(result.stdout).not.toContain('Admin API token');
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 40_000);

  it('with a trust registry file that is not JSON prints one line naming it and exits with status 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'microcred-trust-'));
    const registry = join(folder, 'registry.json');
    writeFileSync(registry, '{"registry": {"did:web:a.example": {"name": "A"},');
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [BIN, 'serve'],
          {
            timeout: 30_000,
            env: {
              ...process.env,
              PORT: '0',
              DATA_DIR: ':memory:',
              NODE_ENV: 'development',
              MICROCRED_TRUST_REGISTRIES: registry,
            },
          },
          (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
        );
      });
      expect(result.stderr).toMatch(
        new RegExp(`^microcred: PARSING_ERROR: trust registry ${registry} is not valid JSON`),
      );
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.code).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 40_000);
});

// Production runs the compiled JavaScript (`npm start` builds it first): dist/ must hold every module, the
// signing worker and the files read beside them (CSS, migrations), and run under plain node, without tsx.
describe('microcred serve with METRICS_PORT', () => {
  it('serves /metrics on that port without a token and not on PORT, and closes both ports on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const child = spawnServe(BIN, {
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      MICROCRED_METRICS_TOKEN: 'scraper-token-0123456789abcdef',
    });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const exited = once(child, 'exit');
    let signalled = false;
    try {
      await listeningPort(child);
      const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toContain('microcred_credentials_issued_total{via="api"}');
      const onMainPort = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { Authorization: 'Bearer scraper-token-0123456789abcdef' },
      });
      expect(onMainPort.status).toBe(404);
      child.kill('SIGTERM');
      signalled = true;
    } finally {
      if (!signalled) child.kill('SIGTERM');
    }
    expect(await exited).toEqual([0, null]);
    // The last line of the shutdown reached the log: it was flushed before the exit.
    expect(log.trim().split('\n').at(-1)).toMatch(/"msg":"stopped"/);
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  }, 90_000);
});

describe('the compiled server (npm run build)', () => {
  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build', '-w', '@microcred/server'], { cwd: REPOSITORY });
  }, 300_000);

  it('serves /healthz and its stylesheet from dist/ under plain node, and exits 0 on SIGTERM', async () => {
    const child = spawnServe(COMPILED, { PORT: '0' });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const exited = once(child, 'exit');
    try {
      const port = await listeningPort(child);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const stylesheet = await fetch(`http://127.0.0.1:${port}/assets/site.css`);
      expect(stylesheet.status).toBe(200);
      expect(await stylesheet.text()).toBe(
        readFileSync(new URL('./web/shared/assets/site.css', import.meta.url), 'utf8'),
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual([0, null]);
    // The demo data was signed on the way: by worker threads loaded from dist/, without a warning (a
    // worker that cannot load is logged, and signing falls back in-process).
    expect(log).toContain('created the demo issuer');
    expect(log).not.toMatch(/"level":(40|50|60)/);
  }, 60_000);

  it('answers /readyz 503 while it starts, 200 once ready; on SIGTERM finishes the request in flight and exits 0', async () => {
    const port = await freePort();
    const child = spawnCompiled(port);
    const exited = once(child, 'exit');
    const listening = listeningPort(child);
    let signalled = false;
    try {
      const answers = await readinessUntilReady(port);
      // Migrations and the demo take seconds: a load balancer asking meanwhile hears "not ready" at once.
      expect(answers[0]).toBe(503);
      expect(answers.at(-1)).toBe(200);
      await listening;

      const body = new TransformStream<Uint8Array, Uint8Array>();
      const writer = body.writable.getWriter();
      const inFlight = fetch(`http://127.0.0.1:${port}/credentials/verify`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body.readable,
        duplex: 'half',
      } as RequestInit);
      await writer.write(new TextEncoder().encode('{"verifiableCredential":'));
      await sleep(300);
      child.kill('SIGTERM');
      signalled = true;
      await sleep(500);
      await writer.write(new TextEncoder().encode('{"type":["VerifiableCredential"]}}'));
      await writer.close();
      const response = await inFlight;
      // Answered in full (a refusal of that credential), not cut off by the shutdown.
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(await response.json()).toBeTypeOf('object');
    } finally {
      if (!signalled) child.kill('SIGTERM');
    }
    expect(await exited).toEqual([0, null]);
  }, 90_000);

  it('on SIGTERM during a bulk job exits 0, and after a restart every row has exactly one credential', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microcred-bulk-stop-'));
    const token = `mc_test.${'s'.repeat(40)}`;
    const rows = 1_500;
    try {
      const first = await freePort();
      const child = spawnCompiled(first, { DATA_DIR: dataDir, MICROCRED_ADMIN_TOKEN: token });
      const exited = once(child, 'exit');
      let api = '';
      let jobId = '';
      let doneAtStop = 0;
      try {
        await listeningPort(child);
        await readinessUntilReady(first);
        api = `http://127.0.0.1:${first}/api/v1`;
        const auth = { Authorization: `Bearer ${token}` };
        const [issuer] = (await (await fetch(`${api}/issuers`, { headers: auth })).json()) as {
          id: string;
        }[];
        const [achievement] = (await (
          await fetch(`${api}/achievements?issuerId=${issuer?.id}`, { headers: auth })
        ).json()) as { id: string }[];
        const csv = ['email', ...Array.from({ length: rows }, (_, row) => `stop${row}@example.org`)].join(
          '\n',
        );
        const upload = await fetch(`${api}/bulk-jobs?achievementId=${achievement?.id}`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/csv' },
          body: csv,
        });
        expect(upload.status).toBe(202);
        jobId = ((await upload.json()) as { id: string }).id;
        // Stop once the workers are under way: some rows issued, most not.
        for (let attempt = 0; attempt < 3_000 && doneAtStop === 0; attempt++) {
          await sleep(20);
          doneAtStop = (
            (await (await fetch(`${api}/bulk-jobs/${jobId}`, { headers: auth })).json()) as {
              done: number;
            }
          ).done;
        }
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toEqual([0, null]);
      expect(doneAtStop).toBeGreaterThan(0);
      expect(doneAtStop).toBeLessThan(rows);

      const second = await freePort();
      const restarted = spawnCompiled(second, { DATA_DIR: dataDir, MICROCRED_ADMIN_TOKEN: token });
      const stopped = once(restarted, 'exit');
      try {
        await listeningPort(restarted);
        let progress: Record<string, unknown> = {};
        for (let attempt = 0; attempt < 600 && progress.state !== 'completed'; attempt++) {
          await sleep(100);
          const answer = await fetch(`http://127.0.0.1:${second}/api/v1/bulk-jobs/${jobId}`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          progress = (await answer.json()) as Record<string, unknown>;
        }
        // The database refuses a second credential for a row; a row tried twice would show as failed.
        expect(progress).toMatchObject({
          state: 'completed',
          total: rows,
          done: rows,
          failed: 0,
          duplicates: 0,
        });
      } finally {
        restarted.kill('SIGTERM');
      }
      expect(await stopped).toEqual([0, null]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('exits at once, with status 1, on a second signal while a request still holds the first shutdown', async () => {
    const port = await freePort();
    const child = spawnCompiled(port);
    const exited = once(child, 'exit');
    await listeningPort(child);
    const body = new TransformStream<Uint8Array, Uint8Array>();
    const writer = body.writable.getWriter();
    const stuck = fetch(`http://127.0.0.1:${port}/credentials/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body.readable,
      duplex: 'half',
    } as RequestInit).catch(() => null);
    await writer.write(new TextEncoder().encode('{"verifiableCredential":'));
    await sleep(300);
    child.kill('SIGTERM');
    await sleep(500);
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    expect(await exited).toEqual([1, null]);
    await writer.abort().catch(() => {});
    await stuck;
  }, 90_000);

  it('is what bin/microcred.js runs where tsx is not installed', async () => {
    // Resolution as `npm prune --omit=dev` would leave it: no tsx; and loading any TypeScript fails.
    const folder = mkdtempSync(join(tmpdir(), 'microcred-no-tsx-'));
    try {
      writeFileSync(
        join(folder, 'hooks.mjs'),
        `export async function resolve(specifier, context, next) {
          if (specifier === 'tsx' || specifier.startsWith('tsx/')) {
            throw Object.assign(new Error('tsx is not installed'), { code: 'ERR_MODULE_NOT_FOUND' });
          }
          const resolved = await next(specifier, context);
          if (/[.]tsx?$/.test(resolved.url)) throw new Error('loaded TypeScript: ' + resolved.url);
          return resolved;
        }`,
      );
      writeFileSync(
        join(folder, 'register.mjs'),
        `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
      );
      const { stdout } = await promisify(execFile)(process.execPath, [
        '--import',
        pathToFileURL(join(folder, 'register.mjs')).href,
        BIN,
        'keys',
        'generate',
      ]);
      expect(JSON.parse(stdout)).toMatchObject({
        type: 'Multikey',
        controller: expect.stringMatching(/^did:key:/),
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The port from the server's "listening" log line (pino JSON on stdout); rejects if it exits first. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const port = /^\{.*"port":(\d+).*"msg":"microcred is listening/.exec(line)?.[1];
        if (port !== undefined) resolve(Number(port));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${errors}`)),
    );
  });
}

/** `microcred serve` from `script`, in memory, logging at info, with `env` on top. */
function spawnServe(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script, 'serve'], {
    env: {
      ...process.env,
      PUBLIC_URL: 'http://localhost:3000',
      DATA_DIR: ':memory:',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function spawnCompiled(port: number, env: Record<string, string> = {}): ChildProcess {
  return spawnServe(COMPILED, { PORT: String(port), MICROCRED_RATE_LIMIT: 'off', ...env });
}

/** Every status `/readyz` answered, asked every 50 ms from the first moment it listens until it says 200. */
async function readinessUntilReady(port: number): Promise<number[]> {
  const answers: number[] = [];
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (answer !== null) {
      answers.push(answer.status);
      await answer.body?.cancel();
      if (answer.status === 200) return answers;
    }
    await sleep(50);
  }
  throw new Error(`not ready in time: ${answers.join(', ')}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
