import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { Database } from '../src/db/database.js';
import { createPgStorage } from '../src/db/index.js';
import type { DatabaseHandle } from '../src/db/open-database.js';
import { openTestDatabase } from '../src/db/open-test-database.js';
import { rebuildHoldings } from '../src/db/repositories/talent-listing.js';
import type { TalentQuery, WeightedSkill } from '../src/domain/ports/talent-repository.js';

/**
 * Talent search at the scale issue #13 sets: 100,000 earners with 10 credentials each, every credential
 * aligned to 1–4 of ~3,000 ESCO-like skills (Zipf-skewed: a few skills such as SQL on many credentials, a
 * long tail on few), 60% of earners consenting, 5,000 of them employees of one employer. Measures `storage.talent.search` (first page of 20) for
 * roles of 30 skills, one query at a time, against the target p95 < 200 ms.
 * Earners: BENCH_TALENT_EARNERS (default 100,000); queries per case: BENCH_TALENT_QUERIES (default 200);
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local test server. The data goes into a
 * database of its own, dropped at the end.
 */
const EARNERS = Number(process.env.BENCH_TALENT_EARNERS ?? 100_000);
const QUERIES = Number(process.env.BENCH_TALENT_QUERIES ?? 200);
const WARM_UP = 20;
const CREDENTIALS_PER_EARNER = 10;
const SKILLS = 3_000;
const ACHIEVEMENTS = 10_000;
const ISSUERS = 500;
const ROLES = 25;
const SKILLS_PER_ROLE = 30;
const TARGET_P95_MS = 200;
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/**
 * The synthetic platform, in SQL so that 2.5 million evidence rows load in seconds. Credentials are
 * instances of achievements (as on the platform): an achievement names 1–4 skills, each drawn from a
 * log-uniform (Zipf, s = 1) law over the skill ranks, so rank 1 is on ~9% of alignments. One session, a
 * fixed seed: the same data on every run.
 */
