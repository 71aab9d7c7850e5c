import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../test/support/rejection.js';
import { ServerErrorCode } from '../error/server-error.js';
import { webhookHeaders } from './process-webhooks.js';
import { newWebhookSecret, signWebhook } from './sign-webhook.js';

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification test vector byte for byte', () => {
    // The vector of the reference implementation's "sign function works" test:
    // github.com/standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts.
    expect(
      signWebhook({
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
      }),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs deliveries that the standardwebhooks library verifies, and a changed byte it refuses', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({
      type: 'credential.issued',
      timestamp: new Date().toISOString(),
      data: { a: 1 },
    });
    const headers = webhookHeaders({ secret, messageId: 'msg_42', body, at: new Date() });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('refuses a secret that is not whsec_ and base64 of 24 to 64 bytes', async () => {
    for (const secret of [
      'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'whsec_c2hvcnQ=',
      'whsec_not base64!',
      'whsec_',
    ]) {
      const error = await rejection(
        Promise.resolve().then(() => signWebhook({ secret, id: 'x', timestamp: 1, body: '' })),
      );
      expect(error.code).toBe(ServerErrorCode.VALIDATION_ERROR);
    }
  });
});
