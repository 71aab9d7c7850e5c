import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamptz } from './columns.js';
import { earners } from './earners.js';

/**
 * An earner's profile photo, re-encoded from its pixels (no metadata), as two JPEG squares. A row of its
 * own so that the account row, read on every request, never carries the images; it goes with the account.
 */
export const earnerPhotos = pgTable('earner_photos', {
  earnerId: uuid('earner_id')
    .primaryKey()
    .references(() => earners.id, { onDelete: 'cascade' }),
  digest: text('digest').notNull(),
  small: bytea('small').notNull(),
  large: bytea('large').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});
