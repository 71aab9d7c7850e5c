import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CredentialRecord } from '../../domain/ports/credential-repository.js';
import type { CredentialChoiceRecord, PortfolioRepository } from '../../domain/ports/portfolio-repository.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import { earnerCredentials } from '../schema/earner-credentials.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { toCredential } from './pg-credential-repository.js';
import { MAX_PORTFOLIO } from './portfolio-limit.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

/** `PortfolioRepository` on PostgreSQL or PGlite. */
export class PgPortfolioRepository implements PortfolioRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async listCredentials(options: { readonly earnerId: string }): Promise<CredentialRecord[]> {
    if (!isUuid(options.earnerId)) return [];
    const rows = await guarded('credential', () =>
      this.#db
        .select()
        .from(credentials)
        .where(
          inArray(
            credentials.recipientLookupHash,
            this.#db
              .select({ hash: earnerEmails.lookupHash })
              .from(earnerEmails)
              .where(and(eq(earnerEmails.earnerId, options.earnerId), isNotNull(earnerEmails.verifiedAt))),
          ),
        )
        .orderBy(desc(credentials.issuedAt), desc(credentials.id))
        .limit(MAX_PORTFOLIO),
    );
    return rows.map(toCredential);
  }

  async findOwner(options: { readonly credentialId: string }): Promise<string | null> {
    if (!isUuid(options.credentialId)) return null;
    const [row] = await guarded('credential', () =>
      this.#db
        .select({ earnerId: earnerEmails.earnerId })
        .from(credentials)
        .innerJoin(
          earnerEmails,
          and(
            eq(earnerEmails.lookupHash, credentials.recipientLookupHash),
            isNotNull(earnerEmails.verifiedAt),
          ),
        )
        .where(eq(credentials.id, options.credentialId)),
    );
    return row?.earnerId ?? null;
  }

  async findChoice(options: { readonly credentialId: string }): Promise<CredentialChoiceRecord | null> {
    if (!isUuid(options.credentialId)) return null;
    const [row] = await guarded('choice', () =>
      this.#db
        .select()
        .from(earnerCredentials)
        .where(eq(earnerCredentials.credentialId, options.credentialId)),
    );
    return row ?? null;
  }

  async putChoice(
    input: Omit<CredentialChoiceRecord, 'updatedAt'> & { readonly at: Date },
  ): Promise<CredentialChoiceRecord> {
    const values = {
      credentialId: input.credentialId,
      earnerId: input.earnerId,
      choice: input.choice,
      visibility: input.visibility,
      updatedAt: input.at,
    };
    const rows = await guarded('choice', () =>
      this.#db
        .insert(earnerCredentials)
        .values(values)
        .onConflictDoUpdate({ target: earnerCredentials.credentialId, set: values })
        .returning(),
    );
    return onlyRow(rows, 'choice');
  }

  async listChoices(options: { readonly earnerId: string }): Promise<CredentialChoiceRecord[]> {
    return guarded('choice', () =>
      this.#db.select().from(earnerCredentials).where(eq(earnerCredentials.earnerId, options.earnerId)),
    );
  }
}
