import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';

describe.each(testDrivers())('endorsement requests on %s', (driver) => {
  let test: TestPlatform;
  let schoolId: string;
  let otherIssuerId: string;
  let acmeId: string;
  let globexId: string;
  let sqlId: string;
  let chartsId: string;
  let draftId: string;
  let school: Actor;
  let schoolViewer: Actor;
  let acme: Actor;
  let acmeViewer: Actor;
  let globex: Actor;
  let otherIssuer: Actor;
  /** Mails already in the outbox before a test: each test reads only its own. */
  let seen = 0;

  const newMails = async () => {
    const all = await test.platform.context.storage.mailOutbox.list({ limit: 500 });
    const fresh = all.slice(0, all.length - seen);
    seen = all.length;
    return fresh;
  };

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    schoolId = (await test.platform.issuers.create(ADMIN, { slug: 'data-school', name: 'Data School' })).id;
    otherIssuerId = (
      await test.platform.issuers.create(ADMIN, { slug: 'tech-college', name: 'Tech College' })
    ).id;
    const create = async (name: string, status: 'draft' | 'published') =>
      (
        await test.platform.achievements.create(ADMIN, {
          issuerId: schoolId,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          status,
        })
      ).id;
    sqlId = await create('SQL for Analysts', 'published');
    chartsId = await create('Charts', 'published');
    draftId = await create('Unfinished', 'draft');
    acmeId = (
      await test.platform.employers.create(ADMIN, {
        slug: 'acme',
        name: 'Acme Analytics',
        ownerEmail: 'boss@acme.example',
      })
    ).id;
    await test.platform.employers.invite(ADMIN, acmeId, { email: 'looker@acme.example', role: 'viewer' });
    globexId = (await test.platform.employers.create(ADMIN, { slug: 'globex', name: 'Globex' })).id;
    await test.platform.members.add(ADMIN, schoolId, { email: 'owner@school.example', role: 'owner' });
    school = { kind: 'member', issuerId: schoolId, role: 'issuer', label: 'ivy@school.example' };
    schoolViewer = { kind: 'member', issuerId: schoolId, role: 'viewer' };
    otherIssuer = { kind: 'member', issuerId: otherIssuerId, role: 'owner', label: 'dean@tech.example' };
    acme = { kind: 'employer', employerId: acmeId, role: 'recruiter', label: 'boss@acme.example' };
    acmeViewer = { kind: 'employer', employerId: acmeId, role: 'viewer' };
    globex = { kind: 'employer', employerId: globexId, role: 'owner', label: 'ceo@globex.example' };
  });
  beforeEach(async () => {
    await newMails();
  });
  afterAll(async () => {
    await test?.close();
  });

  it('asks an employer, mails its owners and recruiters, and lists the request on both sides', async () => {
    const request = await test.platform.endorsementRequests.request(school, {
      achievementId: sqlId,
      employerId: acmeId,
      message: '  We built this course with analysts like yours.  ',
    });
    expect(request).toMatchObject({
      state: 'pending',
      message: 'We built this course with analysts like yours.',
      achievement: { id: sqlId, name: 'SQL for Analysts' },
      requester: { id: schoolId, name: 'Data School' },
      target: { kind: 'employer', id: acmeId, name: 'Acme Analytics' },
      createdBy: 'ivy@school.example',
    });
    const mails = await newMails();
    expect(mails.map((mail) => mail.toAddress)).toEqual(['boss@acme.example']);
    expect(mails[0]?.subject).toBe('Data School asks you to endorse “SQL for Analysts”');
    expect(mails[0]?.textBody).toContain(`/employer/acme/endorsement-requests/${request.id}`);
    const incoming = await test.platform.endorsementRequests.list(acmeViewer, {
      direction: 'incoming',
      organisationId: acmeId,
    });
    expect(incoming.map((item) => item.id)).toEqual([request.id]);
    const outgoing = await test.platform.endorsementRequests.list(schoolViewer, {
      direction: 'outgoing',
      organisationId: schoolId,
    });
    expect(outgoing.map((item) => item.id)).toEqual([request.id]);
    expect(
      await test.platform.endorsementRequests.list(globex, {
        direction: 'incoming',
        organisationId: globexId,
      }),
    ).toEqual([]);
  });

  it('refuses a second pending request for the same achievement and organisation', async () => {
    await expect(
      test.platform.endorsementRequests.request(school, { achievementId: sqlId, employerId: acmeId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('endorses as asked: a signed endorsement with the comment, linked, and the requester told', async () => {
    const [request] = await test.platform.endorsementRequests.list(acme, {
      direction: 'incoming',
      organisationId: acmeId,
    });
    await expect(
      test.platform.endorsementRequests.endorse(acmeViewer, request?.id ?? '', { comment: 'Yes.' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      test.platform.endorsementRequests.endorse(globex, request?.id ?? '', { comment: 'Yes.' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const endorsed = await test.platform.endorsementRequests.endorse(acme, request?.id ?? '', {
      comment: 'We hire on it.',
    });
    expect(endorsed).toMatchObject({ state: 'endorsed', responseComment: 'We hire on it.' });
    expect(endorsed.respondedAt).not.toBeNull();
    const endorsement = await test.platform.endorsements.get(endorsed.endorsementId ?? '');
    expect(endorsement).toMatchObject({
      comment: 'We hire on it.',
      endorser: { id: acmeId, kind: 'employer' },
      subject: { kind: 'achievement', id: sqlId },
    });
    expect((await test.platform.verify(endorsement.document)).verified).toBe(true);
    const mails = await newMails();
    expect(mails.map((mail) => mail.toAddress)).toEqual(['ivy@school.example']);
    expect(mails[0]?.subject).toBe('Acme Analytics endorses “SQL for Analysts”');
    expect(mails[0]?.textBody).toContain('/console/data-school/endorsement-requests');
    // Answered is final, and an organisation that endorses already is not asked again.
    await expect(
      test.platform.endorsementRequests.decline(acme, request?.id ?? '', {}),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      test.platform.endorsementRequests.request(school, { achievementId: sqlId, employerId: acmeId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps a comment alone pending, then declines, telling the issuer’s owners when a key asked', async () => {
    const request = await test.platform.endorsementRequests.request(
      { kind: 'member', issuerId: schoolId, role: 'issuer', label: 'API key CI' },
      { achievementId: chartsId, issuerId: otherIssuerId, message: 'Would you?' },
    );
    expect(request.target).toEqual({ kind: 'issuer', id: otherIssuerId, name: 'Tech College' });
    await newMails();
    const commented = await test.platform.endorsementRequests.comment(otherIssuer, request.id, {
      comment: 'Which projects do learners do?',
    });
    expect(commented).toMatchObject({ state: 'pending', responseComment: 'Which projects do learners do?' });
    expect((await newMails()).map((mail) => [mail.toAddress, mail.subject])).toEqual([
      ['owner@school.example', 'Tech College commented on your request for “Charts”'],
    ]);
    const declined = await test.platform.endorsementRequests.decline(otherIssuer, request.id, {});
    expect(declined).toMatchObject({
      state: 'declined',
      responseComment: 'Which projects do learners do?',
      endorsementId: null,
    });
    // The decline itself said nothing: the earlier comment stays on the request, not in this mail.
    const [mail] = await newMails();
    expect(mail?.subject).toBe('Tech College declined to endorse “Charts”');
    expect(mail?.textBody).toContain('They left no comment.');
  });

  it('invites an address; only the staff member signed in with that address sees and answers it', async () => {
    const request = await test.platform.endorsementRequests.request(school, {
      achievementId: chartsId,
      email: 'Hiring@Globex.example',
      message: 'Please.',
    });
    expect(request.target).toEqual({ kind: 'email', id: null, name: 'hiring@globex.example' });
    const [mail] = await newMails();
    expect(mail?.toAddress).toBe('hiring@globex.example');
    expect(mail?.textBody).toContain('https://badges.example.edu/employer');
    expect(mail?.textBody).toContain('Sign in with this address');
    const incoming = (actor: Actor, employerId = globexId) =>
      test.platform.endorsementRequests.list(actor, { direction: 'incoming', organisationId: employerId });
    const hiring: Actor = {
      kind: 'employer',
      employerId: globexId,
      role: 'recruiter',
      label: 'hiring@globex.example',
    };
    // Colleagues, another employer's staff, and an API key labelled with the address (its owner writes the
    // label) see nothing and answer nothing: the address's holder decides for whom they answer.
    const key: Actor = { ...hiring, apiKeyId: randomUUID() };
    const ids = async (actor: Actor, employerId?: string) =>
      (await incoming(actor, employerId)).map((item) => item.id);
    expect(await ids(globex)).not.toContain(request.id);
    expect(await ids(acme, acmeId)).not.toContain(request.id);
    expect(await ids(key)).not.toContain(request.id);
    for (const actor of [globex, acme, key]) {
      await expect(test.platform.endorsementRequests.decline(actor, request.id, {})).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await ids(hiring)).toContain(request.id);
    const endorsed = await test.platform.endorsementRequests.endorse(hiring, request.id, {
      comment: 'Good course.',
    });
    // The employer that answered takes the request over: its whole staff sees it from then on.
    expect(endorsed.target).toEqual({ kind: 'employer', id: globexId, name: 'Globex' });
    expect(endorsed.invitedEmail).toBe('hiring@globex.example');
    expect((await incoming(globex)).find((item) => item.id === request.id)?.state).toBe('endorsed');
  });

  it('lets the requester cancel a pending request, and nobody else', async () => {
    const request = await test.platform.endorsementRequests.request(school, {
      achievementId: chartsId,
      employerId: acmeId,
    });
    await expect(test.platform.endorsementRequests.cancel(acme, request.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(test.platform.endorsementRequests.cancel(schoolViewer, request.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const cancelled = await test.platform.endorsementRequests.cancel(school, request.id);
    expect(cancelled.state).toBe('cancelled');
    await expect(
      test.platform.endorsementRequests.endorse(acme, request.id, { comment: 'Late.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // Cancelled, it no longer blocks a new request.
    const again = await test.platform.endorsementRequests.request(school, {
      achievementId: chartsId,
      employerId: acmeId,
    });
    expect(again.state).toBe('pending');
  });

  it('refuses another issuer’s achievement, a draft, itself, strangers and bad input', async () => {
    await expect(
      test.platform.endorsementRequests.request(otherIssuer, { achievementId: sqlId, employerId: globexId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.endorsementRequests.request(acme, { achievementId: sqlId, employerId: globexId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.endorsementRequests.request(schoolViewer, { achievementId: sqlId, employerId: globexId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      test.platform.endorsementRequests.request(school, { achievementId: draftId, employerId: globexId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      test.platform.endorsementRequests.request(school, { achievementId: sqlId, issuerId: schoolId }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(
      test.platform.endorsementRequests.request(school, {
        achievementId: sqlId,
        employerId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const input of [
      { achievementId: sqlId, employerId: globexId, message: 'x'.repeat(2001) },
      { achievementId: sqlId, employerId: globexId, email: 'a@b.example' },
      { achievementId: sqlId },
      { achievementId: sqlId, email: 'not an address' },
    ]) {
      await expect(test.platform.endorsementRequests.request(school, input)).rejects.toBeInstanceOf(ZodError);
    }
    await expect(
      test.platform.endorsementRequests.list(globex, { direction: 'incoming', organisationId: acmeId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.endorsementRequests.list(acme, { direction: 'outgoing', organisationId: schoolId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('accepts a sample credential of the achievement only', async () => {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: sqlId,
      recipient: { email: 'sample@school.example' },
    });
    await expect(
      test.platform.endorsementRequests.request(school, {
        achievementId: chartsId,
        employerId: globexId,
        sampleCredentialId: issued.record.id,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    const request = await test.platform.endorsementRequests.request(school, {
      achievementId: sqlId,
      employerId: globexId,
      sampleCredentialId: issued.record.id,
    });
    expect(request.sampleCredentialId).toBe(issued.record.id);
    expect((await test.platform.endorsementRequests.get(globex, request.id)).id).toBe(request.id);
    await expect(test.platform.endorsementRequests.get(acme, request.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
