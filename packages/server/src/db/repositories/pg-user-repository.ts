import { and, asc, eq } from 'drizzle-orm';
import { normalizeEmail } from '../../domain/identity/normalize-email.js';
import type {
  Membership,
  MembershipRole,
  NewUser,
  User,
  UserRepository,
} from '../../domain/ports/user-repository.js';
import type { Database } from '../database.js';
import { memberships } from '../schema/memberships.js';
import { users } from '../schema/users.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type UserRow = typeof users.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt };
}

function toMembership(row: MembershipRow): Membership {
  return { issuerId: row.issuerId, userId: row.userId, role: row.role, createdAt: row.createdAt };
}

/** `UserRepository` on PostgreSQL or PGlite. */
export class PgUserRepository implements UserRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewUser): Promise<User> {
    const rows = await guarded('user', () =>
      this.#db
        .insert(users)
        .values({ id: input.id, email: normalizeEmail(input.email), name: input.name ?? null })
        .returning(),
    );
    return toUser(onlyRow(rows, 'user'));
  }

  async findById(options: { readonly id: string }): Promise<User | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('user', () => this.#db.select().from(users).where(eq(users.id, options.id)));
    return row === undefined ? null : toUser(row);
  }

  async findByEmail(options: { readonly email: string }): Promise<User | null> {
    const [row] = await guarded('user', () =>
      this.#db
        .select()
        .from(users)
        .where(eq(users.email, normalizeEmail(options.email))),
    );
    return row === undefined ? null : toUser(row);
  }

  async setMembership(options: {
    readonly issuerId: string;
    readonly userId: string;
    readonly role: MembershipRole;
  }): Promise<Membership> {
    const rows = await guarded('membership', () =>
      this.#db
        .insert(memberships)
        .values({ issuerId: options.issuerId, userId: options.userId, role: options.role })
        .onConflictDoUpdate({
          target: [memberships.issuerId, memberships.userId],
          set: { role: options.role },
        })
        .returning(),
    );
    return toMembership(onlyRow(rows, 'membership'));
  }

  async removeMembership(options: { readonly issuerId: string; readonly userId: string }): Promise<boolean> {
    if (!isUuid(options.issuerId) || !isUuid(options.userId)) return false;
    const rows = await guarded('membership', () =>
      this.#db
        .delete(memberships)
        .where(and(eq(memberships.issuerId, options.issuerId), eq(memberships.userId, options.userId)))
        .returning({ userId: memberships.userId }),
    );
    return rows.length > 0;
  }

  async listMemberships(
    options: { readonly userId: string } | { readonly issuerId: string },
  ): Promise<Membership[]> {
    const filter =
      'userId' in options
        ? eq(memberships.userId, options.userId)
        : eq(memberships.issuerId, options.issuerId);
    const id = 'userId' in options ? options.userId : options.issuerId;
    if (!isUuid(id)) return [];
    const rows = await guarded('membership', () =>
      this.#db.select().from(memberships).where(filter).orderBy(asc(memberships.createdAt)),
    );
    return rows.map(toMembership);
  }
}
