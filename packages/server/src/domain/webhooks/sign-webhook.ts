import { createHmac, randomBytes as nodeRandomBytes } from 'node:crypto';
import { ServerError, ServerErrorCode } from '../error/server-error.js';

const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks: 24 to 64). */
export function newWebhookSecret(randomBytes: (size: number) => Uint8Array = nodeRandomBytes): string {
  return `${PREFIX}${Buffer.from(randomBytes(32)).toString('base64')}`;
}

/** The key a secret stands for; refuses a secret that is not `whsec_` + base64 of 24 to 64 bytes. */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : '';
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length < 24 || key.length > 64) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      'a webhook secret is "whsec_" followed by the base64 of 24 to 64 random bytes',
    );
  }
  return key;
}

/**
 * The `webhook-signature` value of the Standard Webhooks specification: `v1,` and the base64 HMAC-SHA256,
 * under the secret's key, of `{webhook-id}.{webhook-timestamp}.{body}` (the timestamp in Unix seconds).
 */
export function signWebhook(options: {
  readonly secret: string;
  readonly id: string;
  readonly timestamp: number;
  readonly body: string;
}): string {
  const mac = createHmac('sha256', webhookKey(options.secret))
    .update(`${options.id}.${options.timestamp}.${options.body}`)
    .digest('base64');
  return `v1,${mac}`;
}
