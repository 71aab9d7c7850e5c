export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** One Bitstring Status List of an issuer. */
export interface StatusList {
  readonly id: string;
  readonly issuerId: string;
  readonly purpose: StatusPurpose;
  /** Number of entries (bits). */
  readonly length: number;
  /**
   * The bitstring, uncompressed, in the spec's order: index 0 is the most significant bit of byte 0
   * (Bitstring Status List §3.1). Encoding (GZIP, base64url) is the credential library's job.
   */
  readonly bits: Uint8Array;
  /** Bumped on every change of a bit: use it for the ETag. */
  readonly version: number;
  /** Entries handed out so far; the list is full when it reaches `length`. */
  readonly allocated: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type StatusListHead = Omit<StatusList, 'bits'>;

export interface StatusAllocation {
  readonly statusListId: string;
  readonly index: number;
}

/** Bitstring Status Lists and the assignment of their entries. */
export interface StatusListRepository {
  /**
   * Hands out `count` (default 1) entries of the issuer's open list for `purpose`, at indexes that look
   * random and are never handed out twice, even to concurrent callers; a full list is closed and a
   * new one opened. An entry whose credential is never stored is simply never used again.
   * Call it before the transaction that stores the credential, not inside it: inside one, the list
   * stays locked (every other issuance of the issuer waits) until that transaction ends.
   */
  allocate(options: {
    readonly issuerId: string;
    readonly purpose: StatusPurpose;
    readonly count?: number;
  }): Promise<StatusAllocation[]>;
  /**
   * Sets (true) or clears (false) one bit, atomically. Bumps `version` only when the bit changes.
   * Throws `NOT_FOUND` for an unknown list and `RANGE_ERROR` for an index outside it.
   */
  setStatus(options: {
    readonly statusListId: string;
    readonly index: number;
    readonly value: boolean;
  }): Promise<{ readonly version: number; readonly changed: boolean }>;
  findById(options: { readonly id: string }): Promise<StatusList | null>;
  /** The list without its bits: enough to tell, by `version`, whether a copy of the bits is current. */
  findHead(options: { readonly id: string }): Promise<StatusListHead | null>;
  /** The issuer's lists, oldest first. */
  list(options: { readonly issuerId: string; readonly purpose?: StatusPurpose }): Promise<StatusList[]>;
}