const LOAD: readonly (readonly [label: string, statement: string | ((db: Database) => Promise<void>)])[] = [
  ['seed', 'select setseed(0.13)'],
  [
    'skills',
    `create table bench_skills as
       select n as rank, ('http://data.europa.eu/esco/skill/' || md5('skill' || n)::uuid) as uri
       from generate_series(1, ${SKILLS}) n`,
  ],
  [
    'issuers',
    `create table bench_issuers as
       select n as id,
         (array['Northbridge','Lakeside','Westfield','Riverside','Eastgate','Highland','Southport','Kingsbury',
                'Ashford','Brookvale'])[1 + n % 10]
           || ' ' || (array['University','Academy','Institute','College','School of Data','Bootcamp',
                'Polytechnic','Learning'])[1 + (n / 10) % 8]
           || ' ' || n as name,
         random() < 0.7 as vetted
       from generate_series(1, ${ISSUERS}) n`,
  ],
  [
    'achievements',
    `create table bench_achievements as
       select n as id, 'Achievement ' || n as name, i.name as issuer_name, i.vetted as issuer_vetted
       from generate_series(1, ${ACHIEVEMENTS}) n
       join bench_issuers i on i.id = 1 + (hashint4(n) & 2147483647) % ${ISSUERS}`,
  ],
  [
    'achievement skills',
    `create table bench_achievement_skills as
       select distinct a.id as achievement, least(${SKILLS}, floor(exp(random() * ln(${SKILLS + 1})))::int) as rank
       from bench_achievements a, lateral generate_series(1, 1 + floor(random() * 4)::int + (a.id * 0)) k`,
  ],
  [
    'employers',
    `insert into employers (slug, name)
       select 'bench-employer-' || n, 'Bench Employer ' || n from generate_series(1, 10) n`,
  ],
  [
    'earners',
    `insert into earners (id, display_name, created_at)
       select md5('earner' || n)::uuid, 'Earner ' || n, now() - random() * interval '5 years'
       from generate_series(1, ${EARNERS}) n`,
  ],
  [
    'credentials',
    `create table bench_credentials as
       select md5('earner' || n)::uuid as earner_id, md5('credential' || n || '/' || c)::uuid as id,
         1 + floor(random() * ${ACHIEVEMENTS})::int as achievement,
         case when random() < 0.9 then 'issued' else 'imported' end as kind,
         now() - random() * interval '5 years' as issued_at,
         random() as expiry
       from generate_series(1, ${EARNERS}) n, generate_series(1, ${CREDENTIALS_PER_EARNER}) c`,
  ],
  [
    'evidence',
    // A quarter of credentials expire two years after issue, so some have already expired.
    `insert into talent_evidence (earner_id, skill_uri, credential_kind, credential_id, achievement_name,
         issuer_name, issuer_vetted, issued_at, valid_until)
       select cr.earner_id, s.uri, cr.kind, cr.id, a.name, a.issuer_name, a.issuer_vetted, cr.issued_at,
         case when cr.expiry < 0.25 then cr.issued_at + interval '2 years' end
       from bench_credentials cr
       join bench_achievements a on a.id = cr.achievement
       join bench_achievement_skills ak on ak.achievement = a.id
       join bench_skills s on s.rank = ak.rank
       order by cr.earner_id`,
  ],
  [
    'consents',
    // 60% consent: 75% of them to the directory only, 15% to one employer only, 10% to both; one in
    // seven lists the credentials it shows; most give a location.
    `insert into talent_consents (earner_id, employer_id, show_name, show_contact, credential_ids, location)
       with consenting as (
         select md5('earner' || n)::uuid as earner_id, n, random() as kind,
           (select id from employers where n > 0
             order by slug offset floor(power(random(), 3) * 10)::int limit 1) as employer_id
         from generate_series(1, ${EARNERS}) n
         where random() < 0.6
       ),
       wanted as (
         select earner_id, n, null::uuid as employer_id from consenting where kind < 0.75 or kind >= 0.9
         union all
         select earner_id, n, employer_id from consenting where kind >= 0.75
       )
       select w.earner_id, w.employer_id, random() < 0.5, random() < 0.3,
         case when random() < 0.15 then array(
           select md5('credential' || w.n || '/' || c)::uuid from generate_series(1, ${CREDENTIALS_PER_EARNER}) c
           where random() < 0.5 and w.n > 0)
         end,
         case when random() < 0.7 then (array['Paris','Lyon','Berlin','Madrid','Lisbon','Amsterdam','Brussels',
           'Dublin','Milan','Warsaw','Vienna','Prague','Copenhagen','Stockholm','Helsinki','Athens','Porto',
           'Marseille','Munich','Rotterdam'])[1 + floor(power(random(), 2) * 20)::int] || ', Europe' end
       from wanted w`,
  ],
  [
    'employees',
    // One employer's workforce: 5,000 connected employees in ten teams, a tenth showing chosen credentials.
    `insert into employer_employees (employer_id, email, team, earner_id, credential_ids, connected_at)
       select (select id from employers where slug = 'bench-employer-1'), 'employee' || n || '@example.com',
         'Team ' || (1 + n % 10), md5('earner' || n)::uuid,
         case when n % 10 = 0 then array(
           select md5('credential' || n || '/' || c)::uuid from generate_series(1, 5) c) end,
         now()
       from generate_series(1, ${Math.min(5_000, EARNERS)}) n`,
  ],
  [
    'listing',
    // What the repository keeps for every write to evidence, consents and connections, here in one go.
    `insert into talent_listing (earner_id, employer_id, workforce, skill_uri, credential_id, issued_at,
         valid_until, issuer_name)
       select e.earner_id, c.employer_id, false, e.skill_uri, e.credential_id, e.issued_at, e.valid_until,
         e.issuer_name
       from talent_evidence e join talent_consents c on c.earner_id = e.earner_id
       where c.credential_ids is null or e.credential_id = any(c.credential_ids)
       union all
       select e.earner_id, w.employer_id, true, e.skill_uri, e.credential_id, e.issued_at, e.valid_until,
         e.issuer_name
       from talent_evidence e join employer_employees w on w.earner_id = e.earner_id
       where w.credential_ids is null or e.credential_id = any(w.credential_ids)`,
  ],
  // What the repository keeps beside the listing, by the same code.
  ['holdings', (db) => rebuildHoldings(db, null)],
  [
    'clean-up',
    'drop table bench_credentials, bench_achievement_skills, bench_achievements, bench_issuers, bench_skills',
  ],
  ['vacuum analyze', 'vacuum analyze'],
];

