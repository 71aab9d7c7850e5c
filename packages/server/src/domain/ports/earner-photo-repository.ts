/** Which of a profile photo's two stored squares: shown at 256 CSS pixels, `large` for 2× screens. */
export type PhotoSize = 'small' | 'large';

/** An earner's profile photo as stored, without its bytes. */
export interface EarnerPhoto {
  readonly earnerId: string;
  /** Names this version of the photo (its URL carries it): a new photo gets a new digest. */
  readonly digest: string;
  readonly updatedAt: Date;
}

/**
 * Earners' profile photos: one per earner, already cleaned (see `preparePhoto`), kept apart from the
 * account row so that reading an account never reads its images. Deleting the account deletes it.
 */
export interface EarnerPhotoRepository {
  /** Sets the earner's photo, replacing any before it (whose bytes are gone once this returns). */
  put(photo: {
    readonly earnerId: string;
    readonly digest: string;
    readonly small: Uint8Array;
    readonly large: Uint8Array;
    readonly updatedAt: Date;
  }): Promise<EarnerPhoto>;
  find(options: { readonly earnerId: string }): Promise<EarnerPhoto | null>;
  /** One square's JPEG bytes, only while `digest` is still the earner's photo. */
  readBytes(options: {
    readonly earnerId: string;
    readonly digest: string;
    readonly size: PhotoSize;
  }): Promise<Uint8Array | null>;
  /** Whether there was a photo to delete. */
  delete(options: { readonly earnerId: string }): Promise<boolean>;
}
