import type { CredentialRecord } from './credential-repository.js';
import type { Visibility } from './visibility.js';

export const CREDENTIAL_CHOICES = ['accepted', 'declined'] as const;
export type CredentialChoice = (typeof CREDENTIAL_CHOICES)[number];

/** What an earner decided about a credential issued to them; a decline outlives the account. */
export interface CredentialChoiceRecord {
  readonly credentialId: string;
  readonly earnerId: string | null;
  readonly choice: CredentialChoice;
  readonly visibility: Visibility;
  readonly updatedAt: Date;
}

/**
 * The credentials this platform issued that belong to an earner (those sent to one of their verified
 * addresses), and what the earner chose for each.
 */
export interface PortfolioRepository {
  /** Credentials issued to any of the earner's verified addresses, newest first (at most 1,000). */
  listCredentials(options: { readonly earnerId: string }): Promise<CredentialRecord[]>;
  /** The earner whose verified address a credential was issued to, if any. */
  findOwner(options: { readonly credentialId: string }): Promise<string | null>;
  findChoice(options: { readonly credentialId: string }): Promise<CredentialChoiceRecord | null>;
  putChoice(
    input: Omit<CredentialChoiceRecord, 'updatedAt'> & { readonly at: Date },
  ): Promise<CredentialChoiceRecord>;
  listChoices(options: { readonly earnerId: string }): Promise<CredentialChoiceRecord[]>;
}
