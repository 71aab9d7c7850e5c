import '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  PUBLIC_URL,
  seedIssuer,
  type TestPlatform,
} from '../../../../test/support/test-platform.js';
import { translator } from '../../../i18n/translate.js';
import { readCredentialSource } from './read-credential-source.js';

const t = translator('en');

describe('reading a credential from a file, a paste or a link', () => {
  let test: TestPlatform;
  let credentialId: string;
  const read = (form: Record<string, unknown>, platform = test.platform) =>
    readCredentialSource({ platform, form, viewer: null, t });

  beforeAll(async () => {
    test = await openTestPlatform('pglite');
    const { achievement } = await seedIssuer(test.platform);
    credentialId = (
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: 'source@example.org' },
      })
    ).record.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('takes the file before the pasted text, and the pasted text before the link', async () => {
    const link = `${PUBLIC_URL}/credentials/${credentialId}`;
    const file = new File(['{"from":"file"}'], 'badge.json');
    expect(await read({ file, text: '{"from":"text"}', url: link })).toEqual({
      kind: 'read',
      input: '{"from":"file"}',
      url: null,
    });
    expect(await read({ text: '  {"from":"text"}\n', url: link })).toEqual({
      kind: 'read',
      input: '{"from":"text"}',
      url: null,
    });
  });

  it('reads a link to a credential page of this platform from its database, and keeps the link', async () => {
    const link = `${PUBLIC_URL}/credentials/${credentialId}`;
    const page = await test.platform.earners.viewCredential(credentialId, null);
    expect(await read({ url: ` ${link} ` })).toEqual({
      kind: 'read',
      input: page.credential.jwt ?? page.credential.document,
      url: link,
    });
  });

  it('is empty when no file was chosen and the text and link are blank', async () => {
    expect(await read({})).toEqual({ kind: 'empty' });
    expect(await read({ file: new File([], 'none.json'), text: '  ', url: ' ' })).toEqual({ kind: 'empty' });
  });

  it('refuses, in words, a file too large or of the wrong kind, a link to nothing here, and a link that is not http', async () => {
    const large = new File([new Uint8Array(2.5 * 1024 * 1024).fill(0x7b)], 'big.json');
    expect(await read({ file: large })).toEqual({
      kind: 'refused',
      message: 'The file is too large: the limit is 2 MB.',
    });
    expect(await read({ file: new File(['just some notes'], 'notes.txt') })).toEqual({
      kind: 'refused',
      message: t('upload.wrongType'),
    });
    expect(await read({ url: `${PUBLIC_URL}/credentials/${randomUUID()}` })).toEqual({
      kind: 'refused',
      message: t('verify.urlNotFound'),
    });
    expect(await read({ url: 'ftp://badges.example.edu/badge.json' })).toEqual({
      kind: 'refused',
      message: 'What was entered is not accepted: only http and https URLs can be checked',
    });
  });

  it('lets a fault of ours through as an error, not as a refusal', async () => {
    const broken = {
      ...test.platform,
      fetcher: async () => {
        throw new TypeError('the fetcher is broken');
      },
    };
    await expect(read({ url: 'https://elsewhere.example.org/badge.json' }, broken)).rejects.toThrow(
      'the fetcher is broken',
    );
  });
});
