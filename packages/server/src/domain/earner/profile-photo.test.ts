import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../test/support/rejection.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { ServerErrorCode } from '../error/server-error.js';
import { exifBlock, hugePngHeader, jpegPhoto } from '../image/photo/photo-fixtures.test-support.js';

describe.each(testDrivers())('profile photos on %s', (driver) => {
  let test: TestPlatform;

  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  async function earner(handle: string | null) {
    const created = await test.storage.earners.create({ displayName: 'Ada', locale: 'en' });
    return handle === null ? created : test.storage.earners.update({ id: created.id, handle });
  }

  const photo = () => jpegPhoto({ width: 320, height: 240, exif: exifBlock() });

  it('stores the cleaned squares under a digest and serves them by handle while the portfolio is public', async () => {
    const { id } = await earner('ada-domain');
    const set = await test.platform.earners.setPhoto(id, photo());
    expect(set.ok).toBe(true);
    const digest = set.ok ? set.photo.digest : '';
    expect((await test.platform.earners.publicPortfolio('ada-domain')).photo?.digest).toBe(digest);
    const small = await test.platform.earners.publicPhotoBytes('ada-domain', { digest, size: 'small' });
    expect([...small.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    await test.storage.earners.update({ id, handle: null });
    expect(
      (await rejection(test.platform.earners.publicPhotoBytes('ada-domain', { digest, size: 'small' }))).code,
    ).toBe(ServerErrorCode.NOT_FOUND);
    expect(await test.platform.earners.ownPhotoBytes(id, { digest, size: 'large' })).toBeInstanceOf(
      Uint8Array,
    );

    await test.platform.earners.removePhoto(id);
    expect(await test.platform.earners.photo(id)).toBeNull();
    expect((await rejection(test.platform.earners.ownPhotoBytes(id, { digest, size: 'large' }))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
  });

  it('keeps the photo it had when a new one is refused', async () => {
    const { id } = await earner(null);
    const first = await test.platform.earners.setPhoto(id, photo());
    expect(await test.platform.earners.setPhoto(id, hugePngHeader(9000, 9000))).toEqual({
      ok: false,
      problem: 'too-many-pixels',
    });
    expect((await test.platform.earners.photo(id))?.digest).toBe(first.ok ? first.photo.digest : 'none');
  });
});
