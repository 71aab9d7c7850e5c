import { and, eq, gt } from 'drizzle-orm';
import type {
  ObBackpackConnection,
  ObBackpackConnectionRepository,
} from '../../domain/ports/ob-backpack-connection-repository.js';
import type { Database } from '../database.js';
import { obBackpackConnections } from '../schema/ob-api.js';
import { guarded } from './query-helpers.js';

/** `ObBackpackConnectionRepository` on PostgreSQL or PGlite. */
export class PgObBackpackConnectionRepository implements ObBackpackConnectionRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(connection: ObBackpackConnection): Promise<void> {
    await guarded('backpack connection', () => this.#db.insert(obBackpackConnections).values(connection));
  }

  async take(options: {
    readonly stateHash: string;
    readonly earnerId: string;
    readonly at: Date;
  }): Promise<ObBackpackConnection | null> {
    // Deleting is the use: of two returns with one state, only one finds it.
    const [row] = await guarded('backpack connection', () =>
      this.#db
        .delete(obBackpackConnections)
        .where(
          and(
            eq(obBackpackConnections.stateHash, options.stateHash),
            eq(obBackpackConnections.earnerId, options.earnerId),
            gt(obBackpackConnections.expiresAt, options.at),
          ),
        )
        .returning(),
    );
    return row === undefined ? null : { ...row };
  }
}
