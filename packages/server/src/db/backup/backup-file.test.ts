import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBackupFile, encodeBackupFile } from './backup-file.js';

const manifest = {
  microcredVersion: '0.1.0',
  createdAt: '2026-12-06T01:00:00.000Z',
  database: { engine: 'pglite' as const, pgliteVersion: '0.5.16', postgresVersion: '18.6' },
  migrations: { applied: 25, latestCreatedAt: 1795451107207, latestTag: '0024_portfolio_profile' },
};
const payload = new Uint8Array(randomBytes(4096));
const file = encodeBackupFile({ manifest, payload });

function decoding(bytes: Uint8Array | string) {
  return () => decodeBackupFile(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
}

describe('a backup file', () => {
  it('reads back its manifest and payload, and says what it is in its first two lines', () => {
    const decoded = decodeBackupFile(file);
    expect(decoded.manifest).toMatchObject({ formatVersion: 1, ...manifest });
    expect(decoded.manifest.payload).toMatchObject({ encoding: 'pglite-datadir-tar-gzip', bytes: 4096 });
    expect(Buffer.from(decoded.payload).equals(Buffer.from(payload))).toBe(true);
    const [magic, json] = Buffer.from(file).subarray(0, 1000).toString('latin1').split('\n');
    expect(magic).toBe('microcred-backup 1');
    expect(JSON.parse(json ?? '').migrations.latestTag).toBe('0024_portfolio_profile');
  });

  it('is refused when it is not a backup, or a backup of a format this version does not read', () => {
    expect(decoding('{"credential": true}\n')).toThrow(/not restorable: it is not a microcred backup/);
    expect(decoding(new Uint8Array(0))).toThrow(/it is not a microcred backup/);
    expect(decoding('microcred-backup 2\n{}\n')).toThrow(
      /of format 2, which this version of microcred does not read/,
    );
  });

  it('is refused when truncated, anywhere', () => {
    expect(decoding(file.subarray(0, file.length - 1))).toThrow(/truncated: 4095 of its 4096 bytes/);
    expect(decoding(file.subarray(0, 40))).toThrow(/manifest is cut off/);
    expect(decoding(file.subarray(0, 19))).toThrow(/manifest is cut off/);
  });

  it('is refused when its data does not match its SHA-256, or has bytes its manifest does not count', () => {
    const damaged = new Uint8Array(file);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0x01;
    expect(decoding(damaged)).toThrow(/does not match the SHA-256 in its manifest: the file is damaged/);
    expect(decoding(new Uint8Array([...file, 0x0a]))).toThrow(/1 bytes more than its manifest says/);
  });

  it('is refused when its manifest is damaged', () => {
    const text = Buffer.from(file).toString('latin1');
    expect(
      decoding(new Uint8Array(Buffer.from(text.replace('"engine":"pglite"', '"engine":"mysql"'), 'latin1'))),
    ).toThrow(/its manifest is not readable/);
    expect(decoding(new Uint8Array(Buffer.from(text.replace('{', '['), 'latin1')))).toThrow(
      /its manifest is not readable/,
    );
  });
});
