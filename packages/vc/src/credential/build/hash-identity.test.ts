import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isMicrocredError } from '../../error/index.js';
import { IdentityObjectSchema } from '../model/index.js';
import { hashIdentity, matchesIdentity } from './hash-identity.js';

// The OB 3.0 IdentityHash definition (quoted in the official JSON Schema's IdentityObject.identityHash
// comment) gives this value for 'a@example.com' salted with 'Kosher'.
const SPEC_EXAMPLE_HASH = 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399';

describe('hashIdentity', () => {
  it('reproduces the spec example a@example.com + Kosher', () => {
    expect(hashIdentity({ identity: 'a@example.com', salt: 'Kosher' })).toEqual({
      type: 'IdentityObject',
      hashed: true,
      identityHash: SPEC_EXAMPLE_HASH,
      identityType: 'emailAddress',
      salt: 'Kosher',
    });
  });

  it('agrees with an independent sha256 over the UTF-8 of identity + salt', () => {
    const expected = createHash('sha256').update(Buffer.from('jürg@example.chSälz', 'utf8')).digest('hex');
    expect(hashIdentity({ identity: 'jürg@example.ch', salt: 'Sälz' }).identityHash).toBe(
      `sha256$${expected}`,
    );
  });

  it('trims and lower-cases email addresses, so the same address always gives the same hash', () => {
    expect(hashIdentity({ identity: '  A@Example.COM ', salt: 'Kosher' }).identityHash).toBe(
      SPEC_EXAMPLE_HASH,
    );
  });

  it('leaves other identifier types exactly as given', () => {
    const hashed = hashIdentity({ identity: 'Student-42', salt: 's', identityType: 'sisSourcedId' });
    const expected = createHash('sha256').update('Student-42s', 'utf8').digest('hex');
    expect(hashed).toMatchObject({ identityHash: `sha256$${expected}`, identityType: 'sisSourcedId' });
  });

  it('produces an IdentityObject the schema accepts', () => {
    expect(
      IdentityObjectSchema.safeParse(hashIdentity({ identity: 'a@example.com', salt: 'x' })).success,
    ).toBe(true);
  });

  it('refuses an empty salt or an empty identity', () => {
    for (const options of [
      { identity: 'a@example.com', salt: '' },
      { identity: '   ', salt: 'x' },
    ]) {
      let error: unknown;
      try {
        hashIdentity(options);
      } catch (caught) {
        error = caught;
      }
      expect(isMicrocredError(error) && error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('matchesIdentity', () => {
  const identityObject = hashIdentity({ identity: 'a@example.com', salt: 'Kosher' });

  it('matches the address in any case and with surrounding spaces', () => {
    expect(matchesIdentity({ identityObject, identity: 'A@EXAMPLE.com ' })).toBe(true);
  });

  it('does not match another address or another salt', () => {
    expect(matchesIdentity({ identityObject, identity: 'b@example.com' })).toBe(false);
    expect(
      matchesIdentity({ identityObject: { ...identityObject, salt: 'other' }, identity: 'a@example.com' }),
    ).toBe(false);
  });

  it('matches md5 hashes, upper-case hex and plain identifiers', () => {
    const md5 = createHash('md5').update('a@example.comKosher').digest('hex').toUpperCase();
    expect(
      matchesIdentity({
        identityObject: { ...identityObject, identityHash: `md5$${md5}` },
        identity: 'a@example.com',
      }),
    ).toBe(true);
    const plain = {
      type: 'IdentityObject',
      hashed: false,
      identityHash: 'student@1edtech.edu',
      identityType: 'emailAddress',
    } as const;
    expect(matchesIdentity({ identityObject: plain, identity: 'Student@1EdTech.edu' })).toBe(true);
  });

  it('matches a hash another issuer made without lower-casing', () => {
    const raw = createHash('sha256').update('Mixed@Example.comS').digest('hex');
    const foreign = {
      type: 'IdentityObject',
      hashed: true,
      identityHash: `sha256$${raw}`,
      identityType: 'emailAddress',
      salt: 'S',
    } as const;
    expect(matchesIdentity({ identityObject: foreign, identity: 'Mixed@Example.com' })).toBe(true);
  });

  it('does not match an unknown hash algorithm', () => {
    expect(
      matchesIdentity({
        identityObject: { ...identityObject, identityHash: 'sha1$00' },
        identity: 'a@example.com',
      }),
    ).toBe(false);
  });
});
