import { boolean, check, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/ports/notification-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { earners } from './earners.js';

/**
 * An earner's choice for one kind of notification mail; a kind with no row follows its default
 * (`NOTIFICATION_DEFAULTS`), so a default can change without rewriting every account.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.earnerId, t.kind] }),
    check('notification_preferences_kind', oneOf(t.kind, NOTIFICATION_KINDS)),
  ],
);
