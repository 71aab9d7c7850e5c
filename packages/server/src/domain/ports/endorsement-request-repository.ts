/** Where a request stands: open until the organisation endorses or declines, or the requester cancels. */
export const ENDORSEMENT_REQUEST_STATES = ['pending', 'endorsed', 'declined', 'cancelled'] as const;
export type EndorsementRequestState = (typeof ENDORSEMENT_REQUEST_STATES)[number];

/**
 * An issuer's request that an organisation endorse one of its achievements. The organisation is an employer
 * or another issuer, or an address (`invitedEmail`) when it is not on the platform yet; an employer that
 * answers an invited address becomes its `targetEmployerId`, the address staying as it was sent.
 */
export interface EndorsementRequest {
  readonly id: string;
  readonly achievementId: string;
  readonly requesterIssuerId: string;
  readonly targetEmployerId: string | null;
  readonly targetIssuerId: string | null;
  /** Normalised (lower-case). */
  readonly invitedEmail: string | null;
  readonly message: string;
  /** One of the achievement's credentials, offered as an example of what earners receive. */
  readonly sampleCredentialId: string | null;
  readonly state: EndorsementRequestState;
  /** The organisation's last word: the endorsement's comment, why it declines, or a question. */
  readonly responseComment: string | null;
  /** Set once endorsed. */
  readonly endorsementId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly respondedBy: string | null;
  /** The last answer (or the cancellation). */
  readonly respondedAt: Date | null;
}

export interface NewEndorsementRequest {
  readonly achievementId: string;
  readonly requesterIssuerId: string;
  readonly targetEmployerId: string | null;
  readonly targetIssuerId: string | null;
  readonly invitedEmail: string | null;
  readonly message: string;
  readonly sampleCredentialId: string | null;
  readonly createdBy: string | null;
}

/** Who a request may be addressed to; alternatives, any of which matches. */
export interface EndorsementRequestTargets {
  readonly employerId?: string;
  readonly issuerId?: string;
  /** Invited addresses (normalised) no employer has answered yet. */
  readonly invitedEmails?: readonly string[];
}

export interface EndorsementRequestRepository {
  /** Throws `CONFLICT` when one is already pending for the same achievement and organisation or address. */
  insert(input: NewEndorsementRequest): Promise<EndorsementRequest>;
  findById(options: { readonly id: string }): Promise<EndorsementRequest | null>;
  /** Newest first. */
  listByRequester(options: { readonly requesterIssuerId: string }): Promise<EndorsementRequest[]>;
  /** Newest first; none when `targets` names none. */
  listByTarget(targets: EndorsementRequestTargets): Promise<EndorsementRequest[]>;
  /** The pending request for this achievement and organisation or address, if any. */
  findPending(
    options: { readonly achievementId: string } & (
      | { readonly targetEmployerId: string }
      | { readonly targetIssuerId: string }
      | { readonly invitedEmail: string }
    ),
  ): Promise<EndorsementRequest | null>;
  /**
   * Records an answer to a pending request: its new state (`pending` for a comment alone), the comment
   * (kept as it was when null), the endorsement, and the employer that answered an invited address.
   * Null when the request is not pending any more (or does not exist): someone answered first.
   */
  respond(options: {
    readonly id: string;
    readonly state: EndorsementRequestState;
    readonly responseComment: string | null;
    readonly endorsementId: string | null;
    readonly targetEmployerId: string | null;
    readonly respondedBy: string | null;
    readonly at: Date;
  }): Promise<EndorsementRequest | null>;
}
