import { and, asc, eq, or } from 'drizzle-orm';
import type { Partnership, PartnershipRepository } from '../../domain/ports/partnership-repository.js';
import type { Database } from '../database.js';
import { pathwayPartnerships } from '../schema/pathway-partnerships.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

function between(grantorIssuerId: string, granteeIssuerId: string) {
  return and(
    eq(pathwayPartnerships.grantorIssuerId, grantorIssuerId),
    eq(pathwayPartnerships.granteeIssuerId, granteeIssuerId),
  );
}

/** `PartnershipRepository` on PostgreSQL or PGlite. */
export class PgPartnershipRepository implements PartnershipRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async grant(options: {
    readonly grantorIssuerId: string;
    readonly granteeIssuerId: string;
  }): Promise<Partnership> {
    return guarded('partnership', async () => {
      await this.#db.insert(pathwayPartnerships).values(options).onConflictDoNothing();
      const rows = await this.#db
        .select()
        .from(pathwayPartnerships)
        .where(between(options.grantorIssuerId, options.granteeIssuerId));
      return onlyRow(rows, 'partnership');
    });
  }

  async withdraw(options: {
    readonly grantorIssuerId: string;
    readonly granteeIssuerId: string;
  }): Promise<boolean> {
    if (!isUuid(options.grantorIssuerId) || !isUuid(options.granteeIssuerId)) return false;
    const rows = await guarded('partnership', () =>
      this.#db
        .delete(pathwayPartnerships)
        .where(between(options.grantorIssuerId, options.granteeIssuerId))
        .returning({ grantor: pathwayPartnerships.grantorIssuerId }),
    );
    return rows.length > 0;
  }

  async exists(options: {
    readonly grantorIssuerId: string;
    readonly granteeIssuerId: string;
  }): Promise<boolean> {
    if (!isUuid(options.grantorIssuerId) || !isUuid(options.granteeIssuerId)) return false;
    const rows = await guarded('partnership', () =>
      this.#db
        .select({ grantor: pathwayPartnerships.grantorIssuerId })
        .from(pathwayPartnerships)
        .where(between(options.grantorIssuerId, options.granteeIssuerId)),
    );
    return rows.length > 0;
  }

  async list(options: { readonly issuerId: string }): Promise<Partnership[]> {
    if (!isUuid(options.issuerId)) return [];
    return guarded('partnership', () =>
      this.#db
        .select()
        .from(pathwayPartnerships)
        .where(
          or(
            eq(pathwayPartnerships.grantorIssuerId, options.issuerId),
            eq(pathwayPartnerships.granteeIssuerId, options.issuerId),
          ),
        )
        .orderBy(asc(pathwayPartnerships.createdAt)),
    );
  }
}
