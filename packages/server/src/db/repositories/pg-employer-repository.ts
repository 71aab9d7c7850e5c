import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Page } from '../../domain/ports/common.js';
import type {
  Employer,
  EmployerMember,
  EmployerRepository,
  EmployerRole,
  NewEmployer,
} from '../../domain/ports/employer-repository.js';
import type { Database } from '../database.js';
import { employerMembers, employers } from '../schema/employers.js';
import { guarded, isUuid, onlyRow, pageLimit, pageOffset } from './query-helpers.js';

function toEmployer(row: typeof employers.$inferSelect): Employer {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    website: row.website,
    profileIssuerId: row.profileIssuerId,
    createdAt: row.createdAt,
  };
}

function toMember(row: typeof employerMembers.$inferSelect): EmployerMember {
  return { employerId: row.employerId, email: row.email, role: row.role, createdAt: row.createdAt };
}

/** `EmployerRepository` on PostgreSQL or PGlite. */
export class PgEmployerRepository implements EmployerRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(input: NewEmployer): Promise<Employer> {
    const rows = await guarded('employer', () =>
      this.#db
        .insert(employers)
        .values({
          slug: input.slug,
          name: input.name,
          description: input.description ?? null,
          website: input.website ?? null,
        })
        .returning(),
    );
    return toEmployer(onlyRow(rows, 'employer'));
  }

  async findById(options: { readonly id: string }): Promise<Employer | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('employer', () =>
      this.#db.select().from(employers).where(eq(employers.id, options.id)),
    );
    return row === undefined ? null : toEmployer(row);
  }

  async findBySlug(options: { readonly slug: string }): Promise<Employer | null> {
    const [row] = await guarded('employer', () =>
      this.#db.select().from(employers).where(eq(employers.slug, options.slug)),
    );
    return row === undefined ? null : toEmployer(row);
  }

  async list(options: Page): Promise<Employer[]> {
    const rows = await guarded('employer', () =>
      this.#db
        .select()
        .from(employers)
        .orderBy(asc(employers.name), asc(employers.id))
        .limit(pageLimit(options.limit, { fallback: 50, max: 500 }))
        .offset(pageOffset(options.offset)),
    );
    return rows.map(toEmployer);
  }

  async setProfile(options: { readonly id: string; readonly profileIssuerId: string }): Promise<Employer> {
    await guarded('employer', () =>
      this.#db
        .update(employers)
        .set({ profileIssuerId: options.profileIssuerId })
        .where(and(eq(employers.id, options.id), isNull(employers.profileIssuerId))),
    );
    const employer = await this.findById({ id: options.id });
    if (employer === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'No such employer');
    return employer;
  }

  async findByProfile(options: { readonly profileIssuerId: string }): Promise<Employer | null> {
    if (!isUuid(options.profileIssuerId)) return null;
    const [row] = await guarded('employer', () =>
      this.#db.select().from(employers).where(eq(employers.profileIssuerId, options.profileIssuerId)),
    );
    return row === undefined ? null : toEmployer(row);
  }

  async putMember(input: {
    readonly employerId: string;
    readonly email: string;
    readonly role: EmployerRole;
  }): Promise<EmployerMember> {
    const rows = await guarded('employer', () =>
      this.#db
        .insert(employerMembers)
        .values({ employerId: input.employerId, email: input.email, role: input.role })
        .onConflictDoUpdate({
          target: [employerMembers.employerId, employerMembers.email],
          set: { role: input.role },
        })
        .returning(),
    );
    return toMember(onlyRow(rows, 'employer member'));
  }

  async removeMember(options: { readonly employerId: string; readonly email: string }): Promise<boolean> {
    if (!isUuid(options.employerId)) return false;
    const rows = await guarded('employer', () =>
      this.#db
        .delete(employerMembers)
        .where(
          and(eq(employerMembers.employerId, options.employerId), eq(employerMembers.email, options.email)),
        )
        .returning({ email: employerMembers.email }),
    );
    return rows.length > 0;
  }

  async listMembers(options: { readonly employerId: string }): Promise<EmployerMember[]> {
    if (!isUuid(options.employerId)) return [];
    const rows = await guarded('employer', () =>
      this.#db
        .select()
        .from(employerMembers)
        .where(eq(employerMembers.employerId, options.employerId))
        .orderBy(asc(employerMembers.email)),
    );
    return rows.map(toMember);
  }

  async listMembershipsOf(options: { readonly emails: readonly string[] }): Promise<EmployerMember[]> {
    if (options.emails.length === 0) return [];
    const rows = await guarded('employer', () =>
      this.#db
        .select()
        .from(employerMembers)
        .where(inArray(employerMembers.email, [...options.emails])),
    );
    return rows.map(toMember);
  }
}
