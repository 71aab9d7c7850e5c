import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.js';

/**
 * Runs `change` (a write to an earner's evidence, consents or workforce connections) and rebuilds the
 * earner's rows of `talent_listing` and `talent_holdings` from the result, in one transaction: each
 * consent (the directory's, an employer's) and each workforce connection lists the evidence of the
 * credentials it names. A lock per earner keeps two concurrent rebuilds from both inserting; a search
 * never sees a withdrawn consent's rows after the withdrawal commits.
 */
export async function withTalentListingOf<T>(
  db: Database,
  earnerId: string,
  change: (tx: Database) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await lockListingOf(tx, earnerId);
    const result = await change(tx);
    await tx.execute(sql`delete from talent_listing where earner_id = ${earnerId}`);
    await tx.execute(sql`
      insert into talent_listing
        (earner_id, employer_id, workforce, skill_uri, credential_id, issued_at, valid_until, issuer_name)
      select e.earner_id, c.employer_id, false, e.skill_uri, e.credential_id, e.issued_at, e.valid_until,
        e.issuer_name
      from talent_evidence e
      join talent_consents c on c.earner_id = e.earner_id
      where e.earner_id = ${earnerId} and (c.credential_ids is null or e.credential_id = any(c.credential_ids))
      union all
      select e.earner_id, w.employer_id, true, e.skill_uri, e.credential_id, e.issued_at, e.valid_until,
        e.issuer_name
      from talent_evidence e
      join employer_employees w on w.earner_id = e.earner_id
      where e.earner_id = ${earnerId} and (w.credential_ids is null or e.credential_id = any(w.credential_ids))`);
    await rebuildHoldings(tx, earnerId);
    return result;
  });
}

/** Takes the per-earner lock of `withTalentListingOf` (until the transaction ends). */
export async function lockListingOf(tx: Database, earnerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`talent_listing ${earnerId}`}, 0))`);
}

/**
 * Rebuilds `talent_holdings` from `talent_listing` (and adds the names of issuers and skills it has not
 * seen to `talent_issuer_names` and `talent_skill_keys`): for one earner (under `lockListingOf`), or for every
 * earner when `earnerId` is null (a bulk load; a migration runs the same statements).
 */
export async function rebuildHoldings(tx: Database, earnerId: string | null): Promise<void> {
  const ofEarner = (column: SQL): SQL => (earnerId === null ? sql`true` : sql`${column} = ${earnerId}`);
  if (earnerId !== null) await tx.execute(sql`delete from talent_holdings where earner_id = ${earnerId}`);
  await tx.execute(sql`
    insert into talent_issuer_names (name)
    select distinct l.issuer_name from talent_listing l where ${ofEarner(sql`l.earner_id`)}
    order by l.issuer_name
    on conflict (name) do nothing`);
  // Only new URIs reach the insert: each row an insert tries takes a number from the sequence, even one
  // that then conflicts, and a rebuild runs for every change to an earner's evidence.
  await tx.execute(sql`
    insert into talent_skill_keys (uri)
    select distinct l.skill_uri from talent_listing l
    where ${ofEarner(sql`l.earner_id`)}
      and not exists (select 1 from talent_skill_keys k where k.uri = l.skill_uri)
    order by l.skill_uri
    on conflict (uri) do nothing`);
  // For each pair: its newest credential (the longest-valid of equally new ones), the newest of those
  // still valid when that one expires, and whether any outlives the second: see `talentHoldings`.
  await tx.execute(sql`
    insert into talent_holdings
      (workforce, audience, employer_id, skill_key, earner_id, latest, until, next_latest, next_until, more)
    with listed as materialized (
      select l.workforce, l.audience, l.employer_id, k.key as skill_key, l.earner_id, l.issued_at, l.valid_until
      from talent_listing l join talent_skill_keys k on k.uri = l.skill_uri
      where ${ofEarner(sql`l.earner_id`)}
    ),
    newest as (
      select distinct on (workforce, audience, skill_key, earner_id)
        workforce, audience, employer_id, skill_key, earner_id, issued_at as latest, valid_until as until
      from listed
      order by workforce, audience, skill_key, earner_id, issued_at desc, valid_until desc nulls first
    ),
    outliving as (
      select distinct on (l.workforce, l.audience, l.skill_key, l.earner_id)
        l.workforce, l.audience, l.skill_key, l.earner_id, l.issued_at as next_latest, l.valid_until as next_until
      from listed l join newest n using (workforce, audience, skill_key, earner_id)
      where n.until is not null and (l.valid_until is null or l.valid_until > n.until)
      order by l.workforce, l.audience, l.skill_key, l.earner_id, l.issued_at desc, l.valid_until desc nulls first
    ),
    beyond as (
      select distinct l.workforce, l.audience, l.skill_key, l.earner_id
      from listed l join outliving o using (workforce, audience, skill_key, earner_id)
      where o.next_until is not null and (l.valid_until is null or l.valid_until > o.next_until)
    )
    select n.workforce, n.audience, n.employer_id, n.skill_key, n.earner_id, n.latest, n.until,
      o.next_latest, o.next_until, b.earner_id is not null
    from newest n
    left join outliving o using (workforce, audience, skill_key, earner_id)
    left join beyond b using (workforce, audience, skill_key, earner_id)`);
}
