import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBulkLeases } from '../../test/support/expire-bulk-leases.js';
import { rejection } from '../../test/support/rejection.js';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { Achievement } from '../domain/ports/achievement-repository.js';
import type { NewCredential } from '../domain/ports/credential-repository.js';
import type { Issuer } from '../domain/ports/issuer-repository.js';
import type { Storage } from '../domain/ports/storage.js';
import { createPgStorage } from './create-pg-storage.js';
import type { DatabaseHandle } from './open-database.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';
import { MIGRATIONS_FOLDER, runMigrations } from './run-migrations.js';
import { credentials } from './schema/credentials.js';

// The migrator's journal, declared here only to count its rows.
const drizzleMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: integer('id'),
  hash: text('hash'),
});

const SHORT_LIST = 16;

function suffix(): string {
  return randomBytes(4).toString('hex');
}

describe.each(testDrivers())('storage contract on %s', (driver) => {
  let database: DatabaseHandle;
  let storage: Storage;
  // Same database, but new status lists hold 16 entries: lets a test fill one up.
  let shortListStorage: Storage;

  beforeAll(async () => {
    database = await openTestDatabase({ driver, migrate: false });
    await runMigrations(database);
    storage = createPgStorage({ db: database.db });
    shortListStorage = createPgStorage({ db: database.db, statusListLength: SHORT_LIST });
  });

  afterAll(async () => {
    await database?.close();
  });

  async function anIssuer(): Promise<Issuer> {
    const tag = suffix();
    return storage.issuers.create({ slug: `issuer-${tag}`, name: `Issuer ${tag}` });
  }

  async function anAchievement(issuer: Issuer): Promise<Achievement> {
    return storage.achievements.create({
      issuerId: issuer.id,
      name: 'Data Literacy',
      document: { type: ['Achievement'], name: 'Data Literacy' },
    });
  }

  function aCredential(
    issuer: Issuer,
    achievement: Achievement,
    extra: Partial<NewCredential> = {},
  ): NewCredential {
    return {
      id: randomUUID(),
      issuerId: issuer.id,
      achievementId: achievement.id,
      format: 'di',
      document: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
      issuedAt: new Date('2025-01-01T00:00:00Z'),
      ...extra,
    };
  }

  describe('migrations', () => {
    it('apply again without change, also when several processes start at once', async () => {
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      await runMigrations(database);
      await Promise.all([runMigrations(database), runMigrations(database)]);
      const [row] = await database.db.select({ applied: count() }).from(drizzleMigrations);
      expect(row?.applied).toBe(journal.entries.length);
      expect(await storage.issuers.list()).toBeInstanceOf(Array);
    });
  });

  describe('issuers', () => {
    it('creates, finds, lists and updates', async () => {
      const slug = `uni-${suffix()}`;
      const created = await storage.issuers.create({
        slug,
        name: 'Uni',
        url: 'https://uni.example',
        address: { addressCountry: 'NL', addressLocality: 'Utrecht' },
        image: { id: 'https://uni.example/logo.png', caption: 'logo' },
      });
      expect(created).toMatchObject({ slug, name: 'Uni', verified: false, email: null });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(await storage.issuers.findById({ id: created.id })).toEqual(created);
      expect(await storage.issuers.findBySlug({ slug })).toEqual(created);
      expect((await storage.issuers.list({ limit: 500 })).map((issuer) => issuer.id)).toContain(created.id);

      const updated = await storage.issuers.update({
        id: created.id,
        patch: { name: 'University', verified: true },
      });
      expect(updated).toMatchObject({ name: 'University', verified: true, url: 'https://uni.example' });
      expect(await storage.issuers.update({ id: created.id, patch: {} })).toEqual(updated);
    });

    it('refuses a taken slug or a slug that is not DID-safe', async () => {
      const issuer = await anIssuer();
      expect((await rejection(storage.issuers.create({ slug: issuer.slug, name: 'Copy' }))).code).toBe(
        ServerErrorCode.CONFLICT,
      );
      expect((await rejection(storage.issuers.create({ slug: 'Not:Safe', name: 'x' }))).code).toBe(
        ServerErrorCode.VALIDATION_ERROR,
      );
    });

    it('keeps a brand colour only in the form #rrggbb, and clears it with null', async () => {
      const issuer = await anIssuer();
      expect(issuer.brandColor).toBeNull();
      const branded = await storage.issuers.update({ id: issuer.id, patch: { brandColor: '#1f4a7d' } });
      expect(branded.brandColor).toBe('#1f4a7d');
      for (const brandColor of ['#1F4A7D', 'red', '#1f4a7d; x', '#fff']) {
        const refused = await rejection(storage.issuers.update({ id: issuer.id, patch: { brandColor } }));
        expect(refused.code, brandColor).toBe(ServerErrorCode.VALIDATION_ERROR);
      }
      expect(
        (await storage.issuers.update({ id: issuer.id, patch: { brandColor: null } })).brandColor,
      ).toBeNull();
    });

    it('finds nothing for unknown or malformed ids', async () => {
      expect(await storage.issuers.findById({ id: randomUUID() })).toBeNull();
      expect(await storage.issuers.findById({ id: 'not-a-uuid' })).toBeNull();
      expect((await rejection(storage.issuers.update({ id: randomUUID(), patch: { name: 'x' } }))).code).toBe(
        ServerErrorCode.NOT_FOUND,
      );
    });
  });

  describe('users and memberships', () => {
    it('keeps emails lower-cased and unique', async () => {
      const email = `Ada.${suffix()}@Example.ORG`;
      const user = await storage.users.create({ email, name: 'Ada' });
      expect(user.email).toBe(email.toLowerCase());
      expect(await storage.users.findByEmail({ email: email.toUpperCase() })).toEqual(user);
      expect(await storage.users.findById({ id: user.id })).toEqual(user);
      expect((await rejection(storage.users.create({ email: email.toLowerCase() }))).code).toBe(
        ServerErrorCode.CONFLICT,
      );
    });

    it('sets, changes, lists and removes memberships', async () => {
      const issuer = await anIssuer();
      const user = await storage.users.create({ email: `m-${suffix()}@example.org` });
      await storage.users.setMembership({ issuerId: issuer.id, userId: user.id, role: 'viewer' });
      const changed = await storage.users.setMembership({
        issuerId: issuer.id,
        userId: user.id,
        role: 'owner',
      });
      expect(changed.role).toBe('owner');
      expect(await storage.users.listMemberships({ userId: user.id })).toEqual([changed]);
      expect(await storage.users.listMemberships({ issuerId: issuer.id })).toEqual([changed]);
      expect(await storage.users.removeMembership({ issuerId: issuer.id, userId: user.id })).toBe(true);
      expect(await storage.users.removeMembership({ issuerId: issuer.id, userId: user.id })).toBe(false);
      const missing = storage.users.setMembership({
        issuerId: randomUUID(),
        userId: user.id,
        role: 'viewer',
      });
      expect((await rejection(missing)).code).toBe(ServerErrorCode.NOT_FOUND);
    });
  });

  describe('API keys', () => {
    const hash = 'a'.repeat(64);

    it('stores hashed keys, finds them by prefix, touches and revokes them', async () => {
      const issuer = await anIssuer();
      const prefix = `mc_${suffix()}`;
      const key = await storage.apiKeys.create({
        issuerId: issuer.id,
        name: 'LMS',
        prefix,
        hash,
        scopes: ['credentials:issue'],
        role: 'issuer',
      });
      expect(key).toMatchObject({
        prefix,
        hash,
        scopes: ['credentials:issue'],
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(await storage.apiKeys.findByPrefix({ prefix })).toEqual(key);
      expect(await storage.apiKeys.list({ issuerId: issuer.id })).toEqual([key]);

      const used = new Date('2030-01-01T00:00:00Z');
      await storage.apiKeys.touch({ id: key.id, at: used });
      await storage.apiKeys.touch({ id: key.id, at: new Date(used.getTime() + 1_000) });
      expect((await storage.apiKeys.findByPrefix({ prefix }))?.lastUsedAt).toEqual(used);

      expect(await storage.apiKeys.revoke({ id: key.id, at: used })).toBe(true);
      expect(await storage.apiKeys.revoke({ id: key.id, at: used })).toBe(false);
      expect((await storage.apiKeys.findByPrefix({ prefix }))?.revokedAt).toEqual(used);
    });

    it('has platform admin keys without an issuer, and only those', async () => {
      const admin = await storage.apiKeys.create({
        issuerId: null,
        name: 'admin',
        prefix: `mc_${suffix()}`,
        hash,
        role: 'admin',
      });
      expect((await storage.apiKeys.list({ issuerId: null })).map((key) => key.id)).toContain(admin.id);
      const issuer = await anIssuer();
      const mixed = storage.apiKeys.create({
        issuerId: issuer.id,
        name: 'x',
        prefix: `mc_${suffix()}`,
        hash,
        role: 'admin',
      });
      expect((await rejection(mixed)).code).toBe(ServerErrorCode.VALIDATION_ERROR);
      const duplicate = storage.apiKeys.create({
        issuerId: null,
        name: 'x',
        prefix: admin.prefix,
        hash,
        role: 'admin',
      });
      expect((await rejection(duplicate)).code).toBe(ServerErrorCode.CONFLICT);
    });
  });

  describe('issuer keys', () => {
    it('rotates: the new key is active, the old one stays listed as retired', async () => {
      const issuer = await anIssuer();
      const secret = new Uint8Array(randomBytes(61));
      const first = await storage.issuerKeys.add({
        issuerId: issuer.id,
        keyId: 'key-1',
        publicKeyMultibase: 'z6MkFirst',
        encryptedSecret: secret,
      });
      expect(first.encryptedSecret).toEqual(secret);
      expect(await storage.issuerKeys.findActive({ issuerId: issuer.id })).toEqual(first);

      const second = await storage.issuerKeys.add({
        issuerId: issuer.id,
        keyId: 'key-2',
        publicKeyMultibase: 'z6MkSecond',
        encryptedSecret: secret,
      });
      expect((await storage.issuerKeys.findActive({ issuerId: issuer.id }))?.id).toBe(second.id);
      const listed = await storage.issuerKeys.list({ issuerId: issuer.id });
      expect(listed.map((key) => [key.keyId, key.retiredAt === null])).toEqual([
        ['key-1', false],
        ['key-2', true],
      ]);

      const again = storage.issuerKeys.add({
        issuerId: issuer.id,
        keyId: 'key-2',
        publicKeyMultibase: 'z6MkThird',
        encryptedSecret: secret,
      });
      expect((await rejection(again)).code).toBe(ServerErrorCode.CONFLICT);
      // The failed rotation rolled back: key-2 is still the active key.
      expect((await storage.issuerKeys.findActive({ issuerId: issuer.id }))?.id).toBe(second.id);

      expect(await storage.issuerKeys.revoke({ id: second.id, at: new Date() })).toBe(true);
      expect(await storage.issuerKeys.findActive({ issuerId: issuer.id })).toBeNull();
    });
  });

  describe('achievements', () => {
    it('creates with every field, filters and updates', async () => {
      const issuer = await anIssuer();
      const tag = `tag-${suffix()}`;
      const created = await storage.achievements.create({
        issuerId: issuer.id,
        name: 'Intro to SQL',
        document: { type: ['Achievement'], name: 'Intro to SQL', criteria: { narrative: 'Pass the exam' } },
        status: 'draft',
        achievementType: 'MicroCredential',
        skills: [{ name: 'SQL', framework: 'ESCO', code: 'S1.2', url: 'https://esco.example/s1.2' }],
        tags: [tag, 'data'],
        level: 'EQF 5',
        credits: 1.5,
        hours: 40,
        deliveryMode: 'online',
        language: 'en',
        validityMonths: 24,
        image: { id: 'data:image/svg+xml;base64,PHN2Zy8+' },
      });
      expect(created).toMatchObject({
        status: 'draft',
        credits: 1.5,
        hours: 40,
        validityMonths: 24,
        tags: [tag, 'data'],
      });
      expect(await storage.achievements.findById({ id: created.id })).toEqual(created);

      expect(await storage.achievements.list({ issuerId: issuer.id, status: 'published' })).toEqual([]);
      expect((await storage.achievements.list({ tag })).map((a) => a.id)).toEqual([created.id]);

      const published = await storage.achievements.update({
        id: created.id,
        patch: { status: 'published', credits: null },
      });
      expect(published).toMatchObject({ status: 'published', credits: null, name: 'Intro to SQL' });
      expect(published.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      expect((await storage.achievements.list({ issuerId: issuer.id, status: 'published' })).length).toBe(1);
    });

    it('defaults to published and refuses an unknown issuer or a bad delivery mode', async () => {
      const issuer = await anIssuer();
      expect((await anAchievement(issuer)).status).toBe('published');
      const orphan = storage.achievements.create({ issuerId: randomUUID(), name: 'x', document: {} });
      expect((await rejection(orphan)).code).toBe(ServerErrorCode.NOT_FOUND);
      const bad = storage.achievements.create({
        issuerId: issuer.id,
        name: 'x',
        document: {},
        // @ts-expect-error: the database refuses what the type would have.
        deliveryMode: 'carrier-pigeon',
      });
      expect((await rejection(bad)).code).toBe(ServerErrorCode.VALIDATION_ERROR);
    });
  });

  describe('credentials', () => {
    it('stores, finds by id and by recipient lookup hash', async () => {
      const issuer = await anIssuer();
      const achievement = await anAchievement(issuer);
      const lookup = `hmac-${suffix()}`;
      const input = aCredential(issuer, achievement, {
        recipientLookupHash: lookup,
        recipientEmailHash: 'sha256$abc',
        recipientName: 'Grace',
        validUntil: new Date('2027-01-01T00:00:00Z'),
      });
      const { credential, created } = await storage.credentials.insert(input);
      expect(created).toBe(true);
      expect(credential).toMatchObject({
        id: input.id,
        recipientName: 'Grace',
        revokedAt: null,
        format: 'di',
      });
      expect(credential.issuedAt).toEqual(input.issuedAt);
      expect(await storage.credentials.findById({ id: input.id })).toEqual(credential);
      expect(await storage.credentials.list({ recipientLookupHash: lookup })).toEqual([credential]);
      expect(await storage.credentials.list({ recipientLookupHash: `other-${lookup}` })).toEqual([]);
    });

    it('returns the first credential for a repeated idempotency key', async () => {
      const issuer = await anIssuer();
      const achievement = await anAchievement(issuer);
      const first = await storage.credentials.insert(
        aCredential(issuer, achievement, { idempotencyKey: 'req-1' }),
      );
      const retry = await storage.credentials.insert(
        aCredential(issuer, achievement, { idempotencyKey: 'req-1' }),
      );
      expect(retry.created).toBe(false);
      expect(retry.credential.id).toBe(first.credential.id);
      // Keys are per issuer: another issuer may use the same one.
      const other = await anIssuer();
      const elsewhere = await storage.credentials.insert(
        aCredential(other, await anAchievement(other), { idempotencyKey: 'req-1' }),
      );
      expect(elsewhere.created).toBe(true);
    });

    it('writes one row when concurrent requests share an idempotency key', async () => {
      const issuer = await anIssuer();
      const achievement = await anAchievement(issuer);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          storage.credentials.insert(aCredential(issuer, achievement, { idempotencyKey: 'same' })),
        ),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.credential.id)).size).toBe(1);
      const [row] = await database.db
        .select({ rows: count() })
        .from(credentials)
        .where(eq(credentials.issuerId, issuer.id));
      expect(row?.rows).toBe(1);
    });

    it('refuses an achievement of another issuer', async () => {
      const issuer = await anIssuer();
      const other = await anIssuer();
      const foreign = await anAchievement(other);
      expect((await rejection(storage.credentials.insert(aCredential(issuer, foreign)))).code).toBe(
        ServerErrorCode.NOT_FOUND,
      );
    });

    it('revokes once; again with the same reason is a no-op, with another a conflict', async () => {
      const issuer = await anIssuer();
      const { credential } = await storage.credentials.insert(
        aCredential(issuer, await anAchievement(issuer)),
      );
      const at = new Date('2026-02-03T04:05:06Z');
      const revoked = await storage.credentials.revoke({ id: credential.id, reason: 'fraud', at });
      expect(revoked).toMatchObject({ revokedAt: at, revocationReason: 'fraud' });
      expect(
        await storage.credentials.revoke({ id: credential.id, reason: 'fraud', at: new Date() }),
      ).toEqual(revoked);
      const other = storage.credentials.revoke({ id: credential.id, reason: 'typo', at });
      expect((await rejection(other)).code).toBe(ServerErrorCode.CONFLICT);
      const missing = storage.credentials.revoke({ id: randomUUID(), reason: 'x', at });
      expect((await rejection(missing)).code).toBe(ServerErrorCode.NOT_FOUND);
    });
  });

  describe('status lists', () => {
    it('hands out 1,000 concurrent entries: all distinct, in range, not in issuance order', async () => {
      const issuer = await anIssuer();
      const allocations = await Promise.all(
        Array.from({ length: 1_000 }, () =>
          storage.statusLists.allocate({ issuerId: issuer.id, purpose: 'revocation' }),
        ),
      );
      const entries = allocations.flat();
      expect(entries).toHaveLength(1_000);
      expect(new Set(entries.map((entry) => entry.statusListId)).size).toBe(1);
      const indexes = entries.map((entry) => entry.index);
      expect(new Set(indexes).size).toBe(1_000);
      expect(indexes.every((index) => Number.isInteger(index) && index >= 0 && index < 131_072)).toBe(true);
      // Sequential allocation would give 0..999; random ones spread over the whole list.
      expect(Math.max(...indexes)).toBeGreaterThan(100_000);
      const sorted = [...indexes].sort((a, b) => a - b);
      const adjacent = sorted.filter((index, i) => i > 0 && index === (sorted[i - 1] ?? -2) + 1).length;
      expect(adjacent).toBeLessThan(50);

      const [list] = await storage.statusLists.list({ issuerId: issuer.id });
      expect(list).toMatchObject({ length: 131_072, allocated: 1_000, version: 1, purpose: 'revocation' });
      expect(list?.bits).toHaveLength(16_384);
    });

    it('moves on to a new list when one is full, never reusing an entry', async () => {
      const issuer = await anIssuer();
      const single = await Promise.all(
        Array.from({ length: 20 }, () =>
          shortListStorage.statusLists.allocate({ issuerId: issuer.id, purpose: 'revocation' }),
        ),
      );
      const batch = await shortListStorage.statusLists.allocate({
        issuerId: issuer.id,
        purpose: 'revocation',
        count: 25,
      });
      const entries = [...single.flat(), ...batch];
      expect(entries).toHaveLength(45);
      expect(new Set(entries.map((entry) => `${entry.statusListId}#${entry.index}`)).size).toBe(45);
      const lists = await storage.statusLists.list({ issuerId: issuer.id });
      expect(lists.map((list) => list.allocated)).toEqual([16, 16, 13]);
      for (const list of lists.slice(0, 2)) {
        const used = entries.filter((entry) => entry.statusListId === list.id).map((entry) => entry.index);
        expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
      }
      // Another purpose has lists of its own.
      const [suspension] = await shortListStorage.statusLists.allocate({
        issuerId: issuer.id,
        purpose: 'suspension',
      });
      expect(lists.map((list) => list.id)).not.toContain(suspension?.statusListId);
    });

    it('sets and clears bits in the spec order, bumping the version only on change', async () => {
      const issuer = await anIssuer();
      const [entry] = await shortListStorage.statusLists.allocate({
        issuerId: issuer.id,
        purpose: 'revocation',
      });
      if (entry === undefined) throw new Error('no entry');
      const id = entry.statusListId;

      expect(await storage.statusLists.setStatus({ statusListId: id, index: 0, value: true })).toEqual({
        version: 2,
        changed: true,
      });
      expect(await storage.statusLists.setStatus({ statusListId: id, index: 9, value: true })).toEqual({
        version: 3,
        changed: true,
      });
      expect(await storage.statusLists.setStatus({ statusListId: id, index: 9, value: true })).toEqual({
        version: 3,
        changed: false,
      });
      let list = await storage.statusLists.findById({ id });
      // Index 0 is the most significant bit of byte 0, index 9 the second bit of byte 1.
      expect(Array.from(list?.bits ?? [])).toEqual([0b1000_0000, 0b0100_0000]);

      await storage.statusLists.setStatus({ statusListId: id, index: 0, value: false });
      list = await storage.statusLists.findById({ id });
      expect(Array.from(list?.bits ?? [])).toEqual([0, 0b0100_0000]);
      expect(list?.version).toBe(4);

      const outside = storage.statusLists.setStatus({ statusListId: id, index: SHORT_LIST, value: true });
      expect((await rejection(outside)).code).toBe(ServerErrorCode.RANGE_ERROR);
      const unknown = storage.statusLists.setStatus({ statusListId: randomUUID(), index: 0, value: true });
      expect((await rejection(unknown)).code).toBe(ServerErrorCode.NOT_FOUND);
    });

    it('loses no bit when many are set at once', async () => {
      const issuer = await anIssuer();
      const [entry] = await shortListStorage.statusLists.allocate({
        issuerId: issuer.id,
        purpose: 'revocation',
      });
      if (entry === undefined) throw new Error('no entry');
      await Promise.all(
        Array.from({ length: SHORT_LIST }, (_, index) =>
          storage.statusLists.setStatus({ statusListId: entry.statusListId, index, value: true }),
        ),
      );
      const list = await storage.statusLists.findById({ id: entry.statusListId });
      expect(Array.from(list?.bits ?? [])).toEqual([0xff, 0xff]);
      expect(list?.version).toBe(1 + SHORT_LIST);
    });
  });

  describe('bulk jobs', () => {
    async function aJob(rows: number, options: { invalid?: number[] } = {}) {
      const issuer = await anIssuer();
      const achievement = await anAchievement(issuer);
      const job = await storage.bulkJobs.create({
        job: { issuerId: issuer.id, achievementId: achievement.id, options: { format: 'di' } },
        rows: Array.from({ length: rows }, (_, i) => ({
          rowNumber: i + 1,
          input: { email: `r${i + 1}@example.org` },
          ...(options.invalid?.includes(i + 1) ? { error: 'invalid email' } : {}),
        })),
      });
      return { issuer, achievement, job };
    }

    it('creates a job with its rows; rows invalid on upload count as failed', async () => {
      const { job } = await aJob(10, { invalid: [3, 7] });
      expect(job).toMatchObject({
        state: 'queued',
        total: 10,
        done: 0,
        failed: 2,
        options: { format: 'di' },
      });
      const failed = await storage.bulkJobs.listRows({ jobId: job.id, state: 'failed' });
      expect(failed.map((row) => [row.rowNumber, row.error])).toEqual([
        [3, 'invalid email'],
        [7, 'invalid email'],
      ]);
      expect(await storage.bulkJobs.listRows({ jobId: job.id, afterRowNumber: 8 })).toHaveLength(2);
    });

    it('gives two concurrent workers disjoint rows until all are taken, then completes', async () => {
      const { issuer, achievement, job } = await aJob(60, { invalid: [5] });
      const taken: Record<string, number[]> = { a: [], b: [] };
      const work = async (workerId: 'a' | 'b') => {
        for (;;) {
          const rows = await storage.bulkJobs.claimRows({
            workerId,
            jobId: job.id,
            limit: 7,
            leaseMs: 60_000,
          });
          if (rows.length === 0) return;
          expect(
            rows.every((row) => row.state === 'running' && row.lockedBy === workerId && row.attempts === 1),
          ).toBe(true);
          taken[workerId]?.push(...rows.map((row) => row.rowNumber));
          const results = [];
          for (const row of rows) {
            if (row.rowNumber % 10 === 0) {
              results.push({ rowNumber: row.rowNumber, error: 'signing failed' });
              continue;
            }
            const { credential } = await storage.credentials.insert(
              aCredential(issuer, achievement, { bulkJobId: job.id, bulkRow: row.rowNumber }),
            );
            results.push({ rowNumber: row.rowNumber, credentialId: credential.id });
          }
          await storage.bulkJobs.recordResults({ jobId: job.id, workerId, results });
        }
      };
      await Promise.all([work('a'), work('b')]);

      const a = taken.a ?? [];
      const b = taken.b ?? [];
      expect(a.filter((row) => b.includes(row))).toEqual([]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(
        Array.from({ length: 60 }, (_, i) => i + 1).filter((n) => n !== 5),
      );
      const finished = await storage.bulkJobs.findById({ id: job.id });
      expect(finished).toMatchObject({ state: 'completed', total: 60, done: 53, failed: 7 });
      expect(finished?.startedAt).toBeInstanceOf(Date);
      expect(finished?.finishedAt).toBeInstanceOf(Date);
      expect(await storage.credentials.list({ issuerId: issuer.id, limit: 500 })).toHaveLength(53);
    });

    it('hands a row whose lease expired to another worker, and ignores the late worker', async () => {
      const { issuer, achievement, job } = await aJob(3);
      const first = await storage.bulkJobs.claimRows({
        workerId: 'crashed',
        jobId: job.id,
        limit: 3,
        leaseMs: 200,
      });
      expect(first).toHaveLength(3);
      expect(
        await storage.bulkJobs.claimRows({ workerId: 'b', jobId: job.id, limit: 3, leaseMs: 60_000 }),
      ).toEqual([]);
      // The first worker stored row 1's credential, then stopped before recording it.
      const early = await storage.credentials.insert(
        aCredential(issuer, achievement, { bulkJobId: job.id, bulkRow: 1 }),
      );

      await expireBulkLeases(database.db, 'crashed');
      const retaken = await storage.bulkJobs.claimRows({
        workerId: 'b',
        jobId: job.id,
        limit: 3,
        leaseMs: 60_000,
      });
      expect(retaken.map((row) => [row.rowNumber, row.lockedBy, row.attempts])).toEqual([
        [1, 'b', 2],
        [2, 'b', 2],
        [3, 'b', 2],
      ]);
      // The late worker no longer holds the rows: its results change nothing.
      const late = await storage.bulkJobs.recordResults({
        jobId: job.id,
        workerId: 'crashed',
        results: [{ rowNumber: 2, error: 'too late' }],
      });
      expect(late).toMatchObject({ done: 0, failed: 0, state: 'running' });

      const results = [];
      for (const row of retaken) {
        // Row 1 again: the stored credential comes back, no second one is issued.
        const inserted = await storage.credentials.insert(
          aCredential(issuer, achievement, { bulkJobId: job.id, bulkRow: row.rowNumber }),
        );
        if (row.rowNumber === 1) expect(inserted).toEqual({ credential: early.credential, created: false });
        results.push({ rowNumber: row.rowNumber, credentialId: inserted.credential.id });
      }
      const done = await storage.bulkJobs.recordResults({ jobId: job.id, workerId: 'b', results });
      expect(done).toMatchObject({ state: 'completed', done: 3, failed: 0 });
      expect(await storage.credentials.list({ issuerId: issuer.id })).toHaveLength(3);
    });

    it('counts duplicate rows apart from failed ones, naming what each duplicates', async () => {
      const issuer = await anIssuer();
      const achievement = await anAchievement(issuer);
      const job = await storage.bulkJobs.create({
        job: { issuerId: issuer.id, achievementId: achievement.id },
        rows: [
          { rowNumber: 1, input: { email: 'a@example.org' } },
          { rowNumber: 2, input: { email: 'b@example.org' } },
          { rowNumber: 3, input: { email: 'A@example.org' }, duplicateOfRow: 1 },
          { rowNumber: 4, input: {}, error: 'invalid email' },
        ],
      });
      expect(job).toMatchObject({ state: 'queued', total: 4, done: 0, failed: 1, duplicates: 1 });
      const claimed = await storage.bulkJobs.claimRows({
        workerId: 'w',
        jobId: job.id,
        limit: 10,
        leaseMs: 60_000,
      });
      expect(claimed.map((row) => row.rowNumber)).toEqual([1, 2]);
      const { credential: held } = await storage.credentials.insert(aCredential(issuer, achievement));
      const { credential: issued } = await storage.credentials.insert(
        aCredential(issuer, achievement, { bulkJobId: job.id, bulkRow: 1 }),
      );
      const finished = await storage.bulkJobs.recordResults({
        jobId: job.id,
        workerId: 'w',
        results: [
          { rowNumber: 1, credentialId: issued.id },
          { rowNumber: 2, duplicateOf: held.id },
        ],
      });
      expect(finished).toMatchObject({ state: 'completed', done: 1, failed: 1, duplicates: 2 });
      const reported = await storage.bulkJobs.listRows({ jobId: job.id, state: ['failed', 'duplicate'] });
      expect(
        reported.map((row) => [row.rowNumber, row.state, row.error, row.duplicateOf, row.duplicateOfRow]),
      ).toEqual([
        [2, 'duplicate', null, held.id, null],
        [3, 'duplicate', null, null, 1],
        [4, 'failed', 'invalid email', null, null],
      ]);
      expect(reported.every((row) => row.credentialId === null)).toBe(true);
    });

    it('renews a lease only for the worker holding it', async () => {
      const { job } = await aJob(2);
      const rows = await storage.bulkJobs.claimRows({
        workerId: 'a',
        jobId: job.id,
        limit: 2,
        leaseMs: 1_000,
      });
      const numbers = rows.map((row) => row.rowNumber);
      expect(
        await storage.bulkJobs.renewLease({
          jobId: job.id,
          workerId: 'a',
          rowNumbers: numbers,
          leaseMs: 60_000,
        }),
      ).toBe(2);
      expect(
        await storage.bulkJobs.renewLease({
          jobId: job.id,
          workerId: 'b',
          rowNumbers: numbers,
          leaseMs: 60_000,
        }),
      ).toBe(0);
    });

    it('stops handing out a row that keeps losing its worker, keeping a credential it already has', async () => {
      const { issuer, achievement, job } = await aJob(2);
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const rows = await storage.bulkJobs.claimRows({
          workerId: `w${attempt}`,
          jobId: job.id,
          limit: 2,
          leaseMs: 100,
          maxAttempts: 2,
        });
        expect(rows).toHaveLength(2);
        await expireBulkLeases(database.db, `w${attempt}`);
      }
      await storage.credentials.insert(aCredential(issuer, achievement, { bulkJobId: job.id, bulkRow: 2 }));
      expect(
        await storage.bulkJobs.claimRows({
          workerId: 'w3',
          jobId: job.id,
          limit: 2,
          leaseMs: 100,
          maxAttempts: 2,
        }),
      ).toEqual([]);
      const rows = await storage.bulkJobs.listRows({ jobId: job.id });
      expect(rows.map((row) => row.state)).toEqual(['failed', 'done']);
      expect(rows[0]?.error).toMatch(/Gave up after 2 attempts/);
      expect(await storage.bulkJobs.findById({ id: job.id })).toMatchObject({
        state: 'completed',
        done: 1,
        failed: 1,
      });
    });

    it('cancels: nothing more is handed out', async () => {
      const { job } = await aJob(5);
      await storage.bulkJobs.claimRows({ workerId: 'a', jobId: job.id, limit: 1, leaseMs: 60_000 });
      const cancelled = await storage.bulkJobs.cancel({ id: job.id });
      expect(cancelled.state).toBe('cancelled');
      expect(cancelled.finishedAt).toBeInstanceOf(Date);
      expect(
        await storage.bulkJobs.claimRows({ workerId: 'b', jobId: job.id, limit: 5, leaseMs: 60_000 }),
      ).toEqual([]);
      expect((await storage.bulkJobs.cancel({ id: job.id })).state).toBe('cancelled');
      expect((await storage.bulkJobs.fail({ id: job.id, error: 'x' })).state).toBe('cancelled');
      expect((await rejection(storage.bulkJobs.cancel({ id: randomUUID() }))).code).toBe(
        ServerErrorCode.NOT_FOUND,
      );
    });

    it('claims across jobs, oldest job first, and completes a job whose rows were all invalid at once', async () => {
      const { job: allInvalid } = await aJob(2, { invalid: [1, 2] });
      expect(allInvalid).toMatchObject({ state: 'completed', failed: 2 });
      const { job } = await aJob(1);
      const rows = await storage.bulkJobs.claimRows({ workerId: 'any', limit: 1_000, leaseMs: 60_000 });
      expect(rows.map((row) => row.jobId)).toContain(job.id);
      expect(rows.map((row) => row.jobId)).not.toContain(allInvalid.id);
    });

    it('refuses an achievement of another issuer and leaves nothing behind', async () => {
      const issuer = await anIssuer();
      const foreign = await anAchievement(await anIssuer());
      const attempt = storage.bulkJobs.create({
        job: { issuerId: issuer.id, achievementId: foreign.id },
        rows: [{ rowNumber: 1, input: {} }],
      });
      expect((await rejection(attempt)).code).toBe(ServerErrorCode.NOT_FOUND);
      expect(await storage.bulkJobs.list({ issuerId: issuer.id })).toEqual([]);
    });
  });

  describe('job queue', () => {
    it('enqueues once per dedupe key, leases, retries and completes', async () => {
      const kind = `test.${suffix()}`;
      const job = await storage.jobs.enqueue({
        kind,
        payload: { to: 'x' },
        dedupeKey: `${kind}:1`,
        maxAttempts: 2,
      });
      expect((await storage.jobs.enqueue({ kind, payload: { to: 'y' }, dedupeKey: `${kind}:1` })).id).toBe(
        job.id,
      );

      const [a, b] = await Promise.all([
        storage.jobs.claim({ workerId: 'a', kinds: [kind], limit: 5, leaseMs: 60_000 }),
        storage.jobs.claim({ workerId: 'b', kinds: [kind], limit: 5, leaseMs: 60_000 }),
      ]);
      const claimed = [...(a ?? []), ...(b ?? [])];
      expect(claimed.map((j) => j.id)).toEqual([job.id]);
      const holder = claimed[0]?.lockedBy ?? '';

      expect(await storage.jobs.fail({ id: job.id, workerId: 'nobody', error: 'x', retryDelayMs: 0 })).toBe(
        false,
      );
      expect(
        await storage.jobs.fail({ id: job.id, workerId: holder, error: 'smtp down', retryDelayMs: 0 }),
      ).toBe(true);
      const [retry] = await storage.jobs.claim({ workerId: 'c', kinds: [kind], limit: 5, leaseMs: 60_000 });
      expect(retry).toMatchObject({ id: job.id, attempts: 2, lastError: 'smtp down' });
      expect(await storage.jobs.complete({ id: job.id, workerId: 'c' })).toBe(true);
      expect(await storage.jobs.claim({ workerId: 'c', kinds: [kind], limit: 5, leaseMs: 60_000 })).toEqual(
        [],
      );
    });

    it('fails a job for good after its last attempt, and waits for run_at', async () => {
      const kind = `test.${suffix()}`;
      const later = await storage.jobs.enqueue({
        kind,
        payload: {},
        runAt: new Date(Date.now() + 3_600_000),
      });
      const now = await storage.jobs.enqueue({ kind, payload: {}, maxAttempts: 1 });
      const [claimed, ...others] = await storage.jobs.claim({
        workerId: 'a',
        kinds: [kind],
        limit: 5,
        leaseMs: 60_000,
      });
      expect(others).toEqual([]);
      expect(claimed?.id).toBe(now.id);
      expect(await storage.jobs.fail({ id: now.id, workerId: 'a', error: 'bad', retryDelayMs: 0 })).toBe(
        true,
      );
      expect(await storage.jobs.claim({ workerId: 'a', kinds: [kind], limit: 5, leaseMs: 60_000 })).toEqual(
        [],
      );
      expect(later.state).toBe('pending');
    });
  });

  describe('transactions', () => {
    it('commits all writes together', async () => {
      const slug = `tx-${suffix()}`;
      const achievement = await storage.transaction(async (tx) => {
        const issuer = await tx.issuers.create({ slug, name: 'Tx' });
        return tx.achievements.create({ issuerId: issuer.id, name: 'A', document: {} });
      });
      expect(await storage.achievements.findById({ id: achievement.id })).toEqual(achievement);
    });

    it('rolls back every write when the work throws', async () => {
      const slug = `rollback-${suffix()}`;
      let achievementId = '';
      const failure = storage.transaction(async (tx) => {
        const issuer = await tx.issuers.create({ slug, name: 'Tx' });
        achievementId = (await tx.achievements.create({ issuerId: issuer.id, name: 'A', document: {} })).id;
        await tx.statusLists.allocate({ issuerId: issuer.id, purpose: 'revocation' });
        throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'changed my mind');
      });
      expect((await rejection(failure)).message).toBe('changed my mind');
      expect(await storage.issuers.findBySlug({ slug })).toBeNull();
      expect(await storage.achievements.findById({ id: achievementId })).toBeNull();
    });

    it('rolls back when a statement fails half-way', async () => {
      const existing = await anIssuer();
      const slug = `half-${suffix()}`;
      const failure = storage.transaction(async (tx) => {
        await tx.issuers.create({ slug, name: 'First' });
        await tx.issuers.create({ slug: existing.slug, name: 'Duplicate' });
      });
      expect((await rejection(failure)).code).toBe(ServerErrorCode.CONFLICT);
      expect(await storage.issuers.findBySlug({ slug })).toBeNull();
    });
  });
});
