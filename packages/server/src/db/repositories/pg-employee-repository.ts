import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Employee, EmployeeRepository } from '../../domain/ports/employer-repository.js';
import type { Database } from '../database.js';
import { employerEmployees } from '../schema/employers.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';
import { withTalentListingOf } from './talent-listing.js';

function toEmployee(row: typeof employerEmployees.$inferSelect): Employee {
  return {
    id: row.id,
    employerId: row.employerId,
    email: row.email,
    team: row.team,
    invitedBy: row.invitedBy,
    invitedAt: row.invitedAt,
    earnerId: row.earnerId,
    credentialIds: row.credentialIds,
    connectedAt: row.connectedAt,
    declinedAt: row.declinedAt,
  };
}

/** `EmployeeRepository` on PostgreSQL or PGlite. */
export class PgEmployeeRepository implements EmployeeRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async invite(input: {
    readonly employerId: string;
    readonly email: string;
    readonly team: string | null;
    readonly invitedBy: string | null;
  }): Promise<Employee> {
    const rows = await guarded('employee', () =>
      this.#db
        .insert(employerEmployees)
        .values({
          employerId: input.employerId,
          email: input.email,
          team: input.team,
          invitedBy: input.invitedBy,
        })
        .onConflictDoUpdate({
          target: [employerEmployees.employerId, employerEmployees.email],
          // Inviting again after a decline asks again; a connection stays as the employee made it.
          set: { team: input.team, declinedAt: null, invitedAt: sql`now()`, invitedBy: input.invitedBy },
        })
        .returning(),
    );
    return toEmployee(onlyRow(rows, 'employee'));
  }

  async setTeam(options: {
    readonly employerId: string;
    readonly id: string;
    readonly team: string | null;
  }): Promise<Employee | null> {
    if (!isUuid(options.id) || !isUuid(options.employerId)) return null;
    const [row] = await guarded('employee', () =>
      this.#db
        .update(employerEmployees)
        .set({ team: options.team })
        .where(
          and(eq(employerEmployees.id, options.id), eq(employerEmployees.employerId, options.employerId)),
        )
        .returning(),
    );
    return row === undefined ? null : toEmployee(row);
  }

  async find(options: { readonly employerId: string; readonly id: string }): Promise<Employee | null> {
    if (!isUuid(options.id) || !isUuid(options.employerId)) return null;
    const [row] = await guarded('employee', () =>
      this.#db
        .select()
        .from(employerEmployees)
        .where(
          and(eq(employerEmployees.id, options.id), eq(employerEmployees.employerId, options.employerId)),
        ),
    );
    return row === undefined ? null : toEmployee(row);
  }

  async findById(options: { readonly id: string }): Promise<Employee | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('employee', () =>
      this.#db.select().from(employerEmployees).where(eq(employerEmployees.id, options.id)),
    );
    return row === undefined ? null : toEmployee(row);
  }

  async list(options: { readonly employerId: string }): Promise<Employee[]> {
    if (!isUuid(options.employerId)) return [];
    const rows = await guarded('employee', () =>
      this.#db
        .select()
        .from(employerEmployees)
        .where(eq(employerEmployees.employerId, options.employerId))
        .orderBy(sql`${employerEmployees.team} asc nulls last`, asc(employerEmployees.email)),
    );
    return rows.map(toEmployee);
  }

  async listOf(options: {
    readonly earnerId: string;
    readonly emails: readonly string[];
  }): Promise<Employee[]> {
    const conditions = [
      ...(isUuid(options.earnerId) ? [eq(employerEmployees.earnerId, options.earnerId)] : []),
      ...(options.emails.length > 0 ? [inArray(employerEmployees.email, [...options.emails])] : []),
    ];
    if (conditions.length === 0) return [];
    const rows = await guarded('employee', () =>
      this.#db
        .select()
        .from(employerEmployees)
        .where(or(...conditions))
        .orderBy(asc(employerEmployees.invitedAt)),
    );
    return rows.map(toEmployee);
  }

  async connect(options: {
    readonly id: string;
    readonly earnerId: string;
    readonly credentialIds: readonly string[] | null;
  }): Promise<Employee> {
    const previous = await this.findById({ id: options.id });
    if (previous === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such invitation');
    const rows = await guarded('employee', () =>
      withTalentListingOf(this.#db, options.earnerId, (tx) =>
        tx
          .update(employerEmployees)
          .set({
            earnerId: options.earnerId,
            credentialIds: options.credentialIds === null ? null : [...options.credentialIds],
            connectedAt: sql`coalesce(${employerEmployees.connectedAt}, now())`,
            declinedAt: null,
          })
          .where(eq(employerEmployees.id, options.id))
          .returning(),
      ),
    );
    // A connection moved from another earner (an address that changed hands) leaves nothing behind.
    if (previous.earnerId !== null && previous.earnerId !== options.earnerId) {
      await withTalentListingOf(this.#db, previous.earnerId, async () => undefined);
    }
    return toEmployee(onlyRow(rows, 'employee'));
  }

  async decline(options: { readonly id: string }): Promise<Employee> {
    const previous = await this.findById({ id: options.id });
    if (previous === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such invitation');
    const update = (tx: Database) =>
      tx
        .update(employerEmployees)
        .set({ earnerId: null, credentialIds: null, connectedAt: null, declinedAt: sql`now()` })
        .where(eq(employerEmployees.id, options.id))
        .returning();
    const rows = await guarded('employee', () =>
      previous.earnerId === null
        ? update(this.#db)
        : withTalentListingOf(this.#db, previous.earnerId, update),
    );
    return toEmployee(onlyRow(rows, 'employee'));
  }

  async remove(options: { readonly employerId: string; readonly id: string }): Promise<boolean> {
    const previous = await this.find(options);
    if (previous === null) return false;
    const remove = (tx: Database) =>
      tx
        .delete(employerEmployees)
        .where(
          and(eq(employerEmployees.id, options.id), eq(employerEmployees.employerId, options.employerId)),
        )
        .returning({ id: employerEmployees.id });
    const rows = await guarded('employee', () =>
      previous.earnerId === null
        ? remove(this.#db)
        : withTalentListingOf(this.#db, previous.earnerId, remove),
    );
    return rows.length > 0;
  }
}
