import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MicrocredError } from '@microcred/vc';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrustRegistries } from './read-trust-registries.js';

describe('readTrustRegistries', () => {
  const folder = mkdtempSync(join(tmpdir(), 'microcred-registries-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads each file in order, named by its own name or its base name', () => {
    const dcc = join(folder, 'dcc-sandbox.json');
    writeFileSync(dcc, JSON.stringify({ meta: {}, registry: { 'did:web:uni.example': { name: 'Uni' } } }));
    const list = join(folder, 'partners.txt');
    writeFileSync(list, '# name: Partner colleges\ndid:web:college.example North College\n');
    const registries = readTrustRegistries([dcc, list]);
    expect(registries.map((registry) => registry.name)).toEqual(['dcc-sandbox', 'Partner colleges']);
    expect(registries[1]?.entries.get('did:web:college.example')).toEqual({ name: 'North College' });
  });

  it('fails naming the file that is missing, not JSON, or of the wrong shape', () => {
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '{"registry": ');
    const wrong = join(folder, 'wrong.json');
    writeFileSync(wrong, '{"registry": ["did:web:a.example"]}');
    const cases: [string, string, RegExp][] = [
      [join(folder, 'missing.json'), 'RESOURCE_UNAVAILABLE', /cannot be read/],
      [bad, 'PARSING_ERROR', /is not valid JSON/],
      [wrong, 'MALFORMED_VALUE_ERROR', /"registry" object/],
    ];
    for (const [path, code, message] of cases) {
      let caught: unknown;
      try {
        readTrustRegistries([path]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MicrocredError);
      expect((caught as MicrocredError).code).toBe(code);
      expect((caught as MicrocredError).message).toContain(path);
      expect((caught as MicrocredError).message).toMatch(message);
    }
  });
});
