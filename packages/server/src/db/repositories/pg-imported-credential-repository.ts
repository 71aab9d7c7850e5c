import { desc, eq } from 'drizzle-orm';
import type {
  ImportedCredential,
  ImportedCredentialRepository,
  NewImportedCredential,
} from '../../domain/ports/imported-credential-repository.js';
import type { Visibility } from '../../domain/ports/visibility.js';
import type { Database } from '../database.js';
import { importedCredentials } from '../schema/imported-credentials.js';
import { MAX_PORTFOLIO } from './portfolio-limit.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type ImportRow = typeof importedCredentials.$inferSelect;

function toImport(row: ImportRow): ImportedCredential {
  return {
    id: row.id,
    earnerId: row.earnerId,
    document: row.document,
    jwt: row.jwt,
    sourceUrl: row.sourceUrl,
    verified: row.verified,
    report: row.report,
    visibility: row.visibility,
    importedAt: row.importedAt,
  };
}

/** `ImportedCredentialRepository` on PostgreSQL or PGlite. */
export class PgImportedCredentialRepository implements ImportedCredentialRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(input: NewImportedCredential): Promise<ImportedCredential> {
    const rows = await guarded('imported credential', () =>
      this.#db.insert(importedCredentials).values(input).returning(),
    );
    return toImport(onlyRow(rows, 'imported credential'));
  }

  async list(options: { readonly earnerId: string }): Promise<ImportedCredential[]> {
    const rows = await guarded('imported credential', () =>
      this.#db
        .select()
        .from(importedCredentials)
        .where(eq(importedCredentials.earnerId, options.earnerId))
        .orderBy(desc(importedCredentials.importedAt))
        .limit(MAX_PORTFOLIO),
    );
    return rows.map(toImport);
  }

  async find(options: { readonly id: string }): Promise<ImportedCredential | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('imported credential', () =>
      this.#db.select().from(importedCredentials).where(eq(importedCredentials.id, options.id)),
    );
    return row === undefined ? null : toImport(row);
  }

  async setVisibility(options: { readonly id: string; readonly visibility: Visibility }): Promise<void> {
    await guarded('imported credential', () =>
      this.#db
        .update(importedCredentials)
        .set({ visibility: options.visibility })
        .where(eq(importedCredentials.id, options.id)),
    );
  }

  async delete(options: { readonly id: string }): Promise<void> {
    await guarded('imported credential', () =>
      this.#db.delete(importedCredentials).where(eq(importedCredentials.id, options.id)),
    );
  }
}
