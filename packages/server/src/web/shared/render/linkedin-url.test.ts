import { ErrorCode } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl } from './linkedin-url.js';

const base = {
  name: 'Data Stewardship',
  organizationName: 'Example University',
  issuedAt: new Date('2026-03-15T12:00:00Z'),
  certUrl: 'https://badges.example.org/c/42',
  certId: 'urn:uuid:42',
};

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('linkedInAddToProfileUrl', () => {
  it('builds the exact URL with parameters in LinkedIn’s order', () => {
    expect(
      linkedInAddToProfileUrl({
        ...base,
        organizationId: '1337',
        expiresAt: new Date('2028-03-15T00:00:00Z'),
      }),
    ).toBe(
      'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Data+Stewardship' +
        '&organizationId=1337&issueYear=2026&issueMonth=3&expirationYear=2028&expirationMonth=3' +
        '&certUrl=https%3A%2F%2Fbadges.example.org%2Fc%2F42&certId=urn%3Auuid%3A42',
    );
  });

  it('counts months from 1, in UTC, at month boundaries', () => {
    // Node applies a changed TZ at once; zones on either side of UTC put these instants in another month.
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const january = params(
        linkedInAddToProfileUrl({ ...base, issuedAt: new Date('2026-01-01T00:10:00Z') }),
      );
      expect([january.issueYear, january.issueMonth]).toEqual(['2026', '1']);
      process.env.TZ = 'Pacific/Kiritimati';
      const december = params(
        linkedInAddToProfileUrl({ ...base, issuedAt: new Date('2026-12-31T23:30:00Z') }),
      );
      expect([december.issueYear, december.issueMonth]).toEqual(['2026', '12']);
      const expiring = params(
        linkedInAddToProfileUrl({ ...base, expiresAt: new Date('2029-12-31T23:59:59Z') }),
      );
      expect([expiring.expirationYear, expiring.expirationMonth]).toEqual(['2029', '12']);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('prefers the organisation id over its name', () => {
    const withId = params(linkedInAddToProfileUrl({ ...base, organizationId: '1337' }));
    expect(withId.organizationId).toBe('1337');
    expect(withId).not.toHaveProperty('organizationName');
  });

  it.each([undefined, null, ''])(
    'falls back to the organisation name when the id is %j',
    (organizationId) => {
      const url = linkedInAddToProfileUrl({ ...base, organizationId });
      expect(url).toContain('&organizationName=Example+University&issueYear=');
      expect(url).not.toContain('organizationId');
    },
  );

  it.each([undefined, null])('leaves out the expiry when expiresAt is %j', (expiresAt) => {
    const url = linkedInAddToProfileUrl({ ...base, expiresAt });
    expect(url).not.toContain('expiration');
    expect(url).toContain('&issueMonth=3&certUrl=');
  });

  it('encodes ampersands, equals signs and Unicode so they cannot break the query', () => {
    const url = linkedInAddToProfileUrl({
      ...base,
      name: 'R&D = Zoë’s 中文 badge',
      organizationName: 'Müller & Söhne',
      certUrl: 'https://example.org/c?id=1&lang=de',
    });
    expect(url).toContain('name=R%26D+%3D+Zo%C3%AB%E2%80%99s+%E4%B8%AD%E6%96%87+badge&');
    expect(params(url)).toMatchObject({
      name: 'R&D = Zoë’s 中文 badge',
      organizationName: 'Müller & Söhne',
      certUrl: 'https://example.org/c?id=1&lang=de',
    });
  });

  it('refuses an invalid date rather than sending NaN', () => {
    expect(() => linkedInAddToProfileUrl({ ...base, issuedAt: new Date('not a date') })).toThrow(
      expect.objectContaining({ code: ErrorCode.MALFORMED_VALUE_ERROR }),
    );
  });
});
