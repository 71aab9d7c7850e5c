import { describe, expect, it } from 'vitest';
import { MicrocredError } from '../error/index.js';
import { findInTrustRegistries } from './find-in-trust-registries.js';
import { parseTrustRegistry } from './parse-trust-registry.js';

const source = '/etc/microcred/dcc-sandbox.json';

// The shape of digitalcredentials/sandbox-registry registry.json (DCC "legacy" format).
const DCC = JSON.stringify({
  meta: { created: '2022-10-27T17:57:31+00:00', updated: '2025-03-12T16:20:00+00:00' },
  registry: {
    'did:web:digitalcredentials.github.io:dcc-did-web': {
      name: 'DCC did:web test',
      location: 'Cambridge, MA, USA',
      url: 'https://digitalcredentials.mit.edu',
    },
    'did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W': { name: '(Example) My University' },
  },
});

function errorOf(run: () => unknown): MicrocredError {
  try {
    run();
  } catch (error) {
    if (error instanceof MicrocredError) return error;
    throw error;
  }
  throw new Error('expected a MicrocredError');
}

describe('parseTrustRegistry', () => {
  it('reads the DCC issuer-registry format, named by the file when it names itself not', () => {
    const registry = parseTrustRegistry(DCC, { source, defaultName: 'dcc-sandbox' });
    expect(registry.name).toBe('dcc-sandbox');
    expect(registry.entries.get('did:web:digitalcredentials.github.io:dcc-did-web')).toEqual({
      name: 'DCC did:web test',
      location: 'Cambridge, MA, USA',
      url: 'https://digitalcredentials.mit.edu',
    });
    expect(registry.entries.get('did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W')).toEqual({
      name: '(Example) My University',
    });
    expect(registry.entries.size).toBe(2);
  });

  it('takes the registry name from the file and reads the older `entries` map', () => {
    const text = JSON.stringify({
      name: 'State register',
      entries: { 'did:web:uni.example': { name: 'Uni' } },
    });
    const registry = parseTrustRegistry(text, { source });
    expect(registry.name).toBe('State register');
    expect(registry.entries.get('did:web:uni.example')?.name).toBe('Uni');
  });

  it('reads the simple list as a JSON array and as an object with issuers', () => {
    const array = parseTrustRegistry(
      JSON.stringify([
        { id: 'did:web:uni.example', name: 'University of Example' },
        { id: 'https://badges.example/issuer.json', name: 'Badge Hall', url: 'https://badges.example' },
      ]),
      { source: 'list.json' },
    );
    expect(array.name).toBe('list.json');
    expect(array.entries.get('https://badges.example/issuer.json')).toEqual({
      name: 'Badge Hall',
      url: 'https://badges.example',
    });
    const named = parseTrustRegistry(
      JSON.stringify({ name: 'Partners', issuers: [{ id: 'did:key:z6Mkabc', name: 'Partner' }] }),
      { source: 'partners.json' },
    );
    expect(named.name).toBe('Partners');
    expect(named.entries.get('did:key:z6Mkabc')?.name).toBe('Partner');
  });

  it('reads the simple list as lines, with comments and a name line', () => {
    const registry = parseTrustRegistry(
      [
        '# name: Regional colleges',
        '',
        'did:web:college.example   North  College  ',
        '# a comment',
        'https://old.example/issuer  Old Badge Issuer',
        'did:key:z6Mkabc',
      ].join('\n'),
      { source: 'colleges.txt' },
    );
    expect(registry.name).toBe('Regional colleges');
    expect([...registry.entries]).toEqual([
      ['did:web:college.example', { name: 'North College' }],
      ['https://old.example/issuer', { name: 'Old Badge Issuer' }],
      ['did:key:z6Mkabc', { name: 'did:key:z6Mkabc' }],
    ]);
  });

  it('rejects bad JSON with a PARSING_ERROR naming the file', () => {
    for (const text of ['{"registry": {', '[{"id": "did:web:a", }]', '{"registry": {}, "registry": {}}']) {
      const error = errorOf(() => parseTrustRegistry(text, { source }));
      expect(error.code).toBe('PARSING_ERROR');
      expect(error.message).toContain(`trust registry ${source} is not valid JSON`);
    }
  });

  it('rejects the wrong shape with a MALFORMED_VALUE_ERROR naming the file and the problem', () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ registry: [] }), /"registry" object/],
      [JSON.stringify({ meta: {} }), /array of \{"id", "name"\}/],
      [
        JSON.stringify({ registry: { 'did:web:a.example': 'A' } }),
        /entry of did:web:a\.example must be an object/,
      ],
      [JSON.stringify({ registry: { 'did:web:a.example': { url: 'https://a.example' } } }), /has no name/],
      [JSON.stringify({ registry: { 'not a did': { name: 'X' } } }), /is not a DID or an http\(s\) URL/],
      [JSON.stringify([{ id: 'javascript:alert(1)', name: 'X' }]), /is not a DID or an http\(s\) URL/],
      [JSON.stringify([{ name: 'no id' }]), /is not a DID/],
      [
        JSON.stringify([
          { id: 'did:web:a.example', name: 'A' },
          { id: 'did:web:a.example', name: 'B' },
        ]),
        /listed twice/,
      ],
      ['file:///etc/passwd Root', /line 1: file:\/\/\/etc\/passwd is not a DID/],
      ['42', /line 1/],
    ];
    for (const [text, message] of cases) {
      const error = errorOf(() => parseTrustRegistry(text, { source }));
      expect(error.code, text).toBe('MALFORMED_VALUE_ERROR');
      expect(error.message, text).toMatch(message);
      expect(error.message, text).toContain(source);
    }
  });
});

describe('findInTrustRegistries', () => {
  it('says what the first registry listing the issuer says, in the order given', () => {
    const state = parseTrustRegistry('did:web:uni.example University of Example', {
      source: 'state.txt',
      defaultName: 'State',
    });
    const dcc = parseTrustRegistry(DCC, { source, defaultName: 'DCC' });
    const both = parseTrustRegistry('did:web:digitalcredentials.github.io:dcc-did-web Also listed', {
      source: 'b.txt',
    });
    expect(
      findInTrustRegistries([state, dcc, both], 'did:web:digitalcredentials.github.io:dcc-did-web'),
    ).toEqual({
      level: 'vetted',
      registry: 'DCC',
      name: 'DCC did:web test',
    });
    expect(findInTrustRegistries([state, dcc], 'did:web:unknown.example')).toBeUndefined();
  });
});
