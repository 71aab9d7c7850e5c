export const EMAIL_TOKEN_PURPOSES = ['sign-in', 'claim', 'verify-email'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/** The stored half of a link mailed to an address: the hash of its secret, never the secret. */
export interface EmailToken {
  readonly tokenHash: string;
  readonly purpose: EmailTokenPurpose;
  readonly email: string;
  readonly earnerId: string | null;
  readonly credentialId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export type NewEmailToken = Omit<EmailToken, 'createdAt' | 'usedAt'> & { readonly createdAt: Date };

/** Single-use links mailed to an address: sign-in, credential claims, address confirmation. */
export interface EmailTokenRepository {
  create(tokens: readonly NewEmailToken[]): Promise<void>;
  /**
   * Marks an unused, unexpired token of this purpose used and returns it; null when it does not exist, was
   * used, or has expired (one statement, so two concurrent uses cannot both succeed).
   */
  use(options: {
    readonly tokenHash: string;
    readonly purpose: EmailTokenPurpose;
    readonly at: Date;
  }): Promise<EmailToken | null>;
  /** A token as it stands, used or not: for showing what a link offers without using it. */
  find(options: { readonly tokenHash: string }): Promise<EmailToken | null>;
}
