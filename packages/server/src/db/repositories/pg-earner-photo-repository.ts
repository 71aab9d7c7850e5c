import { and, eq } from 'drizzle-orm';
import type {
  EarnerPhoto,
  EarnerPhotoRepository,
  PhotoSize,
} from '../../domain/ports/earner-photo-repository.js';
import type { Database } from '../database.js';
import { earnerPhotos } from '../schema/earner-photos.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

const described = {
  earnerId: earnerPhotos.earnerId,
  digest: earnerPhotos.digest,
  updatedAt: earnerPhotos.updatedAt,
};

/** `EarnerPhotoRepository` on PostgreSQL or PGlite. */
export class PgEarnerPhotoRepository implements EarnerPhotoRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async put(photo: {
    readonly earnerId: string;
    readonly digest: string;
    readonly small: Uint8Array;
    readonly large: Uint8Array;
    readonly updatedAt: Date;
  }): Promise<EarnerPhoto> {
    const values = {
      digest: photo.digest,
      small: photo.small,
      large: photo.large,
      updatedAt: photo.updatedAt,
    };
    const rows = await guarded('earner photo', () =>
      this.#db
        .insert(earnerPhotos)
        .values({ earnerId: photo.earnerId, ...values })
        .onConflictDoUpdate({ target: earnerPhotos.earnerId, set: values })
        .returning(described),
    );
    return onlyRow(rows, 'earner photo');
  }

  async find(options: { readonly earnerId: string }): Promise<EarnerPhoto | null> {
    if (!isUuid(options.earnerId)) return null;
    const [row] = await guarded('earner photo', () =>
      this.#db.select(described).from(earnerPhotos).where(eq(earnerPhotos.earnerId, options.earnerId)),
    );
    return row ?? null;
  }

  async readBytes(options: {
    readonly earnerId: string;
    readonly digest: string;
    readonly size: PhotoSize;
  }): Promise<Uint8Array | null> {
    if (!isUuid(options.earnerId)) return null;
    const column = options.size === 'small' ? earnerPhotos.small : earnerPhotos.large;
    const [row] = await guarded('earner photo', () =>
      this.#db
        .select({ bytes: column })
        .from(earnerPhotos)
        .where(and(eq(earnerPhotos.earnerId, options.earnerId), eq(earnerPhotos.digest, options.digest))),
    );
    return row?.bytes ?? null;
  }

  async delete(options: { readonly earnerId: string }): Promise<boolean> {
    if (!isUuid(options.earnerId)) return false;
    const rows = await guarded('earner photo', () =>
      this.#db
        .delete(earnerPhotos)
        .where(eq(earnerPhotos.earnerId, options.earnerId))
        .returning({ earnerId: earnerPhotos.earnerId }),
    );
    return rows.length > 0;
  }
}
