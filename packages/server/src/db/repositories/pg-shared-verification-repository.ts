import { eq } from 'drizzle-orm';
import type {
  NewSharedVerification,
  SharedVerification,
  SharedVerificationRepository,
} from '../../domain/ports/shared-verification-repository.js';
import type { Database } from '../database.js';
import { sharedVerifications } from '../schema/shared-verifications.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

/** `SharedVerificationRepository` on PostgreSQL or PGlite. */
export class PgSharedVerificationRepository implements SharedVerificationRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(input: NewSharedVerification): Promise<SharedVerification> {
    const rows = await guarded('shared verification', () =>
      this.#db
        .insert(sharedVerifications)
        .values({ ...input })
        .returning(),
    );
    return onlyRow(rows, 'shared verification');
  }

  async findById(options: { readonly id: string }): Promise<SharedVerification | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('shared verification', () =>
      this.#db.select().from(sharedVerifications).where(eq(sharedVerifications.id, options.id)),
    );
    return row ?? null;
  }
}
