import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type {
  NewWalletOffer,
  WalletCopy,
  WalletExchange,
  WalletOffer,
  WalletRepository,
} from '../../domain/ports/wallet-repository.js';
import type { Database } from '../database.js';
import { credentials } from '../schema/credentials.js';
import { walletCopies, walletExchanges, walletNonces, walletOffers } from '../schema/wallet.js';
import { guarded, isUuid } from './query-helpers.js';

/** `WalletRepository` on PostgreSQL or PGlite. */
export class PgWalletRepository implements WalletRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async createOffer(offer: NewWalletOffer): Promise<void> {
    await guarded('credential offer', () => this.#db.insert(walletOffers).values(offer));
  }

  async findOffer(options: { readonly id: string }): Promise<WalletOffer | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('credential offer', () =>
      this.#db.select().from(walletOffers).where(eq(walletOffers.id, options.id)),
    );
    return row ?? null;
  }

  async findOfferByCode(options: { readonly preAuthorizedCode: string }): Promise<WalletOffer | null> {
    const [row] = await guarded('credential offer', () =>
      this.#db
        .select()
        .from(walletOffers)
        .where(eq(walletOffers.preAuthorizedCode, options.preAuthorizedCode)),
    );
    return row ?? null;
  }

  async redeemOffer(options: {
    readonly preAuthorizedCode: string;
    readonly txCodeHash: string | null;
    readonly maxTxCodeFailures: number;
    readonly at: Date;
    readonly accessTokenHash: string;
    readonly accessExpiresAt: Date;
  }): Promise<WalletOffer | null> {
    const [row] = await guarded('credential offer', () =>
      this.#db
        .update(walletOffers)
        .set({
          redeemedAt: options.at,
          accessTokenHash: options.accessTokenHash,
          accessExpiresAt: options.accessExpiresAt,
        })
        .where(
          and(
            eq(walletOffers.preAuthorizedCode, options.preAuthorizedCode),
            isNull(walletOffers.redeemedAt),
            gt(walletOffers.expiresAt, options.at),
            lt(walletOffers.txCodeFailures, options.maxTxCodeFailures),
            options.txCodeHash === null
              ? isNull(walletOffers.txCodeHash)
              : or(isNull(walletOffers.txCodeHash), eq(walletOffers.txCodeHash, options.txCodeHash)),
          ),
        )
        .returning(),
    );
    return row ?? null;
  }

  async countTxCodeFailure(options: { readonly id: string }): Promise<void> {
    await guarded('credential offer', () =>
      this.#db
        .update(walletOffers)
        .set({ txCodeFailures: sql`${walletOffers.txCodeFailures} + 1` })
        .where(eq(walletOffers.id, options.id)),
    );
  }

  async findOfferByAccessToken(options: {
    readonly accessTokenHash: string;
    readonly at: Date;
  }): Promise<WalletOffer | null> {
    const [row] = await guarded('credential offer', () =>
      this.#db
        .select()
        .from(walletOffers)
        .where(
          and(
            eq(walletOffers.accessTokenHash, options.accessTokenHash),
            gt(walletOffers.accessExpiresAt, options.at),
          ),
        ),
    );
    return row ?? null;
  }

  async createNonce(options: { readonly nonce: string; readonly expiresAt: Date }): Promise<void> {
    await guarded('nonce', () => this.#db.insert(walletNonces).values(options));
  }

  async useNonce(options: { readonly nonce: string; readonly at: Date }): Promise<boolean> {
    const rows = await guarded('nonce', () =>
      this.#db
        .update(walletNonces)
        .set({ usedAt: options.at })
        .where(
          and(
            eq(walletNonces.nonce, options.nonce),
            isNull(walletNonces.usedAt),
            gt(walletNonces.expiresAt, options.at),
          ),
        )
        .returning({ nonce: walletNonces.nonce }),
    );
    return rows.length === 1;
  }

  async createExchange(exchange: Omit<WalletExchange, 'completedAt'>): Promise<void> {
    await guarded('exchange', () => this.#db.insert(walletExchanges).values(exchange));
  }

  async findExchange(options: { readonly id: string }): Promise<WalletExchange | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('exchange', () =>
      this.#db.select().from(walletExchanges).where(eq(walletExchanges.id, options.id)),
    );
    return row ?? null;
  }

  async completeExchange(options: {
    readonly id: string;
    readonly challenge: string;
    readonly at: Date;
  }): Promise<boolean> {
    if (!isUuid(options.id)) return false;
    const rows = await guarded('exchange', () =>
      this.#db
        .update(walletExchanges)
        .set({ completedAt: options.at })
        .where(
          and(
            eq(walletExchanges.id, options.id),
            eq(walletExchanges.challenge, options.challenge),
            isNull(walletExchanges.completedAt),
            gt(walletExchanges.expiresAt, options.at),
          ),
        )
        .returning({ id: walletExchanges.id }),
    );
    return rows.length === 1;
  }

  async deleteExpired(options: { readonly now: Date }): Promise<number> {
    const { now } = options;
    return guarded('wallet state', async () => {
      const nonces = await this.#db
        .delete(walletNonces)
        .where(lt(walletNonces.expiresAt, now))
        .returning({ nonce: walletNonces.nonce });
      const offers = await this.#db
        .delete(walletOffers)
        .where(
          and(
            lt(walletOffers.expiresAt, now),
            or(isNull(walletOffers.accessExpiresAt), lt(walletOffers.accessExpiresAt, now)),
          ),
        )
        .returning({ id: walletOffers.id });
      const exchanges = await this.#db
        .delete(walletExchanges)
        .where(lt(walletExchanges.expiresAt, now))
        .returning({ id: walletExchanges.id });
      return nonces.length + offers.length + exchanges.length;
    });
  }

  async lockCredential(options: {
    readonly id: string;
  }): Promise<{ readonly revokedAt: Date | null; readonly suspendedAt: Date | null } | null> {
    const [row] = await guarded('credential', () =>
      this.#db
        .select({ revokedAt: credentials.revokedAt, suspendedAt: credentials.suspendedAt })
        .from(credentials)
        .where(eq(credentials.id, options.id))
        .for('update'),
    );
    return row ?? null;
  }

  async findCopy(options: {
    readonly originalId: string;
    readonly holderDid: string;
  }): Promise<string | null> {
    const [row] = await guarded('wallet copy', () =>
      this.#db
        .select({ id: walletCopies.credentialId })
        .from(walletCopies)
        .where(
          and(eq(walletCopies.originalId, options.originalId), eq(walletCopies.holderDid, options.holderDid)),
        ),
    );
    return row?.id ?? null;
  }

  async recordCopy(options: {
    readonly credentialId: string;
    readonly originalId: string;
    readonly holderDid: string;
    readonly at: Date;
  }): Promise<void> {
    await guarded('wallet copy', () =>
      this.#db.insert(walletCopies).values({
        credentialId: options.credentialId,
        originalId: options.originalId,
        holderDid: options.holderDid,
        createdAt: options.at,
      }),
    );
  }

  async findOriginal(options: { readonly credentialId: string }): Promise<string | null> {
    if (!isUuid(options.credentialId)) return null;
    const [row] = await guarded('wallet copy', () =>
      this.#db
        .select({ id: walletCopies.originalId })
        .from(walletCopies)
        .where(eq(walletCopies.credentialId, options.credentialId)),
    );
    return row?.id ?? null;
  }

  async listCopies(options: { readonly originalId: string }): Promise<WalletCopy[]> {
    if (!isUuid(options.originalId)) return [];
    return guarded('wallet copy', () =>
      this.#db
        .select({
          credentialId: walletCopies.credentialId,
          originalId: walletCopies.originalId,
          holderDid: walletCopies.holderDid,
          createdAt: walletCopies.createdAt,
        })
        .from(walletCopies)
        .where(eq(walletCopies.originalId, options.originalId))
        .orderBy(asc(walletCopies.createdAt), asc(walletCopies.credentialId)),
    );
  }
}
