import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
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
import { talentConsents, talentEvidence } from '../schema/talent.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';

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
      this.#db
        .insert(talentConsents)
        .values(values)
        .onConflictDoUpdate({
          target: [talentConsents.earnerId, talentConsents.employerId],
          set: { ...values, updatedAt: sql`now()` },
        })
        .returning(),
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
      this.#db
        .delete(talentConsents)
        .where(and(eq(talentConsents.earnerId, options.earnerId), forEmployer(options.employerId)))
        .returning({ id: talentConsents.id }),
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
    await guarded('talent evidence', async () => {
      await this.#db.delete(talentEvidence).where(eq(talentEvidence.earnerId, options.earnerId));
      // One row per (skill, credential): a wallet may name a skill twice through two alignments.
      const unique = new Map(options.rows.map((row) => [`${row.skillUri} ${row.credentialId}`, row]));
      const rows = [...unique.values()].map((row) => ({ ...row, earnerId: options.earnerId }));
      for (let start = 0; start < rows.length; start += EVIDENCE_BATCH) {
        await this.#db.insert(talentEvidence).values(rows.slice(start, start + EVIDENCE_BATCH));
      }
    });
  }

  async removeEvidenceOf(options: { readonly credentialId: string }): Promise<void> {
    if (!isUuid(options.credentialId)) return;
    await guarded('talent evidence', () =>
      this.#db.delete(talentEvidence).where(eq(talentEvidence.credentialId, options.credentialId)),
    );
  }

  async search(query: TalentQuery): Promise<TalentPage> {
    if (query.skills.length === 0) return { matches: [], total: 0 };
    if (query.employerId !== null && !isUuid(query.employerId)) return { matches: [], total: 0 };
    const wanted = JSON.stringify(query.skills.map((skill) => ({ uri: skill.uri, weight: skill.weight })));
    const textArray = (values: readonly string[]) =>
      sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::text[]`;
    const uris = textArray([...new Set(query.skills.map((skill) => skill.uri))]);
    const required = [...new Set(query.requiredSkills ?? [])];
    const audience =
      query.employerId === null
        ? sql`c.employer_id is null`
        : sql`(c.employer_id is null or c.employer_id = ${query.employerId})`;
    const located = query.location === undefined ? sql`true` : sql`location ilike ${like(query.location)}`;
    const evidenceFilters: SQL[] = [
      sql`(e.valid_until is null or e.valid_until > ${query.now.toISOString()})`,
    ];
    if (query.issuedSince !== undefined) {
      evidenceFilters.push(sql`e.issued_at >= ${query.issuedSince.toISOString()}`);
    }
    if (query.issuer !== undefined) evidenceFilters.push(sql`e.issuer_name ilike ${like(query.issuer)}`);
    // The evidence that counts: from a credential the earner's consent shows, valid now, within the filters.
    const counts = sql`${sql.join(evidenceFilters, sql` and `)}
      and (a.credential_ids is null or e.credential_id = any(a.credential_ids))`;
    const having =
      required.length === 0
        ? sql``
        : sql`having count(*) filter (where h.skill_uri = any(${textArray(required)})) = ${required.length}`;
    const result = await guarded('talent evidence', () =>
      this.#db.transaction(async (tx) => {
        // The ranking sorts and hashes ~100k (candidate, skill) rows: the default 4 MB work_mem spills them
        // to disk, and JIT compilation (which starts at a plan cost this query reaches) costs more than it
        // saves. Both settings end with this transaction.
        await tx.execute(sql`select set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`);
        return tx.execute(sql`
        with allowed as materialized (
          -- One consent per earner, read once and hashed (cheaper than a lookup per evidence row): for an
          -- employer, the earner's consent to them replaces the directory's, as the earner was told.
          select earner_id, credential_ids from (
            select distinct on (c.earner_id) c.earner_id, c.credential_ids, c.location
            from talent_consents c
            where ${audience}
            order by c.earner_id, (c.employer_id is null)
          ) chosen
          where ${located}
        ),
        wanted as (
          select uri, max(weight) as weight
          from json_to_recordset(${wanted}::json) as w(uri text, weight float8)
          group by uri
        ),
        hits as (
          -- A literal array (not a join) lets the planner see how common each skill is, and the covering
          -- skill index answers it without reading the table.
          select e.earner_id, e.skill_uri, max(e.issued_at) as latest
          from talent_evidence e join allowed a on a.earner_id = e.earner_id
          where e.skill_uri = any(${uris}) and ${counts}
          group by e.earner_id, e.skill_uri
        ),
        ranked as (
          select h.earner_id, sum(w.weight) as score, max(h.latest) as latest
          from hits h join wanted w on w.uri = h.skill_uri
          group by h.earner_id ${having}
        ),
        page as (
          select earner_id, score, latest, (count(*) over ())::int as total
          from ranked
          order by score desc, latest desc, earner_id
          limit ${pageLimit(query.limit, { fallback: 20, max: 100 })}
          offset ${pageOffset(query.offset)}
        )
        -- The proofs are read again for the page alone (by primary key) rather than carried for every
        -- candidate through the ranking.
        select p.earner_id, p.score, p.latest, p.total,
          (select json_agg(json_build_object('skillUri', m.skill_uri, 'proofs', m.proofs) order by m.weight desc, m.skill_uri)
           from (
             select e.skill_uri, max(w.weight) as weight,
               json_agg(json_build_object('credentialKind', e.credential_kind, 'credentialId', e.credential_id,
                 'achievementName', e.achievement_name, 'issuerName', e.issuer_name,
                 'issuerVetted', e.issuer_vetted, 'issuedAt', e.issued_at) order by e.issued_at desc, e.credential_id) as proofs
             from talent_evidence e join wanted w on w.uri = e.skill_uri,
               lateral (
                 -- The page's consents by index, not by scanning the hashed set once per candidate.
                 select c.credential_ids from talent_consents c
                 where c.earner_id = p.earner_id and ${audience}
                 order by (c.employer_id is null) limit 1
               ) a
             where e.earner_id = p.earner_id and ${counts}
             group by e.skill_uri
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
}
