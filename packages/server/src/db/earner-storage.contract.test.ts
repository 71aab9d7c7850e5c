import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/rejection.js';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { CredentialRecord } from '../domain/ports/credential-repository.js';
import type { Earner } from '../domain/ports/earner-repository.js';
import type { Repositories, Storage } from '../domain/ports/storage.js';
import { createPgStorage } from './create-pg-storage.js';
import type { DatabaseHandle } from './open-database.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';

const AT = new Date('2025-03-01T10:00:00Z');
const LATER = new Date('2025-03-02T10:00:00Z');

function tag(): string {
  return randomBytes(4).toString('hex');
}

describe.each(testDrivers())('earner storage contract on %s', (driver) => {
  let database: DatabaseHandle;
  let storage: Storage;

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    storage = createPgStorage({ db: database.db });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Credentials issued to `lookupHash`, and a published pathway to follow. */
  async function issuedTo(lookupHash: string, count: number) {
    const issuer = await storage.issuers.create({ slug: `issuer-${tag()}`, name: 'Issuer' });
    const achievement = await storage.achievements.create({
      issuerId: issuer.id,
      name: 'Data Literacy',
      document: { type: ['Achievement'], name: 'Data Literacy' },
    });
    const credentials: CredentialRecord[] = [];
    for (let index = 0; index < count; index++) {
      const { credential } = await storage.credentials.insert({
        id: randomUUID(),
        issuerId: issuer.id,
        achievementId: achievement.id,
        recipientLookupHash: lookupHash,
        format: 'di',
        document: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
        issuedAt: new Date(AT.getTime() + index * 1000),
      });
      credentials.push(credential);
    }
    const pathway = await storage.pathways.create({
      issuerId: issuer.id,
      name: 'Pathway',
      description: null,
      status: 'published',
      version: {
        rules: {
          completionAchievementId: achievement.id,
          requirement: {
            type: 'all-of',
            children: [{ type: 'achievement', achievementId: achievement.id, credits: null, hours: null }],
          },
        },
        requiredAchievementIds: [achievement.id],
        milestoneAchievementIds: [],
      },
    });
    return { credentials, pathwayId: pathway.pathway.id };
  }

  /** An account with a verified address, a session, a sign-in link, an import and a followed pathway. */
  async function anAccountOwningEverything(
    repositories: Repositories,
    world: { readonly lookupHash: string; readonly pathwayId: string },
  ): Promise<{
    readonly earner: Earner;
    readonly session: string;
    readonly link: string;
    readonly importId: string;
  }> {
    const earner = await repositories.earners.create({ displayName: 'Ada', locale: 'en' });
    await repositories.earnerEmails.put({
      earnerId: earner.id,
      email: `ada-${tag()}@example.org`,
      lookupHash: world.lookupHash,
      verifiedAt: AT,
    });
    const session = `session-${tag()}`;
    await repositories.earnerSessions.create({ tokenHash: session, earnerId: earner.id, expiresAt: LATER });
    const link = `link-${tag()}`;
    await repositories.emailTokens.create([
      {
        tokenHash: link,
        purpose: 'verify-email',
        email: `ada-${tag()}@example.org`,
        earnerId: earner.id,
        credentialId: null,
        createdAt: AT,
        expiresAt: LATER,
      },
    ]);
    const imported = await repositories.importedCredentials.insert({
      earnerId: earner.id,
      document: { type: ['VerifiableCredential'] },
      jwt: null,
      sourceUrl: null,
      verified: true,
      report: { verified: true },
      importedAt: AT,
    });
    await repositories.pathwayFollows.follow({ earnerId: earner.id, pathwayId: world.pathwayId });
    return { earner, session, link, importId: imported.id };
  }

  it('writes through every earner port in one transaction, and undoes them all when it fails', async () => {
    const lookupHash = `hash-${tag()}`;
    const { credentials, pathwayId } = await issuedTo(lookupHash, 1);
    const credentialId = credentials[0]?.id ?? '';
    let written: Awaited<ReturnType<typeof anAccountOwningEverything>> | undefined;
    const failure = storage.transaction(async (repositories) => {
      written = await anAccountOwningEverything(repositories, { lookupHash, pathwayId });
      await repositories.portfolios.putChoice({
        credentialId,
        earnerId: written.earner.id,
        choice: 'accepted',
        visibility: 'public',
        at: AT,
      });
      throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'changed my mind');
    });
    expect((await rejection(failure)).message).toBe('changed my mind');
    if (written === undefined) throw new Error('the transaction wrote nothing');
    expect(await storage.earners.findById({ id: written.earner.id })).toBeNull();
    expect(await storage.earnerEmails.findVerified({ lookupHash })).toBeNull();
    expect(await storage.earnerSessions.findEarnerId({ tokenHash: written.session, at: AT })).toBeNull();
    expect(await storage.emailTokens.find({ tokenHash: written.link })).toBeNull();
    expect(await storage.importedCredentials.find({ id: written.importId })).toBeNull();
    expect(await storage.pathwayFollows.list({ earnerId: written.earner.id })).toEqual([]);
    expect(await storage.portfolios.findChoice({ credentialId })).toBeNull();
    expect(await storage.portfolios.findOwner({ credentialId })).toBeNull();
  });

  it('deletes an account with all it owns, keeping its declined and private choices without a name', async () => {
    const lookupHash = `hash-${tag()}`;
    const { credentials, pathwayId } = await issuedTo(lookupHash, 3);
    const [declined, hidden, shown] = credentials.map((credential) => credential.id);
    if (declined === undefined || hidden === undefined || shown === undefined)
      throw new Error('no credentials');
    const owned = await anAccountOwningEverything(storage, { lookupHash, pathwayId });
    const earnerId = owned.earner.id;
    await storage.portfolios.putChoice({
      credentialId: declined,
      earnerId,
      choice: 'declined',
      visibility: 'private',
      at: AT,
    });
    await storage.portfolios.putChoice({
      credentialId: hidden,
      earnerId,
      choice: 'accepted',
      visibility: 'private',
      at: AT,
    });
    await storage.portfolios.putChoice({
      credentialId: shown,
      earnerId,
      choice: 'accepted',
      visibility: 'public',
      at: AT,
    });
    expect(
      (await storage.portfolios.listCredentials({ earnerId })).map((credential) => credential.id),
    ).toEqual([shown, hidden, declined]);
    expect(await storage.portfolios.findOwner({ credentialId: shown })).toBe(earnerId);
    const photo = {
      earnerId,
      digest: 'a1b2c3d4e5f60718',
      small: new Uint8Array([1]),
      large: new Uint8Array([2]),
    };
    await storage.earnerPhotos.put({ ...photo, updatedAt: AT });

    await storage.earners.delete({ id: earnerId });

    expect(await storage.earners.findById({ id: earnerId })).toBeNull();
    expect(await storage.earnerEmails.list({ earnerId })).toEqual([]);
    expect(await storage.earnerSessions.findEarnerId({ tokenHash: owned.session, at: AT })).toBeNull();
    expect(await storage.emailTokens.find({ tokenHash: owned.link })).toBeNull();
    expect(await storage.importedCredentials.find({ id: owned.importId })).toBeNull();
    expect(await storage.pathwayFollows.list({ earnerId })).toEqual([]);
    expect(await storage.earnerPhotos.find({ earnerId })).toBeNull();
    expect(
      await storage.earnerPhotos.readBytes({ earnerId, digest: photo.digest, size: 'large' }),
    ).toBeNull();
    expect(await storage.portfolios.findOwner({ credentialId: shown })).toBeNull();
    expect(await storage.portfolios.findChoice({ credentialId: shown })).toBeNull();
    expect(await storage.portfolios.findChoice({ credentialId: declined })).toMatchObject({
      earnerId: null,
      choice: 'declined',
    });
    expect(await storage.portfolios.findChoice({ credentialId: hidden })).toMatchObject({
      earnerId: null,
      visibility: 'private',
    });
  });

  it('keeps one profile photo per earner, its bytes readable only under its current digest', async () => {
    const { id: earnerId } = await storage.earners.create({ displayName: 'Ada', locale: 'en' });
    expect(await storage.earnerPhotos.find({ earnerId })).toBeNull();
    const first = {
      earnerId,
      digest: '0000000000000001',
      small: new Uint8Array([1, 1]),
      large: new Uint8Array([1, 2]),
    };
    expect(await storage.earnerPhotos.put({ ...first, updatedAt: AT })).toEqual({
      earnerId,
      digest: first.digest,
      updatedAt: AT,
    });
    expect(await storage.earnerPhotos.readBytes({ earnerId, digest: first.digest, size: 'small' })).toEqual(
      new Uint8Array([1, 1]),
    );
    expect(await storage.earnerPhotos.readBytes({ earnerId, digest: first.digest, size: 'large' })).toEqual(
      new Uint8Array([1, 2]),
    );

    const second = {
      earnerId,
      digest: '0000000000000002',
      small: new Uint8Array([2, 1]),
      large: new Uint8Array([2, 2]),
    };
    await storage.earnerPhotos.put({ ...second, updatedAt: LATER });
    expect(await storage.earnerPhotos.find({ earnerId })).toEqual({
      earnerId,
      digest: second.digest,
      updatedAt: LATER,
    });
    expect(
      await storage.earnerPhotos.readBytes({ earnerId, digest: first.digest, size: 'large' }),
    ).toBeNull();
    expect(await storage.earnerPhotos.readBytes({ earnerId, digest: second.digest, size: 'large' })).toEqual(
      new Uint8Array([2, 2]),
    );

    expect(await storage.earnerPhotos.delete({ earnerId })).toBe(true);
    expect(await storage.earnerPhotos.delete({ earnerId })).toBe(false);
    expect(await storage.earnerPhotos.find({ earnerId })).toBeNull();
    expect(
      await storage.earnerPhotos.readBytes({ earnerId, digest: second.digest, size: 'small' }),
    ).toBeNull();
    expect(await storage.earnerPhotos.find({ earnerId: 'not-a-uuid' })).toBeNull();
  });

  it('uses an email link once, and not after it expires or for another purpose', async () => {
    const link = `link-${tag()}`;
    await storage.emailTokens.create([
      {
        tokenHash: link,
        purpose: 'sign-in',
        email: 'grace@example.org',
        earnerId: null,
        credentialId: null,
        createdAt: AT,
        expiresAt: LATER,
      },
    ]);
    expect(await storage.emailTokens.use({ tokenHash: link, purpose: 'claim', at: AT })).toBeNull();
    expect(await storage.emailTokens.use({ tokenHash: link, purpose: 'sign-in', at: LATER })).toBeNull();
    expect(await storage.emailTokens.use({ tokenHash: link, purpose: 'sign-in', at: AT })).toMatchObject({
      email: 'grace@example.org',
      usedAt: AT,
    });
    expect(await storage.emailTokens.use({ tokenHash: link, purpose: 'sign-in', at: AT })).toBeNull();
    expect((await storage.emailTokens.find({ tokenHash: link }))?.usedAt).toEqual(AT);
  });

  it('stores the portfolio header and featured ids, and changes only what an update names', async () => {
    const created = await storage.earners.create({ displayName: 'Ada', locale: 'en' });
    expect(created).toMatchObject({ headline: null, links: [], featured: [] });
    const featured = [randomUUID(), randomUUID()];
    await storage.earners.update({
      id: created.id,
      headline: 'Data analyst',
      links: [{ label: 'Site', url: 'https://ada.example.org/' }],
      featured,
    });
    const renamed = await storage.earners.update({ id: created.id, displayName: 'Ada L.' });
    expect(renamed).toMatchObject({
      displayName: 'Ada L.',
      headline: 'Data analyst',
      links: [{ label: 'Site', url: 'https://ada.example.org/' }],
      featured,
    });
    expect((await storage.earners.findById({ id: created.id }))?.featured).toEqual(featured);
  });

  it('keeps a confirmed address on one account: confirming it on another is a conflict', async () => {
    const lookupHash = `hash-${tag()}`;
    const first = await storage.earners.create({ displayName: null, locale: 'en' });
    const second = await storage.earners.create({ displayName: null, locale: 'fr' });
    const email = `Shared-${tag()}@Example.org`;
    await storage.earnerEmails.put({ earnerId: first.id, email, lookupHash, verifiedAt: AT });
    const unconfirmed = await storage.earnerEmails.put({
      earnerId: second.id,
      email,
      lookupHash,
      verifiedAt: null,
    });
    expect(unconfirmed).toMatchObject({ email: email.toLowerCase(), verifiedAt: null });
    const conflict = storage.earnerEmails.put({ earnerId: second.id, email, lookupHash, verifiedAt: LATER });
    expect((await rejection(conflict)).code).toBe(ServerErrorCode.CONFLICT);
    expect((await storage.earnerEmails.findVerified({ lookupHash }))?.earnerId).toBe(first.id);
    expect(await storage.earnerEmails.remove({ earnerId: first.id, emailId: unconfirmed.id })).toBe(false);
    expect(await storage.earnerEmails.remove({ earnerId: second.id, emailId: unconfirmed.id })).toBe(true);
  });

  it('counts in public only the holders anyone may see: not private, declined, awaiting a choice or revoked', async () => {
    const issuer = await storage.issuers.create({ slug: `issuer-${tag()}`, name: 'Issuer' });
    const achievement = await storage.achievements.create({
      issuerId: issuer.id,
      name: 'Data Literacy',
      document: { type: ['Achievement'], name: 'Data Literacy' },
    });
    const issue = async (recipient: { recipientLookupHash: string } | { recipientDid: string }) =>
      (
        await storage.credentials.insert({
          id: randomUUID(),
          issuerId: issuer.id,
          achievementId: achievement.id,
          ...recipient,
          format: 'di',
          document: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
          issuedAt: AT,
        })
      ).credential.id;
    /** A recipient with an account whose address is confirmed, so the credentials sent to it are theirs. */
    const account = async () => {
      const lookupHash = `hash-${tag()}`;
      const earner = await storage.earners.create({ displayName: null, locale: 'en' });
      await storage.earnerEmails.put({
        earnerId: earner.id,
        email: `${tag()}@example.org`,
        lookupHash,
        verifiedAt: AT,
      });
      return { lookupHash, earnerId: earner.id };
    };
    const decide = (
      credentialId: string,
      earnerId: string,
      choice: 'accepted' | 'declined',
      shown: boolean,
    ) =>
      storage.portfolios.putChoice({
        credentialId,
        earnerId,
        choice,
        visibility: shown ? 'public' : 'private',
        at: AT,
      });

    // Counted: in no portfolio yet (an address nobody confirmed), sent to a DID, and accepted and public
    // (once, although its holder keeps a second one private).
    const unconfirmed = `hash-${tag()}`;
    const stranger = await storage.earners.create({ displayName: null, locale: 'en' });
    await storage.earnerEmails.put({
      earnerId: stranger.id,
      email: `${tag()}@example.org`,
      lookupHash: unconfirmed,
      verifiedAt: null,
    });
    await issue({ recipientLookupHash: unconfirmed });
    await issue({ recipientDid: `did:example:${tag()}` });
    const shown = await account();
    await decide(await issue({ recipientLookupHash: shown.lookupHash }), shown.earnerId, 'accepted', true);
    await decide(await issue({ recipientLookupHash: shown.lookupHash }), shown.earnerId, 'accepted', false);
    // Not counted: private, declined, in a portfolio awaiting its earner's choice, public but revoked.
    const hidden = await account();
    await decide(await issue({ recipientLookupHash: hidden.lookupHash }), hidden.earnerId, 'accepted', false);
    const declined = await account();
    await decide(
      await issue({ recipientLookupHash: declined.lookupHash }),
      declined.earnerId,
      'declined',
      false,
    );
    const awaiting = await account();
    await issue({ recipientLookupHash: awaiting.lookupHash });
    const revoked = await account();
    const revokedId = await issue({ recipientLookupHash: revoked.lookupHash });
    await decide(revokedId, revoked.earnerId, 'accepted', true);
    await storage.credentials.revoke({ id: revokedId, reason: 'issued in error', at: LATER });

    const counts = await storage.credentials.countEarners({ achievementIds: [achievement.id] });
    expect(counts.get(achievement.id)).toBe(3);

    // Made private later, its holder's last public one no longer counts.
    for (const credential of await storage.portfolios.listCredentials({ earnerId: shown.earnerId }))
      await decide(credential.id, shown.earnerId, 'accepted', false);
    const after = await storage.credentials.countEarners({ achievementIds: [achievement.id] });
    expect(after.get(achievement.id)).toBe(2);
  });
});
