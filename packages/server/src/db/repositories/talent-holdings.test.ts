import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalentEvidence, TalentQuery } from '../../domain/ports/talent-repository.js';
import { createPgStorage } from '../create-pg-storage.js';
import type { DatabaseHandle } from '../open-database.js';
import { openTestDatabase, testDrivers } from '../open-test-database.js';

const SKILLS = [
  'http://data.europa.eu/esco/skill/a1',
  'http://data.europa.eu/esco/skill/b2',
  'http://data.europa.eu/esco/skill/c3',
];
const DAY = 24 * 3600 * 1000;
const START = Date.parse('2022-01-01T00:00:00Z');
const END = Date.parse('2027-01-01T00:00:00Z');

/** Mulberry32: the same credentials on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The search reads `talent_holdings` (a row per pair that knows which credential counts at any time)
 * unless it names an issuer, when it reads every listed credential; naming the empty issuer (which every
 * name contains) therefore gives the answer computed from the credentials themselves.
 */
describe.each(testDrivers())('talent holdings on %s', (driver) => {
  let database: DatabaseHandle;
  let storage: ReturnType<typeof createPgStorage>;
  let employerId: string;

  const evidence = (earnerId: string, skillUri: string, issuedAt: number, validUntil: number | null) =>
    ({
      earnerId,
      skillUri,
      credentialKind: 'issued',
      credentialId: randomUUID(),
      achievementName: 'Course',
      issuerName: 'College',
      issuerVetted: true,
      issuedAt: new Date(issuedAt),
      validUntil: validUntil === null ? null : new Date(validUntil),
    }) satisfies TalentEvidence;

  async function earnerWith(rows: (earnerId: string) => TalentEvidence[]): Promise<string> {
    const earnerId = randomUUID();
    await database.db.execute(sql`insert into earners (id, display_name) values (${earnerId}, 'Earner')`);
    await storage.talent.replaceEvidence({ earnerId, rows: rows(earnerId) });
    return earnerId;
  }

  const consent = (earnerId: string, to: string | null, credentialIds: readonly string[] | null = null) =>
    storage.talent.putConsent({
      earnerId,
      employerId: to,
      showName: true,
      showContact: false,
      credentialIds,
      location: null,
    });

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    storage = createPgStorage({ db: database.db });
    employerId = randomUUID();
    await database.db.execute(
      sql`insert into employers (id, slug, name) values (${employerId}, 'holdings', 'Holdings Ltd')`,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts a pair by its newest credential still valid, after one, two or three of them expired', async () => {
    const at = (day: number) => START + day * DAY;
    // Newest first: expires on day 100; the next expires on day 200; an older one on day 300; the oldest never.
    const earnerId = await earnerWith((id) => [
      evidence(id, SKILLS[0] ?? '', at(50), at(100)),
      evidence(id, SKILLS[0] ?? '', at(40), at(200)),
      evidence(id, SKILLS[0] ?? '', at(30), at(300)),
      evidence(id, SKILLS[0] ?? '', at(10), null),
    ]);
    await consent(earnerId, null);
    const latestAt = async (day: number) => {
      const page = await storage.talent.search({
        audience: { kind: 'directory' },
        skills: [{ uri: SKILLS[0] ?? '', weight: 1 }],
        now: new Date(at(day)),
        limit: 10,
        offset: 0,
      });
      return page.matches.find((match) => match.earnerId === earnerId)?.latestIssuedAt.getTime();
    };
    expect(await latestAt(60)).toBe(at(50));
    expect(await latestAt(150)).toBe(at(40));
    expect(await latestAt(250)).toBe(at(30));
    expect(await latestAt(350)).toBe(at(10));
  });

  it('ranks exactly as a search over every credential, at any time, for every audience', async () => {
    const random = seeded(7);
    const when = () => START + Math.floor(random() * (END - START));
    for (let index = 0; index < 30; index++) {
      let shown: string[] = [];
      const earnerId = await earnerWith((id) => {
        const rows: TalentEvidence[] = [];
        for (const skill of SKILLS) {
          for (let count = Math.floor(random() * 5); count > 0; count--) {
            const issuedAt = when();
            // Some never expire; some expire soon, some late; some share their issue date.
            const validUntil = random() < 0.35 ? null : issuedAt + Math.floor(random() * 900) * DAY;
            rows.push(evidence(id, skill, random() < 0.1 ? START : issuedAt, validUntil));
          }
        }
        shown = rows.filter(() => random() < 0.5).map((row) => row.credentialId);
        return rows;
      });
      if (random() < 0.8) await consent(earnerId, null);
      if (random() < 0.4) await consent(earnerId, employerId, random() < 0.5 ? shown : null);
    }
    const audiences: TalentQuery['audience'][] = [{ kind: 'directory' }, { kind: 'employer', employerId }];
    for (let round = 0; round < 12; round++) {
      const now = new Date(when());
      const since = random() < 0.5 ? undefined : new Date(when());
      for (const audience of audiences) {
        const query: TalentQuery = {
          audience,
          skills: SKILLS.map((uri, index) => ({ uri, weight: 1 + index })),
          now,
          limit: 100,
          offset: 0,
          ...(since === undefined ? {} : { issuedSince: since }),
        };
        const fromHoldings = await storage.talent.search(query);
        const fromCredentials = await storage.talent.search({ ...query, issuer: '' });
        expect(fromHoldings).toEqual(fromCredentials);
      }
    }
  });

  it('forgets a revoked credential in the pairs it was the newest of', async () => {
    const earnerId = await earnerWith((id) => [
      evidence(id, SKILLS[1] ?? '', START + 20 * DAY, null),
      evidence(id, SKILLS[1] ?? '', START + 10 * DAY, null),
    ]);
    await consent(earnerId, null);
    const query: TalentQuery = {
      audience: { kind: 'directory' },
      skills: [{ uri: SKILLS[1] ?? '', weight: 1 }],
      now: new Date(END),
      limit: 100,
      offset: 0,
    };
    const newest = (await storage.talent.search(query)).matches.find((match) => match.earnerId === earnerId);
    const newestId = newest?.matched[0]?.proofs[0]?.credentialId ?? '';
    await storage.talent.removeEvidenceOf({ credentialId: newestId });
    const after = (await storage.talent.search(query)).matches.find((match) => match.earnerId === earnerId);
    expect(after?.latestIssuedAt).toEqual(new Date(START + 10 * DAY));
  });
});
