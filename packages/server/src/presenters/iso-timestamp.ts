import { z } from '@hono/zod-openapi';

/** ISO 8601 timestamps, as every date the platform presents is sent. */
export const timestamp = z.iso.datetime();

export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
