import { and, eq, gt, isNull } from 'drizzle-orm';
import type {
  EmailToken,
  EmailTokenPurpose,
  EmailTokenRepository,
  NewEmailToken,
} from '../../domain/ports/email-token-repository.js';
import type { Database } from '../database.js';
import { emailTokens } from '../schema/email-tokens.js';
import { insertRows } from './json-recordset.js';
import { guarded } from './query-helpers.js';

/** `EmailTokenRepository` on PostgreSQL or PGlite. */
export class PgEmailTokenRepository implements EmailTokenRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async create(tokens: readonly NewEmailToken[]): Promise<void> {
    if (tokens.length === 0) return;
    await guarded('email link', () =>
      insertRows(
        this.#db,
        emailTokens,
        ['tokenHash', 'purpose', 'email', 'earnerId', 'credentialId', 'createdAt', 'expiresAt'],
        tokens,
      ),
    );
  }

  async use(options: {
    readonly tokenHash: string;
    readonly purpose: EmailTokenPurpose;
    readonly at: Date;
  }): Promise<EmailToken | null> {
    const [row] = await guarded('email link', () =>
      this.#db
        .update(emailTokens)
        .set({ usedAt: options.at })
        .where(
          and(
            eq(emailTokens.tokenHash, options.tokenHash),
            eq(emailTokens.purpose, options.purpose),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, options.at),
          ),
        )
        .returning(),
    );
    return row ?? null;
  }

  async find(options: { readonly tokenHash: string }): Promise<EmailToken | null> {
    const [row] = await guarded('email link', () =>
      this.#db.select().from(emailTokens).where(eq(emailTokens.tokenHash, options.tokenHash)),
    );
    return row ?? null;
  }
}
