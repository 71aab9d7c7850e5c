import { describe, expect, it } from 'vitest';
import { checkContext } from './check-context.js';
import { testCredentialContext } from './test-verification-context.js';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

describe('checkContext', () => {
  it('accepts the VC 2.0 base context', async () => {
    const result = await checkContext(testCredentialContext({ '@context': [V2] }));
    expect(result).toEqual({ checks: [{ id: 'context', ok: true, message: 'VC Data Model 2.0 contexts' }] });
  });

  it('accepts the VC 1.1 base context as legacy', async () => {
    const result = await checkContext(testCredentialContext({ '@context': V1 }));
    expect(result.checks?.[0]?.message).toBe('VC Data Model 1.1 contexts (legacy, verify only)');
  });

  it('stops the pipeline when the base context is missing or comes second', async () => {
    for (const contexts of [undefined, ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', V2]]) {
      const result = await checkContext(testCredentialContext({ '@context': contexts }));
      expect(result).toMatchObject({
        stop: true,
        checks: [{ id: 'context', ok: false, code: 'PARSING_ERROR' }],
      });
    }
  });
});
