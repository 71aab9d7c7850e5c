import { ACTIVITY_KEYS, type IssuerAnalytics } from './issuer-analytics.js';

const HEADER = [
  'period_start',
  'achievement_id',
  'issued',
  'claimed',
  'views',
  'shares',
  'linkedin_adds',
  'downloads',
  'verifications',
  'revocations',
];

/**
 * The counts under the analytics as CSV (RFC 4180, CRLF): one line per bucket and achievement. Only ids,
 * dates and integers, so no cell can start a spreadsheet formula.
 */
export function analyticsCsv(analytics: IssuerAnalytics): string {
  const lines = [HEADER.join(',')];
  for (const row of analytics.rows) {
    lines.push(
      [
        row.start.toISOString().slice(0, 10),
        row.achievementId ?? '',
        ...ACTIVITY_KEYS.map((key) => String(row[key])),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
