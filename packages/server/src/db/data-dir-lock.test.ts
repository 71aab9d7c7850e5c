import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock.js';

describe('the embedded database lock', () => {
  const lockFile = () => join(mkdtempSync(join(tmpdir(), 'microcred-lock-')), 'pgdata.lock');

  it('refuses a second holder while the first is alive, naming the process', () => {
    const file = lockFile();
    const release = acquireDataDirLock(file);
    expect(() => acquireDataDirLock(file)).toThrow(new RegExp(`in use by process ${process.pid}`));
    release();
    expect(existsSync(file)).toBe(false);
    acquireDataDirLock(file)();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const file = lockFile();
    const finished = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    writeFileSync(file, String(finished.pid));
    const release = acquireDataDirLock(file);
    expect(existsSync(file)).toBe(true);
    release();
  });
});
