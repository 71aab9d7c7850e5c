import type { JsonObject } from './common.js';
import type { Visibility } from './visibility.js';

/** A credential from another platform, kept in an earner's portfolio exactly as received. */
export interface ImportedCredential {
  readonly id: string;
  readonly earnerId: string;
  readonly document: JsonObject;
  readonly jwt: string | null;
  readonly sourceUrl: string | null;
  readonly verified: boolean;
  /** The verification report on import, as `VerificationReport` serialises it. */
  readonly report: JsonObject;
  readonly visibility: Visibility;
  readonly importedAt: Date;
}

export type NewImportedCredential = Omit<ImportedCredential, 'id' | 'visibility'>;

/** Credentials earners brought from elsewhere. */
export interface ImportedCredentialRepository {
  insert(input: NewImportedCredential): Promise<ImportedCredential>;
  /** Newest first (at most 1,000). */
  list(options: { readonly earnerId: string }): Promise<ImportedCredential[]>;
  find(options: { readonly id: string }): Promise<ImportedCredential | null>;
  /** Throws `VALIDATION_ERROR` when making an unverified import public. */
  setVisibility(options: { readonly id: string; readonly visibility: Visibility }): Promise<void>;
  delete(options: { readonly id: string }): Promise<void>;
}
