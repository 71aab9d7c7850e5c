import { and, asc, eq, sql } from 'drizzle-orm';
import type {
  EmployerRoleRepository,
  SavedRole,
  SavedRoleInput,
} from '../../domain/ports/employer-repository.js';
import type { Database } from '../database.js';
import { employerRoles } from '../schema/employers.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

function toRole(row: typeof employerRoles.$inferSelect): SavedRole {
  return {
    id: row.id,
    employerId: row.employerId,
    title: row.title,
    occupationUri: row.occupationUri,
    skills: row.skills,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `EmployerRoleRepository` on PostgreSQL or PGlite. */
export class PgEmployerRoleRepository implements EmployerRoleRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(
    input: SavedRoleInput & { readonly employerId: string; readonly createdBy: string | null },
  ): Promise<SavedRole> {
    const rows = await guarded('role', () =>
      this.#db
        .insert(employerRoles)
        .values({
          employerId: input.employerId,
          title: input.title,
          occupationUri: input.occupationUri,
          skills: [...input.skills],
          createdBy: input.createdBy,
        })
        .returning(),
    );
    return toRole(onlyRow(rows, 'role'));
  }

  async update(
    input: SavedRoleInput & { readonly employerId: string; readonly id: string },
  ): Promise<SavedRole | null> {
    if (!isUuid(input.id) || !isUuid(input.employerId)) return null;
    const [row] = await guarded('role', () =>
      this.#db
        .update(employerRoles)
        .set({
          title: input.title,
          occupationUri: input.occupationUri,
          skills: [...input.skills],
          updatedAt: sql`now()`,
        })
        .where(and(eq(employerRoles.id, input.id), eq(employerRoles.employerId, input.employerId)))
        .returning(),
    );
    return row === undefined ? null : toRole(row);
  }

  async find(options: { readonly employerId: string; readonly id: string }): Promise<SavedRole | null> {
    if (!isUuid(options.id) || !isUuid(options.employerId)) return null;
    const [row] = await guarded('role', () =>
      this.#db
        .select()
        .from(employerRoles)
        .where(and(eq(employerRoles.id, options.id), eq(employerRoles.employerId, options.employerId))),
    );
    return row === undefined ? null : toRole(row);
  }

  async list(options: { readonly employerId: string }): Promise<SavedRole[]> {
    if (!isUuid(options.employerId)) return [];
    const rows = await guarded('role', () =>
      this.#db
        .select()
        .from(employerRoles)
        .where(eq(employerRoles.employerId, options.employerId))
        .orderBy(asc(employerRoles.title), asc(employerRoles.id)),
    );
    return rows.map(toRole);
  }

  async delete(options: { readonly employerId: string; readonly id: string }): Promise<boolean> {
    if (!isUuid(options.id) || !isUuid(options.employerId)) return false;
    const rows = await guarded('role', () =>
      this.#db
        .delete(employerRoles)
        .where(and(eq(employerRoles.id, options.id), eq(employerRoles.employerId, options.employerId)))
        .returning({ id: employerRoles.id }),
    );
    return rows.length > 0;
  }
}
