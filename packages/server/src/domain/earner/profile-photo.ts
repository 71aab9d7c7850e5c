import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { type PhotoPreparer, type PhotoProblem, preparePhoto } from '../image/photo/prepare-photo.js';
import type { PlatformContext } from '../platform-context.js';
import type { EarnerPhoto, PhotoSize } from '../ports/index.js';

const noSuchPhoto = () => new ServerError(ServerErrorCode.NOT_FOUND, 'no such photo');

/**
 * Sets the earner's profile photo from an uploaded file, replacing the one before it; or changes nothing
 * and says why the file is refused (a report: the form shows it beside the field). What is stored is
 * re-encoded from the pixels alone (see `preparePhoto`): the file itself is never kept.
 */
export async function setProfilePhoto(
  context: PlatformContext,
  earnerId: string,
  bytes: Uint8Array,
  prepare: PhotoPreparer = preparePhoto,
): Promise<
  { readonly ok: true; readonly photo: EarnerPhoto } | { readonly ok: false; readonly problem: PhotoProblem }
> {
  const prepared = await prepare(bytes);
  if (!prepared.ok) return prepared;
  const photo = await context.storage.earnerPhotos.put({
    earnerId,
    ...prepared.photo,
    updatedAt: context.now(),
  });
  return { ok: true, photo };
}

/** Deletes the earner's photo, bytes and all; the portfolio shows their initials again. */
export async function removeProfilePhoto(context: PlatformContext, earnerId: string): Promise<void> {
  await context.storage.earnerPhotos.delete({ earnerId });
}

/** The earner's own photo (for their settings), or null. */
export async function profilePhoto(context: PlatformContext, earnerId: string): Promise<EarnerPhoto | null> {
  return context.storage.earnerPhotos.find({ earnerId });
}

/** One square of the earner's own photo, for them alone (NOT_FOUND once replaced or removed). */
export async function ownPhotoBytes(
  context: PlatformContext,
  earnerId: string,
  options: { readonly digest: string; readonly size: PhotoSize },
): Promise<Uint8Array> {
  const bytes = await context.storage.earnerPhotos.readBytes({ earnerId, ...options });
  if (bytes === null) throw noSuchPhoto();
  return bytes;
}

/**
 * One square of the photo in the header of the portfolio at `/u/{handle}`: only while that portfolio
 * is public (an earner without a handle has none) and `digest` is still the photo shown there.
 * NOT_FOUND otherwise, the same whether the person, the portfolio or the photo is missing.
 */
export async function publicPhotoBytes(
  context: PlatformContext,
  handle: string,
  options: { readonly digest: string; readonly size: PhotoSize },
): Promise<Uint8Array> {
  const earner = await context.storage.earners.findByHandle({ handle });
  if (earner === null) throw noSuchPhoto();
  return ownPhotoBytes(context, earner.id, options);
}
