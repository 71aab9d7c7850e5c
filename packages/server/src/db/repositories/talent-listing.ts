import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

/**
 * Runs `change` (a write to an earner's evidence, consents or workforce connections) and rebuilds the
 * earner's rows of `talent_listing` from the result, in one transaction: each consent (the directory's,
 * an employer's) and each workforce connection lists the evidence of the credentials it names. A lock
 * per earner keeps two concurrent rebuilds from both inserting; a search never sees a withdrawn consent's
 * rows after the withdrawal commits.
 */
export async function withTalentListingOf<T>(
  db: Database,
  earnerId: string,
  change: (tx: Database) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`talent_listing ${earnerId}`}, 0))`);
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
    return result;
  });
}
