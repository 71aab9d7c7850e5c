/** What a user (or an API key) may do within one issuer. */
export const MEMBERSHIP_ROLES = ['owner', 'issuer', 'viewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export interface User {
  readonly id: string;
  /** Always lower-cased: storage normalizes it, so lookups are case-insensitive. */
  readonly email: string;
  readonly name: string | null;
  readonly createdAt: Date;
}

export interface NewUser {
  readonly id?: string;
  readonly email: string;
  readonly name?: string | null;
}

export interface Membership {
  readonly issuerId: string;
  readonly userId: string;
  readonly role: MembershipRole;
  readonly createdAt: Date;
}

/** People and their roles in issuers. */
export interface UserRepository {
  /** Throws `CONFLICT` when the (lower-cased) email is taken. */
  create(input: NewUser): Promise<User>;
  findById(options: { readonly id: string }): Promise<User | null>;
  /** Case-insensitive. */
  findByEmail(options: { readonly email: string }): Promise<User | null>;
  /** Adds the membership or changes its role. Throws `NOT_FOUND` when the user or issuer does not exist. */
  setMembership(options: {
    readonly issuerId: string;
    readonly userId: string;
    readonly role: MembershipRole;
  }): Promise<Membership>;
  /** Returns false when there was no such membership. */
  removeMembership(options: { readonly issuerId: string; readonly userId: string }): Promise<boolean>;
  /** The memberships of one user, or of one issuer. */
  listMemberships(
    options: { readonly userId: string } | { readonly issuerId: string },
  ): Promise<Membership[]>;
}
