import { afterAll, describe, expect, it } from 'vitest';
import { CAMERA_SERIAL, exifBlock, jpegPhoto } from '../domain/image/photo/photo-fixtures.test-support.js';
import { preparePhoto } from '../domain/image/photo/prepare-photo.js';
import { createPhotoPool } from './photo-pool.js';

describe('the photo pool', () => {
  const pool = createPhotoPool();
  afterAll(() => pool.close());

  it('prepares a photo on a worker thread exactly as in this thread, metadata gone', async () => {
    expect(pool.mode).toBe('threads');
    const upload = jpegPhoto({ width: 900, height: 600, exif: exifBlock() });
    const [pooled, local] = await Promise.all([pool.prepare(upload), preparePhoto(upload)]);
    expect(pooled).toEqual(local);
    if (!pooled.ok) throw new Error('the photo was refused');
    expect(pooled.photo.large).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pooled.photo.large).includes(CAMERA_SERIAL)).toBe(false);
  });

  it('reports a refused file as the in-thread preparation does', async () => {
    expect(await pool.prepare(new TextEncoder().encode('not an image'))).toEqual({
      ok: false,
      problem: 'not-an-image',
    });
  });
});
