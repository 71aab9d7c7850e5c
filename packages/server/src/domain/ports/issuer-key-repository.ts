/**
 * One Ed25519 key of an issuer. Rotation retires the active key and adds a new one: retired keys stay
 * in the DID document so credentials signed with them still verify; revoked keys (compromise) do not.
 */
export interface IssuerKey {
  readonly id: string;
  readonly issuerId: string;
  /** The DID URL fragment, e.g. `key-1`. Unique within the issuer. */
  readonly keyId: string;
  readonly publicKeyMultibase: string;
  /** The secret key as sealed by the `KeyStore`; opaque to storage. */
  readonly encryptedSecret: Uint8Array;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface NewIssuerKey {
  readonly id?: string;
  readonly issuerId: string;
  readonly keyId: string;
  readonly publicKeyMultibase: string;
  readonly encryptedSecret: Uint8Array;
}

/** Issuer signing keys. At most one key per issuer is active (neither retired nor revoked). */
export interface IssuerKeyRepository {
  /**
   * Adds a key and makes it the active one, retiring the previous active key in the same
   * transaction. Throws `CONFLICT` when the `keyId` is taken or a concurrent rotation won.
   */
  add(input: NewIssuerKey): Promise<IssuerKey>;
  /** The key that signs new credentials, if any. */
  findActive(options: { readonly issuerId: string }): Promise<IssuerKey | null>;
  /** Every key, oldest first, revoked ones included: the caller decides what to publish. */
  list(options: { readonly issuerId: string }): Promise<IssuerKey[]>;
  /** Marks a key compromised. Returns false when it does not exist or was already revoked. */
  revoke(options: { readonly id: string; readonly at: Date }): Promise<boolean>;
}
