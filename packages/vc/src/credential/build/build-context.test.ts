import { describe, expect, it } from 'vitest';
import { CREDENTIALS_V2_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT } from '../../contexts/index.js';
import { buildContext } from './build-context.js';

const base = [CREDENTIALS_V2_CONTEXT, OB_CONTEXT];

describe('buildContext', () => {
  it('adds nothing when no 1EdTech type is used', () => {
    expect(
      buildContext({ base, document: { type: ['VerifiableCredential'], issuer: { type: ['Profile'] } } }),
    ).toEqual(base);
  });

  it('adds the extensions context for a 1EdTech type at any depth, as a string or in an array', () => {
    const nested = { credentialSubject: { status: [{ type: '1EdTechRevocationList' }] } };
    const inArray = { refreshService: { type: ['1EdTechCredentialRefresh'] } };
    expect(buildContext({ base, document: nested })).toEqual([...base, OB_EXTENSIONS_CONTEXT]);
    expect(buildContext({ base, document: inArray })).toEqual([...base, OB_EXTENSIONS_CONTEXT]);
  });

  it('ignores 1EdTech names that are not types', () => {
    expect(buildContext({ base, document: { name: '1EdTechRevocationList' } })).toEqual(base);
  });

  it('does not repeat a context the base already has', () => {
    const withExtensions = [...base, OB_EXTENSIONS_CONTEXT];
    expect(buildContext({ base: withExtensions, document: { type: '1EdTechRevocationList' } })).toEqual(
      withExtensions,
    );
  });
});
