import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type {
  CredentialChoiceRecord,
  Earner,
  EarnerEmail,
  EarnerRepository,
  EmailToken,
  EmailTokenPurpose,
  ImportedCredential,
  NewEmailToken,
  NewImportedCredential,
  Visibility,
} from '../../domain/ports/earner-repository.js';
import type { CredentialRecord } from '../../domain/ports/index.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import { earnerCredentials } from '../schema/earner-credentials.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { earnerSessions } from '../schema/earner-sessions.js';
import { earners } from '../schema/earners.js';
import { emailTokens } from '../schema/email-tokens.js';
import { importedCredentials } from '../schema/imported-credentials.js';
import { pathwayFollows } from '../schema/pathway-follows.js';
import { toCredential } from './pg-credential-repository.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

type EarnerRow = typeof earners.$inferSelect;
type ImportRow = typeof importedCredentials.$inferSelect;

function toEarner(row: EarnerRow): Earner {
  return {
    id: row.id,
    displayName: row.displayName,
    handle: row.handle,
    locale: row.locale,
    createdAt: row.createdAt,
  };
}

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

// A portfolio is bounded so a page can never ask for an unbounded read.
const MAX_PORTFOLIO = 1000;

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
  }): Promise<Earner> {
    const rows = await guarded('handle', () =>
      this.#db
        .update(earners)
        .set({
          ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
          ...(options.handle === undefined ? {} : { handle: options.handle }),
          ...(options.locale === undefined ? {} : { locale: options.locale }),
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
        await tx.delete(earners).where(eq(earners.id, options.id));
      }),
    );
  }

  async listEmails(options: { readonly earnerId: string }): Promise<EarnerEmail[]> {
    return guarded('email address', () =>
      this.#db
        .select()
        .from(earnerEmails)
        .where(eq(earnerEmails.earnerId, options.earnerId))
        .orderBy(earnerEmails.createdAt, earnerEmails.email),
    );
  }

  async putEmail(input: {
    readonly earnerId: string;
    readonly email: string;
    readonly lookupHash: string;
    readonly verifiedAt: Date | null;
  }): Promise<EarnerEmail> {
    const rows = await guarded('email address', () =>
      this.#db
        .insert(earnerEmails)
        .values({
          earnerId: input.earnerId,
          email: input.email.toLowerCase(),
          lookupHash: input.lookupHash,
          verifiedAt: input.verifiedAt,
        })
        .onConflictDoUpdate({
          target: [earnerEmails.earnerId, earnerEmails.lookupHash],
          // Verifying again keeps the first verification time; adding again never un-verifies.
          set: { verifiedAt: sql`coalesce(${earnerEmails.verifiedAt}, excluded.verified_at)` },
        })
        .returning(),
    );
    return onlyRow(rows, 'email address');
  }

  async findVerifiedEmail(options: { readonly lookupHash: string }): Promise<EarnerEmail | null> {
    const [row] = await guarded('email address', () =>
      this.#db
        .select()
        .from(earnerEmails)
        .where(and(eq(earnerEmails.lookupHash, options.lookupHash), isNotNull(earnerEmails.verifiedAt))),
    );
    return row ?? null;
  }

  async removeEmail(options: { readonly earnerId: string; readonly emailId: string }): Promise<boolean> {
    if (!isUuid(options.emailId)) return false;
    const rows = await guarded('email address', () =>
      this.#db
        .delete(earnerEmails)
        .where(and(eq(earnerEmails.id, options.emailId), eq(earnerEmails.earnerId, options.earnerId)))
        .returning({ id: earnerEmails.id }),
    );
    return rows.length > 0;
  }

  async createTokens(tokens: readonly NewEmailToken[]): Promise<void> {
    if (tokens.length === 0) return;
    await guarded('email link', () => this.#db.insert(emailTokens).values([...tokens]));
  }

  async useToken(options: {
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

  async findToken(options: { readonly tokenHash: string }): Promise<EmailToken | null> {
    const [row] = await guarded('email link', () =>
      this.#db.select().from(emailTokens).where(eq(emailTokens.tokenHash, options.tokenHash)),
    );
    return row ?? null;
  }

  async createSession(input: {
    readonly tokenHash: string;
    readonly earnerId: string;
    readonly expiresAt: Date;
  }): Promise<void> {
    await guarded('session', () => this.#db.insert(earnerSessions).values(input));
  }

  async findSession(options: { readonly tokenHash: string; readonly at: Date }): Promise<string | null> {
    const [row] = await guarded('session', () =>
      this.#db
        .select({ earnerId: earnerSessions.earnerId })
        .from(earnerSessions)
        .where(
          and(eq(earnerSessions.tokenHash, options.tokenHash), gt(earnerSessions.expiresAt, options.at)),
        ),
    );
    return row?.earnerId ?? null;
  }

  async deleteSession(options: { readonly tokenHash: string }): Promise<void> {
    await guarded('session', () =>
      this.#db.delete(earnerSessions).where(eq(earnerSessions.tokenHash, options.tokenHash)),
    );
  }

  async findChoice(options: { readonly credentialId: string }): Promise<CredentialChoiceRecord | null> {
    if (!isUuid(options.credentialId)) return null;
    const [row] = await guarded('choice', () =>
      this.#db
        .select()
        .from(earnerCredentials)
        .where(eq(earnerCredentials.credentialId, options.credentialId)),
    );
    return row ?? null;
  }

  async putChoice(
    input: Omit<CredentialChoiceRecord, 'updatedAt'> & { readonly at: Date },
  ): Promise<CredentialChoiceRecord> {
    const values = {
      credentialId: input.credentialId,
      earnerId: input.earnerId,
      choice: input.choice,
      visibility: input.visibility,
      updatedAt: input.at,
    };
    const rows = await guarded('choice', () =>
      this.#db
        .insert(earnerCredentials)
        .values(values)
        .onConflictDoUpdate({ target: earnerCredentials.credentialId, set: values })
        .returning(),
    );
    return onlyRow(rows, 'choice');
  }

  async listChoices(options: { readonly earnerId: string }): Promise<CredentialChoiceRecord[]> {
    return guarded('choice', () =>
      this.#db.select().from(earnerCredentials).where(eq(earnerCredentials.earnerId, options.earnerId)),
    );
  }

  async listCredentials(options: { readonly earnerId: string }): Promise<CredentialRecord[]> {
    if (!isUuid(options.earnerId)) return [];
    const rows = await guarded('credential', () =>
      this.#db
        .select()
        .from(credentials)
        .where(
          inArray(
            credentials.recipientLookupHash,
            this.#db
              .select({ hash: earnerEmails.lookupHash })
              .from(earnerEmails)
              .where(and(eq(earnerEmails.earnerId, options.earnerId), isNotNull(earnerEmails.verifiedAt))),
          ),
        )
        .orderBy(desc(credentials.issuedAt), desc(credentials.id))
        .limit(MAX_PORTFOLIO),
    );
    return rows.map(toCredential);
  }

  async findCredentialOwner(options: { readonly credentialId: string }): Promise<string | null> {
    if (!isUuid(options.credentialId)) return null;
    const [row] = await guarded('credential', () =>
      this.#db
        .select({ earnerId: earnerEmails.earnerId })
        .from(credentials)
        .innerJoin(
          earnerEmails,
          and(
            eq(earnerEmails.lookupHash, credentials.recipientLookupHash),
            isNotNull(earnerEmails.verifiedAt),
          ),
        )
        .where(eq(credentials.id, options.credentialId)),
    );
    return row?.earnerId ?? null;
  }

  async insertImport(input: NewImportedCredential): Promise<ImportedCredential> {
    const rows = await guarded('imported credential', () =>
      this.#db.insert(importedCredentials).values(input).returning(),
    );
    return toImport(onlyRow(rows, 'imported credential'));
  }

  async listImports(options: { readonly earnerId: string }): Promise<ImportedCredential[]> {
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

  async findImport(options: { readonly id: string }): Promise<ImportedCredential | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('imported credential', () =>
      this.#db.select().from(importedCredentials).where(eq(importedCredentials.id, options.id)),
    );
    return row === undefined ? null : toImport(row);
  }

  async setImportVisibility(options: {
    readonly id: string;
    readonly visibility: Visibility;
  }): Promise<void> {
    await guarded('imported credential', () =>
      this.#db
        .update(importedCredentials)
        .set({ visibility: options.visibility })
        .where(eq(importedCredentials.id, options.id)),
    );
  }

  async deleteImport(options: { readonly id: string }): Promise<void> {
    await guarded('imported credential', () =>
      this.#db.delete(importedCredentials).where(eq(importedCredentials.id, options.id)),
    );
  }

  async follow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void> {
    await guarded('pathway', () => this.#db.insert(pathwayFollows).values(options).onConflictDoNothing());
  }

  async unfollow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void> {
    await guarded('pathway', () =>
      this.#db
        .delete(pathwayFollows)
        .where(
          and(eq(pathwayFollows.earnerId, options.earnerId), eq(pathwayFollows.pathwayId, options.pathwayId)),
        ),
    );
  }

  async listFollows(options: { readonly earnerId: string }): Promise<string[]> {
    const rows = await guarded('pathway', () =>
      this.#db
        .select({ pathwayId: pathwayFollows.pathwayId })
        .from(pathwayFollows)
        .where(eq(pathwayFollows.earnerId, options.earnerId))
        .orderBy(pathwayFollows.createdAt),
    );
    return rows.map((row) => row.pathwayId);
  }
}
