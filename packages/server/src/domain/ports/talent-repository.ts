/**
 * An earner's consent to be found by their verified skills: by one employer, or (`employerId` null) by
 * every employer on the platform through the public talent directory. Withdrawing it deletes it.
 */
export interface TalentConsent {
  readonly earnerId: string;
  readonly employerId: string | null;
  /** Whether the earner's display name is shown (otherwise a pseudonymous candidate number). */
  readonly showName: boolean;
  /** Whether the earner's verified address is shown so the employer can get in touch. */
  readonly showContact: boolean;
  /** The credentials that may be shown and counted; null: every one the earner holds, now and later. */
  readonly credentialIds: readonly string[] | null;
  /** Where the earner says they are, as they typed it; null when not given. */
  readonly location: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewTalentConsent = Omit<TalentConsent, 'createdAt' | 'updatedAt'>;

/**
 * One verified credential proving one framework skill, as talent search reads it: a projection of the
 * earner's skills wallet kept beside the credentials so that search reads one indexed table.
 */
export interface TalentEvidence {
  readonly earnerId: string;
  /** The framework URI (an ESCO URI). */
  readonly skillUri: string;
  readonly credentialKind: 'issued' | 'imported';
  readonly credentialId: string;
  readonly achievementName: string;
  readonly issuerName: string;
  readonly issuerVetted: boolean;
  readonly issuedAt: Date;
  /** Past this instant the credential no longer counts. */
  readonly validUntil: Date | null;
}

/** A skill a search asks for, with how much it weighs in the score. */
export interface WeightedSkill {
  readonly uri: string;
  readonly weight: number;
}

/**
 * Whose evidence a search ranks: earners in the public directory; for an employer, those who consented to
 * it or to the directory (its own consent replacing the directory's); or an employer's connected employees
 * (of one team, when given).
 */
export type TalentAudience =
  | { readonly kind: 'directory' }
  | { readonly kind: 'employer'; readonly employerId: string }
  | { readonly kind: 'workforce'; readonly employerId: string; readonly team?: string };

export interface TalentQuery {
  readonly audience: TalentAudience;
  readonly skills: readonly WeightedSkill[];
  /** Candidates must prove every one of these (URIs among `skills`). */
  readonly requiredSkills?: readonly string[];
  /** Only evidence from an issuer whose name contains this (case-insensitive). */
  readonly issuer?: string;
  /** Only evidence issued at or after this instant. */
  readonly issuedSince?: Date;
  /** Only candidates whose consent gives a location containing this (case-insensitive); not for a workforce. */
  readonly location?: string;
  /** Evidence valid at this instant. */
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
}

/** A credential that proves a skill, as a search explains a match. */
export type TalentProof = Pick<
  TalentEvidence,
  'credentialKind' | 'credentialId' | 'achievementName' | 'issuerName' | 'issuerVetted' | 'issuedAt'
>;

/** One candidate, best first: the sum of the weights of the skills they prove. */
export interface TalentMatch {
  readonly earnerId: string;
  readonly score: number;
  /** Each proven skill asked for (heaviest first), with the credentials that prove it (newest first). */
  readonly matched: readonly { readonly skillUri: string; readonly proofs: readonly TalentProof[] }[];
  readonly latestIssuedAt: Date;
}

export interface TalentPage {
  readonly matches: readonly TalentMatch[];
  /** Candidates matching the query in all (for paging). */
  readonly total: number;
}

/** Consents and the evidence talent search ranks. */
export interface TalentRepository {
  /** Creates or replaces the consent of this earner for this employer (or the directory). */
  putConsent(input: NewTalentConsent): Promise<TalentConsent>;
  /** True when there was one. */
  withdrawConsent(options: {
    readonly earnerId: string;
    readonly employerId: string | null;
  }): Promise<boolean>;
  listConsents(options: { readonly earnerId: string }): Promise<TalentConsent[]>;
  /**
   * The consent under which `employerId` (null: the directory alone) may see this earner: the employer's
   * own when there is one, else the directory's; null when neither exists.
   */
  findVisibleConsent(options: {
    readonly earnerId: string;
    readonly employerId: string | null;
  }): Promise<TalentConsent | null>;
  /** Replaces all of an earner's evidence rows with these. */
  replaceEvidence(options: {
    readonly earnerId: string;
    readonly rows: readonly TalentEvidence[];
  }): Promise<void>;
  /** Drops every row a credential contributes (revoked, suspended): it stops counting at once. */
  removeEvidenceOf(options: { readonly credentialId: string }): Promise<void>;
  /** Ranked candidates among the earners who consented, by the evidence their consent lets count. */
  search(query: TalentQuery): Promise<TalentPage>;
  /**
   * Every skill an employer's connected employees prove, by the credentials each connection shows and
   * valid at `now`: the rows of a workforce inventory, by earner then skill, newest credential first.
   */
  listWorkforceEvidence(options: {
    readonly employerId: string;
    readonly now: Date;
  }): Promise<(TalentProof & { readonly earnerId: string; readonly skillUri: string })[]>;
}