async function load(pool: pg.Pool, db: Database): Promise<void> {
  const client = await pool.connect();
  try {
    const started = performance.now();
    for (const [label, statement] of LOAD) {
      const step = performance.now();
      if (typeof statement === 'string') await client.query(statement);
      else await statement(db);
      console.log(`  ${label.padEnd(20)} ${((performance.now() - step) / 1000).toFixed(1).padStart(6)} s`);
    }
    const counts = await client.query<{
      earners: number;
      evidence: number;
      consents: number;
      listing: number;
      holdings: number;
    }>(
      `select (select count(*) from earners)::int as earners,
         (select count(*) from talent_evidence)::int as evidence,
         (select count(*) from talent_consents)::int as consents,
         (select count(*) from talent_listing)::int as listing,
         (select count(*) from talent_holdings)::int as holdings`,
    );
    const row = counts.rows[0];
    console.log(
      `loaded ${row?.earners} earners, ${row?.evidence} evidence rows, ${row?.consents} consents, ${row?.listing} listing rows, ${row?.holdings} holdings in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    client.release();
  }
}

/** Mulberry32: a seeded generator, so that every run asks the same roles. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, from: readonly T[], count: number, into: Set<T>): void {
  const target = into.size + count;
  while (into.size < target) {
    const item = from[Math.floor(random() * from.length)];
    if (item !== undefined) into.add(item);
  }
}

interface Role {
  readonly skills: readonly WeightedSkill[];
  /** A mid-popularity skill of the role, for the required-skill case. */
  readonly midSkill: string;
}

/**
 * Roles as an employer would describe them: 4 of the 20 most evidenced skills, 10 of the next 280, 16
 * from the long tail; the first 12 essential (weight 2), the rest optional (1).
 */
async function roles(pool: pg.Pool): Promise<Role[]> {
  const { rows } = await pool.query<{ skill_uri: string }>(
    'select skill_uri from talent_evidence group by skill_uri order by count(*) desc, skill_uri',
  );
  const ranked = rows.map((row) => row.skill_uri);
  const random = seededRandom(42);
  return Array.from({ length: ROLES }, () => {
    const chosen = new Set<string>();
    pick(random, ranked.slice(0, 20), 4, chosen);
    pick(random, ranked.slice(20, 300), 10, chosen);
    const mid = [...chosen][4] ?? '';
    pick(random, ranked.slice(300), SKILLS_PER_ROLE - chosen.size, chosen);
    return {
      skills: [...chosen].map((uri, index) => ({ uri, weight: index < 12 ? 2 : 1 })),
      midSkill: mid,
    };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Case {
  readonly name: string;
  readonly query: (role: Role) => Omit<TalentQuery, 'now' | 'limit' | 'offset'>;
}

async function run(database: DatabaseHandle): Promise<void> {
  if (database.kind !== 'postgres') throw new Error('expected the PostgreSQL driver');
  const server = await database.pool.query<{ server_version: string }>('show server_version');
  console.log(
    `microcred talent search benchmark: ${EARNERS} earners × ${CREDENTIALS_PER_EARNER} credentials, roles of ${SKILLS_PER_ROLE} skills, first page of 20, PostgreSQL ${server.rows[0]?.server_version}, ${availableParallelism()} cores\n`,
  );
  await load(database.pool, database.db);
  const storage = createPgStorage({ db: database.db });
  const { rows: employerRows } = await database.pool.query<{ id: string }>(
    `select id from employers where slug = 'bench-employer-1'`,
  );
  const employerId = employerRows[0]?.id;
  if (employerId === undefined) throw new Error('no bench employer');
  const { rows: issuerRows } = await database.pool.query<{ issuer_name: string }>(
    'select issuer_name from talent_evidence group by issuer_name order by count(*) desc, issuer_name limit 1',
  );
  const issuer = issuerRows[0]?.issuer_name ?? '';
  const asked = await roles(database.pool);
  const employer = { kind: 'employer', employerId } as const;
  const twoYearsAgo = new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000);
  const cases: Case[] = [
    { name: 'directory', query: (role) => ({ audience: { kind: 'directory' }, skills: role.skills }) },
    { name: 'employer', query: (role) => ({ audience: employer, skills: role.skills }) },
    { name: 'employer, issuer', query: (role) => ({ audience: employer, skills: role.skills, issuer }) },
    {
      name: 'employer, issued since',
      query: (role) => ({ audience: employer, skills: role.skills, issuedSince: twoYearsAgo }),
    },
    {
      name: 'employer, location',
      query: (role) => ({ audience: employer, skills: role.skills, location: 'lyon' }),
    },
    {
      name: 'employer, required skill',
      query: (role) => ({ audience: employer, skills: role.skills, requiredSkills: [role.midSkill] }),
    },
    {
      name: 'workforce (5,000)',
      query: (role) => ({ audience: { kind: 'workforce', employerId }, skills: role.skills }),
    },
  ];
  const now = new Date();
  console.log(
    `${'case'.padEnd(26)} ${'queries'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'mean total'.padStart(11)}  p95 vs ${TARGET_P95_MS} ms`,
  );
  let worst = 0;
  for (const item of cases) {
    const run = async (index: number) => {
      const role = asked[index % asked.length] as Role;
      const started = performance.now();
      const page = await storage.talent.search({ ...item.query(role), now, limit: 20, offset: 0 });
      return { ms: performance.now() - started, total: page.total };
    };
    for (let index = 0; index < WARM_UP; index++) await run(index);
    const times: number[] = [];
    let totals = 0;
    for (let index = 0; index < QUERIES; index++) {
      const { ms, total } = await run(index);
      times.push(ms);
      totals += total;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    worst = Math.max(worst, p95);
    console.log(
      `${item.name.padEnd(26)} ${String(QUERIES).padStart(7)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${percentile(times, 99).toFixed(1).padStart(8)} ${(times.at(-1) ?? 0).toFixed(1).padStart(8)} ${Math.round(
        totals / QUERIES,
      )
        .toString()
        .padStart(11)}  ${(p95 / TARGET_P95_MS).toFixed(2)}x ${p95 <= TARGET_P95_MS ? 'within' : 'OVER'}`,
    );
  }
  console.log(
    `\nworst p95 ${worst.toFixed(1)} ms: ${worst <= TARGET_P95_MS ? 'within' : 'over'} the ${TARGET_P95_MS} ms target`,
  );
}

let database: DatabaseHandle | undefined;
try {
  database = await openTestDatabase({ driver: 'postgres', env: { TEST_DATABASE_URL: POSTGRES_URL } });
} catch (error) {
  // The target is about PostgreSQL: without a server there is nothing to measure (as bulk issuance does).
  console.log(`talent search benchmark skipped: ${(error as Error).message}`);
}
if (database !== undefined) {
  try {
    await run(database);
  } finally {
    await database.close();
  }
}
