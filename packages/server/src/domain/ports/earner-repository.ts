/** A link the earner shows in their portfolio's header (always https). */
export interface ProfileLink {
  readonly label: string;
  readonly url: string;
}

export interface Earner {
  readonly id: string;
  readonly displayName: string | null;
  readonly handle: string | null;
  readonly locale: string;
  /** One line under the name on the public portfolio ("Data analyst at Acme"). */
  readonly headline: string | null;
  readonly links: readonly ProfileLink[];
  /** Credential or import ids the portfolio shows first, in the earner's order. */
  readonly featured: readonly string[];
  readonly createdAt: Date;
}

/** Earner accounts: the profile, and the deletion of everything an account owns. */
export interface EarnerRepository {
  create(input: { readonly displayName: string | null; readonly locale: string }): Promise<Earner>;
  findById(options: { readonly id: string }): Promise<Earner | null>;
  /** Those of `ids` that exist, in no particular order: one query for a list of people. */
  findByIds(options: { readonly ids: readonly string[] }): Promise<Earner[]>;
  findByHandle(options: { readonly handle: string }): Promise<Earner | null>;
  /** Throws `CONFLICT` when the handle is taken. */
  update(options: {
    readonly id: string;
    readonly displayName?: string | null;
    readonly handle?: string | null;
    readonly locale?: string;
    readonly headline?: string | null;
    readonly links?: readonly ProfileLink[];
    readonly featured?: readonly string[];
  }): Promise<Earner>;
  /**
   * Deletes the account and all it owns (addresses, sessions, email links, choices, imports, follows),
   * in one transaction, except that declines and private choices stay, naming no account, so those
   * credentials stay hidden.
   */
  delete(options: { readonly id: string }): Promise<void>;
}
