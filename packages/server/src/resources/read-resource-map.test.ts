import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResourceMapError, readResourceMap } from './read-resource-map.js';

const dir = mkdtempSync(join(tmpdir(), 'microcred-resources-'));
const DID = 'did:web:issuer.example';
const DID_URL = 'https://issuer.example/.well-known/did.json';
const DATA_INTEGRITY_V2 = 'https://w3id.org/security/data-integrity/v2';

function writeMap(name: string, map: Record<string, unknown>): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(map));
  return path;
}

mkdirSync(join(dir, 'docs'), { recursive: true });
writeFileSync(join(dir, 'docs', 'did.json'), JSON.stringify({ id: DID }));
writeFileSync(join(dir, 'docs', 'broken.json'), '{ not json');
writeFileSync(
  join(dir, 'docs', 'two-faced.json'),
  `{"id":"${DID}","verificationMethod":[],"verificationMethod":[]}`,
);

describe('readResourceMap', () => {
  it('reads files relative to the map, under every name of a "DID => URL" key', () => {
    const documents = readResourceMap({
      path: writeMap('aliases.json', { [`${DID} => ${DID_URL}`]: 'docs/did.json' }),
    });
    expect(documents.get(DID)).toEqual({ id: DID });
    expect(documents.get(DID_URL)).toEqual({ id: DID });
  });

  it('reads npm: entries from the installed package, ignoring a trailing note', () => {
    const path = writeMap('npm.json', {
      [DATA_INTEGRITY_V2]:
        'npm:@digitalbazaar/data-integrity-context@2.0.1/contexts/data-integrity-v2.jsonld (already installed)',
    });
    const context = readResourceMap({ path }).get(DATA_INTEGRITY_V2) as { '@context': unknown };
    expect(context['@context']).toBeDefined();
  });

  it('refuses an npm: entry whose pinned version is not the installed one', () => {
    const path = writeMap('npm-version.json', {
      [DATA_INTEGRITY_V2]:
        'npm:@digitalbazaar/data-integrity-context@9.9.9/contexts/data-integrity-v2.jsonld',
    });
    expect(() => readResourceMap({ path })).toThrow(/pins @digitalbazaar\/data-integrity-context@9\.9\.9/);
  });

  it('refuses an npm: entry that climbs out of its package', () => {
    const path = writeMap('npm-escape.json', {
      [DATA_INTEGRITY_V2]: 'npm:@digitalbazaar/data-integrity-context/../../../package.json',
    });
    expect(() => readResourceMap({ path })).toThrow(/outside its package/);
  });

  it('refuses keys that are not URLs or DIDs, and files that are not JSON, as resource map errors', () => {
    expect(() =>
      readResourceMap({ path: writeMap('relative.json', { 'contexts/x.json': 'docs/did.json' }) }),
    ).toThrow(ResourceMapError);
    expect(() =>
      readResourceMap({ path: writeMap('broken.json', { [DID_URL]: 'docs/broken.json' }) }),
    ).toThrow(/is not JSON/);
    expect(() => readResourceMap({ path: join(dir, 'missing.json') })).toThrow(/cannot read resource map/);
  });

  it('refuses a document that is not I-JSON: one a verifier keeping the first duplicate would read otherwise', () => {
    const path = writeMap('two-faced.json', { [DID]: 'docs/two-faced.json' });
    expect(() => readResourceMap({ path })).toThrow(ResourceMapError);
    expect(() => readResourceMap({ path })).toThrow(/duplicate member name "verificationMethod"/);
  });
});
