/**
 * Consent, given by the `grantor` issuer (its owner), for the `grantee` issuer's pathways to count the
 * grantor's published achievements: e.g. an employer's badge toward a university certificate.
 */
export interface Partnership {
  readonly grantorIssuerId: string;
  readonly granteeIssuerId: string;
  readonly createdAt: Date;
}

/** Partnership consents between issuers. */
export interface PartnershipRepository {
  /** Idempotent: granting again returns the existing consent. Throws `NOT_FOUND` for an unknown issuer. */
  grant(options: {
    readonly grantorIssuerId: string;
    readonly granteeIssuerId: string;
  }): Promise<Partnership>;
  /** Returns false when there was no such consent. */
  withdraw(options: { readonly grantorIssuerId: string; readonly granteeIssuerId: string }): Promise<boolean>;
  exists(options: { readonly grantorIssuerId: string; readonly granteeIssuerId: string }): Promise<boolean>;
  /** Consents the issuer gave or received, oldest first. */
  list(options: { readonly issuerId: string }): Promise<Partnership[]>;
}
