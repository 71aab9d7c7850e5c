import type { ErrorCode } from '../../error/index.js';

/** The named steps of VC-JWT verification, in the order they run: every check its envelope can add to a report. */
export const JWT_CHECK_IDS = [
  'jwt.parse',
  'jwt.header',
  'jwt.key',
  'jwt.signature',
  'jwt.payload',
  'jwt.key-controller',
  'jwt.key-revoked',
  'jwt.iss',
  'jwt.jti',
  'jwt.sub',
  'jwt.nbf',
  'jwt.exp',
] as const;

export type JwtCheckId = (typeof JWT_CHECK_IDS)[number];

/**
 * One line of a verification report: `code` is set exactly when `ok` is false; `ok: true, warning: true`
 * passed with a caveat the viewer should see.
 */
export interface JwtCheck {
  readonly id: JwtCheckId;
  readonly ok: boolean;
  readonly code?: ErrorCode;
  readonly message: string;
  readonly warning?: boolean;
}
