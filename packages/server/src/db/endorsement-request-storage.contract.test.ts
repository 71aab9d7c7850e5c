import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEndorsementRequest } from '../domain/ports/endorsement-request-repository.js';
import type { Storage } from '../domain/ports/storage.js';
import { createPgStorage } from './create-pg-storage.js';
import type { DatabaseHandle } from './open-database.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';

const AT = new Date('2026-03-01T10:00:00Z');

function tag(): string {
  return randomBytes(4).toString('hex');
}

describe.each(testDrivers())('endorsement request storage contract on %s', (driver) => {
  let database: DatabaseHandle;
  let storage: Storage;

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    storage = createPgStorage({ db: database.db });
  });
  afterAll(async () => {
    await database?.close();
  });

  /** An issuer with an achievement, another issuer and an employer, each new. */
  async function world() {
    const requester = await storage.issuers.create({ slug: `school-${tag()}`, name: 'School' });
    const other = await storage.issuers.create({ slug: `college-${tag()}`, name: 'College' });
    const employer = await storage.employers.create({ slug: `acme-${tag()}`, name: 'Acme' });
    const achievement = await storage.achievements.create({
      issuerId: requester.id,
      name: 'SQL',
      document: { type: ['Achievement'], name: 'SQL' },
    });
    const base: Omit<NewEndorsementRequest, 'targetEmployerId' | 'targetIssuerId' | 'invitedEmail'> = {
      achievementId: achievement.id,
      requesterIssuerId: requester.id,
      message: 'Please.',
      sampleCredentialId: null,
      createdBy: 'ivy@school.example',
    };
    return { requester, other, employer, achievement, base };
  }

  it('stores a request to each kind of organisation and finds it by requester and by target', async () => {
    const { requester, other, employer, achievement, base } = await world();
    const toEmployer = await storage.endorsementRequests.insert({
      ...base,
      targetEmployerId: employer.id,
      targetIssuerId: null,
      invitedEmail: null,
    });
    expect(toEmployer).toMatchObject({
      achievementId: achievement.id,
      state: 'pending',
      responseComment: null,
      endorsementId: null,
      respondedAt: null,
    });
    const toIssuer = await storage.endorsementRequests.insert({
      ...base,
      targetEmployerId: null,
      targetIssuerId: other.id,
      invitedEmail: null,
    });
    const toAddress = await storage.endorsementRequests.insert({
      ...base,
      targetEmployerId: null,
      targetIssuerId: null,
      invitedEmail: 'hr@acme.example',
    });
    expect(await storage.endorsementRequests.findById({ id: toIssuer.id })).toEqual(toIssuer);
    expect(await storage.endorsementRequests.findById({ id: 'nope' })).toBeNull();
    const sent = await storage.endorsementRequests.listByRequester({ requesterIssuerId: requester.id });
    expect(new Set(sent.map((request) => request.id))).toEqual(
      new Set([toEmployer.id, toIssuer.id, toAddress.id]),
    );
    const received = await storage.endorsementRequests.listByTarget({
      employerId: employer.id,
      invitedEmails: ['hr@acme.example'],
    });
    expect(new Set(received.map((request) => request.id))).toEqual(new Set([toEmployer.id, toAddress.id]));
    expect(await storage.endorsementRequests.listByTarget({})).toEqual([]);
    expect(
      (
        await storage.endorsementRequests.findPending({
          achievementId: achievement.id,
          invitedEmail: 'hr@acme.example',
        })
      )?.id,
    ).toBe(toAddress.id);
  });

  it('keeps one pending request per achievement and organisation, even past the domain’s check', async () => {
    const { employer, base } = await world();
    const first = await storage.endorsementRequests.insert({
      ...base,
      targetEmployerId: employer.id,
      targetIssuerId: null,
      invitedEmail: null,
    });
    const again = () =>
      storage.endorsementRequests.insert({
        ...base,
        targetEmployerId: employer.id,
        targetIssuerId: null,
        invitedEmail: null,
      });
    await expect(again()).rejects.toMatchObject({ code: 'CONFLICT' });
    await storage.endorsementRequests.respond({
      id: first.id,
      state: 'declined',
      responseComment: null,
      endorsementId: null,
      targetEmployerId: null,
      respondedBy: 'hr@acme.example',
      at: AT,
    });
    expect((await again()).state).toBe('pending');
  });

  it('answers a pending request once: a comment keeps it open, a decision closes it', async () => {
    const { employer, base } = await world();
    const address = `hr-${tag()}@acme.example`;
    const request = await storage.endorsementRequests.insert({
      ...base,
      targetEmployerId: null,
      targetIssuerId: null,
      invitedEmail: address,
    });
    const answer = (state: 'pending' | 'declined', responseComment: string | null) =>
      storage.endorsementRequests.respond({
        id: request.id,
        state,
        responseComment,
        endorsementId: null,
        targetEmployerId: state === 'pending' ? null : employer.id,
        respondedBy: 'hr@acme.example',
        at: AT,
      });
    expect(await answer('pending', 'Which projects?')).toMatchObject({
      state: 'pending',
      responseComment: 'Which projects?',
      targetEmployerId: null,
      respondedAt: AT,
    });
    const declined = await answer('declined', null);
    // The comment stays when the decision adds none; the employer that answered the address is kept.
    expect(declined).toMatchObject({
      state: 'declined',
      responseComment: 'Which projects?',
      targetEmployerId: employer.id,
      invitedEmail: address,
    });
    expect(await answer('declined', 'Again')).toBeNull();
    // Once an employer took it over, other employers' staff addresses no longer reach it.
    expect(await storage.endorsementRequests.listByTarget({ invitedEmails: [address] })).toEqual([]);
  });

  it('refuses a request with no organisation or with two', async () => {
    const { other, employer, base } = await world();
    await expect(
      storage.endorsementRequests.insert({
        ...base,
        targetEmployerId: null,
        targetIssuerId: null,
        invitedEmail: null,
      }),
    ).rejects.toThrow();
    await expect(
      storage.endorsementRequests.insert({
        ...base,
        targetEmployerId: employer.id,
        targetIssuerId: other.id,
        invitedEmail: null,
      }),
    ).rejects.toThrow();
  });
});
