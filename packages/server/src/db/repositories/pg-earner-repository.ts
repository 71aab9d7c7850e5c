import { and, eq, inArray, or } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Earner, EarnerRepository, ProfileLink } from '../../domain/ports/earner-repository.js';
import type { Database } from '../database.js';
import { earnerCredentials } from '../schema/earner-credentials.js';
import { earners } from '../schema/earners.js';
import { emailTokens } from '../schema/email-tokens.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type EarnerRow = typeof earners.$inferSelect;

function toEarner(row: EarnerRow): Earner {
  return {
    id: row.id,
    displayName: row.displayName,
    handle: row.handle,
    locale: row.locale,
    headline: row.headline,
    links: row.links,
    featured: row.featured,
    createdAt: row.createdAt,
  };
}

/** `EarnerRepository` on PostgreSQL or PGlite. */
export class PgEarnerRepository implements EarnerRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: { readonly displayName: string | null; readonly locale: string }): Promise<Earner> {
    const rows = await guarded('earner', () =>
      this.#db.insert(earners).values({ displayName: input.displayName, locale: input.locale }).returning(),
    );
    return toEarner(onlyRow(rows, 'earner'));
  }

  async findById(options: { readonly id: string }): Promise<Earner | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('earner', () =>
      this.#db.select().from(earners).where(eq(earners.id, options.id)),
    );
    return row === undefined ? null : toEarner(row);
  }

  async findByIds(options: { readonly ids: readonly string[] }): Promise<Earner[]> {
    const ids = [...new Set(options.ids.filter(isUuid))];
    if (ids.length === 0) return [];
    const rows = await guarded('earner', () =>
      this.#db.select().from(earners).where(inArray(earners.id, ids)),
    );
    return rows.map(toEarner);
  }

  async findByHandle(options: { readonly handle: string }): Promise<Earner | null> {
    const [row] = await guarded('earner', () =>
      this.#db.select().from(earners).where(eq(earners.handle, options.handle.toLowerCase())),
    );
    return row === undefined ? null : toEarner(row);
  }

  async update(options: {
    readonly id: string;
    readonly displayName?: string | null;
    readonly handle?: string | null;
    readonly locale?: string;
    readonly headline?: string | null;
    readonly links?: readonly ProfileLink[];
    readonly featured?: readonly string[];
  }): Promise<Earner> {
    const rows = await guarded('handle', () =>
      this.#db
        .update(earners)
        .set({
          ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
          ...(options.handle === undefined ? {} : { handle: options.handle }),
          ...(options.locale === undefined ? {} : { locale: options.locale }),
          ...(options.headline === undefined ? {} : { headline: options.headline }),
          ...(options.links === undefined ? {} : { links: [...options.links] }),
          ...(options.featured === undefined ? {} : { featured: [...options.featured] }),
        })
        .where(eq(earners.id, options.id))
        .returning(),
    );
    const row = rows[0];
    if (row === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such earner');
    return toEarner(row);
  }

  async delete(options: { readonly id: string }): Promise<void> {
    await guarded('earner', () =>
      this.#db.transaction(async (tx) => {
        // Declined and private credentials stay hidden (deleting an account keeps hidden what it hid), but
        // no longer name the deleted account.
        await tx
          .update(earnerCredentials)
          .set({ earnerId: null })
          .where(
            and(
              eq(earnerCredentials.earnerId, options.id),
              or(eq(earnerCredentials.choice, 'declined'), eq(earnerCredentials.visibility, 'private')),
            ),
          );
        await tx.delete(earnerCredentials).where(eq(earnerCredentials.earnerId, options.id));
        await tx.delete(emailTokens).where(eq(emailTokens.earnerId, options.id));
        // Addresses, sessions, imports and follows go with the account (their foreign keys cascade).
        await tx.delete(earners).where(eq(earners.id, options.id));
      }),
    );
  }
}
