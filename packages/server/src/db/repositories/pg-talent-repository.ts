import { and, asc, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  NewTalentConsent,
  TalentConsent,
  TalentEvidence,
  TalentMatch,
  TalentPage,
  TalentProof,
  TalentQuery,
  TalentRepository,
} from '../../domain/ports/talent-repository.js';
import type { Database } from '../database.js';
import { DIRECTORY_AUDIENCE, talentConsents, talentEvidence, talentListing } from '../schema/talent.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';
import { lockListingOf, rebuildHoldings, withTalentListingOf } from './talent-listing.js';

function toConsent(row: typeof talentConsents.$inferSelect): TalentConsent {
  return {
    earnerId: row.earnerId,
    employerId: row.employerId,
    showName: row.showName,
    showContact: row.showContact,
    credentialIds: row.credentialIds,
    location: row.location,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function forEmployer(employerId: string | null): SQL | undefined {
  return employerId === null ? isNull(talentConsents.employerId) : eq(talentConsents.employerId, employerId);
}

/** The rows of a raw query, on either driver (both answer `{ rows }`). */
function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

function like(text: string): string {
  return `%${text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
}

const EVIDENCE_BATCH = 500;

interface MatchedJson {
  readonly skillUri: string;
  readonly proofs: readonly (Omit<TalentProof, 'issuedAt'> & { readonly issuedAt: string })[] | null;
}

/** The `matched` column as JSON text or parsed (drivers differ), with its dates as dates. */
function parseMatched(value: unknown): TalentMatch['matched'] {
  const list = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as readonly MatchedJson[];
  return list.map((skill) => ({
    skillUri: skill.skillUri,
    proofs: (skill.proofs ?? []).map((proof) => ({ ...proof, issuedAt: new Date(proof.issuedAt) })),
  }));
}

/** `TalentRepository` on PostgreSQL or PGlite. */
export class PgTalentRepository implements TalentRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async putConsent(input: NewTalentConsent): Promise<TalentConsent> {
    const values = {
      earnerId: input.earnerId,
      employerId: input.employerId,
      showName: input.showName,
      showContact: input.showContact,
      credentialIds: input.credentialIds === null ? null : [...input.credentialIds],
      location: input.location,
    };
    const rows = await guarded('consent', () =>
      withTalentListingOf(this.#db, input.earnerId, (tx) =>
        tx
          .insert(talentConsents)
          .values(values)
          .onConflictDoUpdate({
            target: [talentConsents.earnerId, talentConsents.employerId],
            set: { ...values, updatedAt: sql`now()` },
          })
          .returning(),
      ),
    );
    return toConsent(onlyRow(rows, 'consent'));
  }

  async withdrawConsent(options: {
    readonly earnerId: string;
    readonly employerId: string | null;
  }): Promise<boolean> {
    if (!isUuid(options.earnerId) || (options.employerId !== null && !isUuid(options.employerId)))
      return false;
    const rows = await guarded('consent', () =>
      withTalentListingOf(this.#db, options.earnerId, (tx) =>
        tx
          .delete(talentConsents)
          .where(and(eq(talentConsents.earnerId, options.earnerId), forEmployer(options.employerId)))
          .returning({ id: talentConsents.id }),
      ),
    );
    return rows.length > 0;
  }

  async listConsents(options: { readonly earnerId: string }): Promise<TalentConsent[]> {
    if (!isUuid(options.earnerId)) return [];
    const rows = await guarded('consent', () =>
      this.#db.select().from(talentConsents).where(eq(talentConsents.earnerId, options.earnerId)),
    );
    return rows.map(toConsent).sort((a, b) => (a.employerId ?? '').localeCompare(b.employerId ?? ''));
  }

  async findVisibleConsent(options: {
    readonly earnerId: string;
    readonly employerId: string | null;
  }): Promise<TalentConsent | null> {
    const consents = await this.listConsents({ earnerId: options.earnerId });
    const own =
      options.employerId === null
        ? undefined
        : consents.find((item) => item.employerId === options.employerId);
    return own ?? consents.find((item) => item.employerId === null) ?? null;
  }

  async replaceEvidence(options: {
    readonly earnerId: string;
    readonly rows: readonly TalentEvidence[];
  }): Promise<void> {
    if (!isUuid(options.earnerId)) return;
    await guarded('talent evidence', () =>
      withTalentListingOf(this.#db, options.earnerId, async (tx) => {
        await tx.delete(talentEvidence).where(eq(talentEvidence.earnerId, options.earnerId));
        // One row per (skill, credential): a wallet may name a skill twice through two alignments.
        const unique = new Map(options.rows.map((row) => [`${row.skillUri} ${row.credentialId}`, row]));
        const rows = [...unique.values()].map((row) => ({ ...row, earnerId: options.earnerId }));
        for (let start = 0; start < rows.length; start += EVIDENCE_BATCH) {
          await tx.insert(talentEvidence).values(rows.slice(start, start + EVIDENCE_BATCH));
        }
      }),
    );
  }

  async removeEvidenceOf(options: { readonly credentialId: string }): Promise<void> {
    if (!isUuid(options.credentialId)) return;
    await guarded('talent evidence', () =>
      this.#db.transaction(async (tx) => {
        const holders = await tx
          .selectDistinct({ earnerId: talentEvidence.earnerId })
          .from(talentEvidence)
          .where(eq(talentEvidence.credentialId, options.credentialId))
          .orderBy(talentEvidence.earnerId);
        for (const { earnerId } of holders) await lockListingOf(tx, earnerId);
        await tx.delete(talentEvidence).where(eq(talentEvidence.credentialId, options.credentialId));
        await tx.delete(talentListing).where(eq(talentListing.credentialId, options.credentialId));
        for (const { earnerId } of holders) await rebuildHoldings(tx, earnerId);
      }),
    );
  }

  async search(query: TalentQuery): Promise<TalentPage> {
    if (query.skills.length === 0) return { matches: [], total: 0 };
    const { audience } = query;
    if (audience.kind !== 'directory' && !isUuid(audience.employerId)) return { matches: [], total: 0 };
    const weights = new Map<string, number>();
    for (const skill of query.skills)
      weights.set(skill.uri, Math.max(weights.get(skill.uri) ?? 0, skill.weight));
    const textArray = (values: readonly string[]) =>
      sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;
    const floatArray = (values: readonly number[]) =>
      sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::float8[]`;
    const required = [...new Set(query.requiredSkills ?? [])];
    const evidenceFilters: SQL[] = [
      sql`(l.valid_until is null or l.valid_until > ${query.now.toISOString()})`,
    ];
    if (query.issuedSince !== undefined) {
      evidenceFilters.push(sql`l.issued_at >= ${query.issuedSince.toISOString()}`);
    }
    if (query.issuer !== undefined) evidenceFilters.push(sql`l.issuer_name ilike ${like(query.issuer)}`);
    const counts = sql.join(evidenceFilters, sql` and `);
    /**
     * One row per (skill, earner) of one audience, with the skill's weight and the newest credential that
     * counts, skill by skill (a lateral per skill: each is one range of an index, read in order).
     * From `talent_holdings`, whose row for a pair knows its newest counting credential at any time but
     * after two of its credentials expired (then the pair's listing rows are read), unless the search
     * names an issuer: holdings do not know issuers, so that search reads the listing, one range per
     * (issuer whose name matches, skill).
     */
    const pairsOf = (employerId: string | null, workforce: boolean) => {
      const audienceId = employerId ?? DIRECTORY_AUDIENCE;
      if (query.issuer !== undefined) {
        return sql`
          select w.uri as skill_uri, w.weight, p.earner_id, p.latest
          from wanted w cross join lateral (
            select l.earner_id, max(l.issued_at) as latest
            from named_issuers i cross join lateral (
              select l.earner_id, l.issued_at from talent_listing l
              where l.workforce = ${workforce} and l.audience = ${audienceId} and l.issuer_name = i.name
                and l.skill_uri = w.uri and ${counts}
              offset 0
            ) l
            group by l.earner_id
          ) p`;
      }
      const now = query.now.toISOString();
      const since =
        query.issuedSince === undefined ? sql`` : sql`and p.latest >= ${query.issuedSince.toISOString()}`;
      // OFFSET 0 keeps each skill's scan a scan of its own range: flattened into a join, the planner
      // merges every skill's rows with the whole audience's index.
      return sql`
        select w.uri as skill_uri, w.weight, p.earner_id, p.latest
        from wanted w cross join lateral (
          select h.earner_id,
            case
              when h.until is null or h.until > ${now} then h.latest
              when h.next_latest is null then null
              when h.next_until is null or h.next_until > ${now} then h.next_latest
              when not h.more then null
              else (select max(l.issued_at) from talent_listing l
                where l.workforce = h.workforce and l.audience = h.audience and l.skill_uri = w.uri
                  and l.earner_id = h.earner_id and ${counts})
            end as latest
          from talent_holdings h
          where h.workforce = ${workforce} and h.audience = ${audienceId} and h.skill_key = w.key
          offset 0
        ) p
        where p.latest is not null ${since}`;
    };
    const locatedIn = (employerId: string | null) =>
      query.location === undefined
        ? sql`true`
        : sql`h.earner_id in (select c.earner_id from talent_consents c
            where ${employerId === null ? sql`c.employer_id is null` : sql`c.employer_id = ${employerId}`}
              and c.location ilike ${like(query.location)})`;
    /** The (skill, earner) pairs of the audience, each with the audience it comes from (`source`). */
    const hitsOf = (): SQL => {
      if (audience.kind === 'directory') {
        return sql`select h.*, null::uuid as source from (${pairsOf(null, false)}) h where ${locatedIn(null)}`;
      }
      if (audience.kind === 'employer') {
        // An earner's consent to this employer replaces their directory consent, as the earner was told.
        return sql`
          select h.*, ${audience.employerId}::uuid as source from (${pairsOf(audience.employerId, false)}) h
          where ${locatedIn(audience.employerId)}
          union all
          select h.*, null::uuid as source from (${pairsOf(null, false)}) h
          where ${locatedIn(null)} and h.earner_id not in (
            select c.earner_id from talent_consents c where c.employer_id = ${audience.employerId})`;
      }
      const team =
        audience.team === undefined
          ? sql`true`
          : sql`h.earner_id in (select e.earner_id from employer_employees e
              where e.employer_id = ${audience.employerId} and e.team = ${audience.team}
                and e.earner_id is not null)`;
      return sql`select h.*, ${audience.employerId}::uuid as source
        from (${pairsOf(audience.employerId, true)}) h where ${team}`;
    };
    // Candidates must prove every required skill. Counted while ranking rather than found first: a
    // pre-filter's size is a guess to the planner (one group, it assumes), which then re-reads every
    // skill's holders once per qualified earner.
    const having =
      required.length === 0
        ? sql``
        : sql`having count(*) filter (where h.skill_uri = any(${textArray(required)})) = ${required.length}`;
    const uris = [...weights.keys()];
    const workforce = audience.kind === 'workforce';
    const result = await guarded('talent evidence', () =>
      this.#db.transaction(async (tx) => {
        // The ranking hashes ~100k (candidate, skill) pairs: the default 4 MB work_mem spills them to
        // disk, and JIT compilation (which starts at a plan cost this query reaches) costs more than it
        // saves. Both settings end with this transaction.
        await tx.execute(sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`);
        return tx.execute(sql`
        with wanted as (
          select w.uri, w.weight, k.key
          from unnest(${textArray(uris)}, ${floatArray(uris.map((uri) => weights.get(uri) ?? 0))})
            as w(uri, weight)
          left join talent_skill_keys k on k.uri = w.uri
        ),
        named_issuers as (
          select n.name from talent_issuer_names n
          where ${query.issuer === undefined ? sql`false` : sql`n.name ilike ${like(query.issuer)}`}
        ),
        hits as (${hitsOf()}),
        ranked as (
          select h.earner_id, h.source, sum(h.weight) as score, max(h.latest) as latest
          from hits h
          group by h.earner_id, h.source ${having}
        ),
        page as (
          select earner_id, source, score, latest, (count(*) over ())::int as total
          from ranked
          order by score desc, latest desc, earner_id
          limit ${pageLimit(query.limit, { fallback: 20, max: 100 })}
          offset ${pageOffset(query.offset)}
        )
        -- The proofs are read for the page alone, from the same audience's rows, rather than carried for
        -- every candidate through the ranking.
        select p.earner_id, p.score, p.latest, p.total,
          (select json_agg(json_build_object('skillUri', m.skill_uri, 'proofs', m.proofs) order by m.weight desc, m.skill_uri)
           from (
             select l.skill_uri, max(w.weight) as weight,
               json_agg(json_build_object('credentialKind', e.credential_kind, 'credentialId', e.credential_id,
                 'achievementName', e.achievement_name, 'issuerName', e.issuer_name,
                 'issuerVetted', e.issuer_vetted, 'issuedAt', e.issued_at) order by e.issued_at desc, e.credential_id) as proofs
             from talent_listing l
             join wanted w on w.uri = l.skill_uri
             join talent_evidence e
               on e.earner_id = l.earner_id and e.skill_uri = l.skill_uri and e.credential_id = l.credential_id
             where l.earner_id = p.earner_id and l.workforce = ${workforce}
               and l.audience = coalesce(p.source, ${DIRECTORY_AUDIENCE}::uuid) and ${counts}
             group by l.skill_uri
           ) m) as matched
        from page p
        order by p.score desc, p.latest desc, p.earner_id`);
      }),
    );
    const rows = rowsOf(result);
    const matches: TalentMatch[] = rows.map((row) => ({
      earnerId: String(row.earner_id),
      score: Number(row.score),
      latestIssuedAt: new Date(row.latest as string | Date),
      matched: parseMatched(row.matched),
    }));
    const total = rows[0] === undefined ? 0 : Number(rows[0].total);
    return { matches, total };
  }

  async listWorkforceEvidence(options: {
    readonly employerId: string;
    readonly now: Date;
  }): Promise<(TalentProof & { readonly earnerId: string; readonly skillUri: string })[]> {
    if (!isUuid(options.employerId)) return [];
    const rows = await guarded('talent evidence', () =>
      this.#db
        .select({
          earnerId: talentEvidence.earnerId,
          skillUri: talentEvidence.skillUri,
          credentialKind: talentEvidence.credentialKind,
          credentialId: talentEvidence.credentialId,
          achievementName: talentEvidence.achievementName,
          issuerName: talentEvidence.issuerName,
          issuerVetted: talentEvidence.issuerVetted,
          issuedAt: talentEvidence.issuedAt,
        })
        .from(talentListing)
        .innerJoin(
          talentEvidence,
          and(
            eq(talentEvidence.earnerId, talentListing.earnerId),
            eq(talentEvidence.skillUri, talentListing.skillUri),
            eq(talentEvidence.credentialId, talentListing.credentialId),
          ),
        )
        .where(
          and(
            eq(talentListing.workforce, true),
            eq(talentListing.audience, options.employerId),
            or(isNull(talentListing.validUntil), gt(talentListing.validUntil, options.now)),
          ),
        )
        .orderBy(asc(talentListing.earnerId), asc(talentListing.skillUri), desc(talentListing.issuedAt)),
    );
    return rows;
  }
}
