import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../test/support/rejection.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { ServerErrorCode } from '../error/server-error.js';
import type { Platform } from '../platform.js';

/** The secret of the newest emailed link of this kind to `to`, as the recipient would click it. */
async function emailedSecret(
  platform: Platform,
  to: string,
  kind: 'claim' | 'signin' | 'account/emails/verify',
) {
  const mails = await platform.mail.list(500);
  const mail = mails.find(
    (item) => item.toAddress.toLowerCase() === to.toLowerCase() && item.textBody.includes(`/${kind}/`),
  );
  const secret = mail?.textBody.match(new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`))?.[1];
  if (secret === undefined) throw new Error(`no ${kind} mail to ${to}`);
  return secret;
}

describe.each(testDrivers())('earner accounts on %s', (driver) => {
  let test: TestPlatform;
  let platform: Platform;
  let achievementId: string;
  let now = new Date('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => now });
    platform = test.platform;
    achievementId = (await seedIssuer(platform)).achievement.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  async function issueTo(email: string) {
    return (await platform.credentials.issue(ADMIN, { achievementId, recipient: { email } })).record;
  }

  it('mails a claim link with the issuance; the link works once and attaches the credential to a new account', async () => {
    const record = await issueTo('grace@example.org');
    const secret = await emailedSecret(platform, 'grace@example.org', 'claim');
    expect((await platform.earners.viewClaim(secret)).credential.id).toBe(record.id);

    const { earnerId, credentialId } = await platform.earners.acceptClaim({
      secret,
      signedIn: null,
      locale: 'en',
    });
    expect(credentialId).toBe(record.id);
    const items = await platform.earners.portfolio(earnerId);
    expect(items).toMatchObject([
      { kind: 'issued', choice: 'accepted', visibility: 'public', standing: 'verified' },
    ]);

    expect(
      (await rejection(platform.earners.acceptClaim({ secret, signedIn: null, locale: 'en' }))).code,
    ).toBe(ServerErrorCode.NOT_FOUND);
    expect((await rejection(platform.earners.viewClaim(secret))).code).toBe(ServerErrorCode.NOT_FOUND);
  });

  it('refuses an expired claim link', async () => {
    await issueTo('late@example.org');
    const secret = await emailedSecret(platform, 'late@example.org', 'claim');
    const issuedAt = now;
    now = new Date(issuedAt.getTime() + 61 * 24 * 60 * 60 * 1000);
    try {
      expect(
        (await rejection(platform.earners.acceptClaim({ secret, signedIn: null, locale: 'en' }))).code,
      ).toBe(ServerErrorCode.NOT_FOUND);
    } finally {
      now = issuedAt;
    }
  });

  it('declines without an account, and the credential is then hidden from everyone', async () => {
    const record = await issueTo('nope@example.org');
    const secret = await emailedSecret(platform, 'nope@example.org', 'claim');
    await platform.earners.declineClaim({ secret });
    expect((await rejection(platform.earners.viewCredential(record.id, null))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
  });

  it('signs in by emailed link, the same account for the same address', async () => {
    await platform.earners.requestSignIn({ email: 'Grace@Example.org', locale: 'en' });
    const first = await platform.earners.signInWithLink({
      secret: await emailedSecret(platform, 'grace@example.org', 'signin'),
      locale: 'en',
    });
    const session = await platform.earners.startSession(first);
    expect((await platform.earners.ofSession(session))?.id).toBe(first);
    await platform.earners.endSession(session);
    expect(await platform.earners.ofSession(session)).toBeNull();

    const owner = (await platform.earners.portfolio(first))[0];
    expect(owner?.kind).toBe('issued');
  });

  it('gathers credentials sent to every confirmed address into one portfolio, and lets them go with the address', async () => {
    await platform.earners.requestSignIn({ email: 'multi@example.org', locale: 'en' });
    const earnerId = await platform.earners.signInWithLink({
      secret: await emailedSecret(platform, 'multi@example.org', 'signin'),
      locale: 'fr',
    });
    await platform.earners.addEmail(earnerId, { email: 'multi.work@example.org', locale: 'en' });
    const work = await issueTo('Multi.Work@example.org');
    expect(await platform.earners.portfolio(earnerId)).toEqual([]);

    expect(
      await platform.earners.verifyEmail(
        await emailedSecret(platform, 'multi.work@example.org', 'account/emails/verify'),
      ),
    ).toBe(earnerId);
    const items = await platform.earners.portfolio(earnerId);
    expect(items.map((item) => (item.kind === 'issued' ? item.credential.id : ''))).toEqual([work.id]);
    // Unclaimed credentials that land by address wait for the earner's choice, unseen on the portfolio.
    expect(items[0]).toMatchObject({ choice: 'pending', visibility: 'private' });

    const emails = await platform.earners.listEmails(earnerId);
    const personal = emails.find((email) => email.email === 'multi@example.org');
    const workEmail = emails.find((email) => email.email === 'multi.work@example.org');
    await platform.earners.removeEmail(earnerId, workEmail?.id ?? '');
    expect(await platform.earners.portfolio(earnerId)).toEqual([]);
    expect((await rejection(platform.earners.removeEmail(earnerId, personal?.id ?? ''))).code).toBe(
      ServerErrorCode.CONFLICT,
    );
  });

  it('refuses to confirm an address another account has confirmed', async () => {
    await platform.earners.requestSignIn({ email: 'intruder@example.org', locale: 'en' });
    const intruder = await platform.earners.signInWithLink({
      secret: await emailedSecret(platform, 'intruder@example.org', 'signin'),
      locale: 'en',
    });
    await platform.earners.addEmail(intruder, { email: 'grace@example.org', locale: 'en' });
    const secret = await emailedSecret(platform, 'grace@example.org', 'account/emails/verify');
    expect((await rejection(platform.earners.verifyEmail(secret))).code).toBe(ServerErrorCode.CONFLICT);
  });

  it('hides a private credential from everyone but its earner, and never changes the signed document', async () => {
    const record = await issueTo('private@example.org');
    const { earnerId } = await platform.earners.acceptClaim({
      secret: await emailedSecret(platform, 'private@example.org', 'claim'),
      signedIn: null,
      locale: 'en',
    });
    await platform.earners.choose(earnerId, record.id, { choice: 'accepted', visibility: 'private' });
    expect((await rejection(platform.earners.viewCredential(record.id, null))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
    const stranger = await platform.earners.signInWithLink({
      secret: await (async () => {
        await platform.earners.requestSignIn({ email: 'stranger@example.org', locale: 'en' });
        return emailedSecret(platform, 'stranger@example.org', 'signin');
      })(),
      locale: 'en',
    });
    expect((await rejection(platform.earners.viewCredential(record.id, stranger))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
    expect(
      (
        await rejection(
          platform.earners.choose(stranger, record.id, { choice: 'accepted', visibility: 'public' }),
        )
      ).code,
    ).toBe(ServerErrorCode.NOT_FOUND);
    expect((await platform.earners.viewCredential(record.id, earnerId)).viewerIsOwner).toBe(true);
    expect((await platform.credentials.read(earnerId, record.id)).credential.document).toEqual(
      record.document,
    );
  });

  it('exports everything as JSON and a CLR bundle, then deletes the account', async () => {
    const record = await issueTo('leaving@example.org');
    const { earnerId } = await platform.earners.acceptClaim({
      secret: await emailedSecret(platform, 'leaving@example.org', 'claim'),
      signedIn: null,
      locale: 'en',
    });
    await platform.earners.updatePublicProfile(earnerId, {
      headline: 'Leaving soon',
      links: [{ label: '', url: 'https://leaving.example.org/' }],
    });
    const data = await platform.earners.exportAccount(earnerId);
    expect(data).toMatchObject({
      profile: {
        headline: 'Leaving soon',
        links: [{ label: 'leaving.example.org', url: 'https://leaving.example.org/' }],
        featured: [],
      },
      emails: [{ email: 'leaving@example.org' }],
      credentials: [{ id: record.id, credential: record.document }],
    });
    const clr = await platform.earners.exportClrBundle(earnerId);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect((clr.credentialSubject as { verifiableCredential: unknown[] }).verifiableCredential).toEqual([
      record.document,
    ]);

    await platform.earners.deleteAccount(earnerId);
    expect((await rejection(platform.earners.get(earnerId))).code).toBe(ServerErrorCode.NOT_FOUND);
    // The credential stays issued and, unclaimed again, visible at its link.
    expect((await platform.earners.viewCredential(record.id, null)).owner).toBeNull();
  });
});
