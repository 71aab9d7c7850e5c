import { z } from 'zod';
import { type Actor, authorize, issuerScope, requireAdmin } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { IMAGE_DATA_URI } from '../image/image-data-uri.js';
import { isPublicHttpsUrl } from '../image/is-public-https-url.js';
import { PUBLIC_IMAGE_URL_RULE, prepareImage } from '../image/prepare-image.js';
import type { PlatformContext } from '../platform-context.js';
import type { Issuer, IssuerKey } from '../ports/index.js';
import { issuerIdentity, issuerKeyId } from './issuer-identity.js';
import { addIssuerKey } from './issuer-keys.js';

const httpsOrHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A badge or logo: a PNG or SVG data URI (stored, SVG sanitised), or an https URL on a public host. */
export const ImageInputSchema = z.strictObject({
  id: z.string().superRefine((id, context) => {
    if (id.startsWith('data:')) {
      if (!IMAGE_DATA_URI.test(id)) context.addIssue('must be a PNG or SVG data URI in base64');
    } else if (id.length > 2048 || !isPublicHttpsUrl(id)) {
      context.addIssue(PUBLIC_IMAGE_URL_RULE);
    }
  }),
  caption: z.string().max(500).optional(),
});

export const AddressInputSchema = z.strictObject({
  addressCountry: z.string().max(200).optional(),
  addressCountryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2')
    .optional(),
  addressRegion: z.string().max(200).optional(),
  addressLocality: z.string().max(200).optional(),
  streetAddress: z.string().max(500).optional(),
  postOfficeBoxNumber: z.string().max(50).optional(),
  postalCode: z.string().max(50).optional(),
});

export const IssuerInputSchema = z.strictObject({
  slug: z
    .string()
    .min(2)
    .max(63)
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens'),
  name: z.string().trim().min(1).max(200),
  url: httpsOrHttpUrl.optional(),
  email: z.email().optional(),
  description: z.string().max(5000).optional(),
  image: ImageInputSchema.optional(),
  address: AddressInputSchema.optional(),
  linkedinOrganizationId: z
    .string()
    .regex(/^\d{1,20}$/, 'a numeric LinkedIn organization id')
    .optional(),
  /** Stored in lower case; see `brandColorOf`. */
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb')
    .optional(),
});
export type IssuerInput = z.infer<typeof IssuerInputSchema>;

const profile = IssuerInputSchema.shape;

/** An optional profile field that a patch may also clear with `null`. */
function clearable<T extends z.ZodType>(field: z.ZodOptional<T>) {
  return field.unwrap().nullable().optional();
}

/** A profile change: a field left out stays as it is, `null` removes an optional one (as in JSON Merge Patch). */
export const IssuerPatchSchema = z.strictObject({
  name: profile.name.optional(),
  url: clearable(profile.url),
  email: clearable(profile.email),
  description: clearable(profile.description),
  image: clearable(profile.image),
  address: clearable(profile.address),
  linkedinOrganizationId: clearable(profile.linkedinOrganizationId),
  brandColor: clearable(profile.brandColor),
});

/** The one stored form of a colour (the database accepts no other): `#rrggbb` in lower case. */
function brandColorOf(color: string): string {
  return color.toLowerCase();
}

/** An issuer as the API shows it: the stored profile plus its derived did:web. */
export interface IssuerView extends Issuer {
  readonly did: string;
  readonly profileUrl: string;
}

export function viewIssuer(context: Pick<PlatformContext, 'publicUrl'>, issuer: Issuer): IssuerView {
  const identity = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  return { ...issuer, did: identity.did, profileUrl: identity.profileUrl };
}

/** Creates an issuer and its first Ed25519 key in one transaction (platform administrators only). */
export async function createIssuer(
  context: PlatformContext,
  actor: Actor,
  input: IssuerInput,
): Promise<IssuerView> {
  requireAdmin(actor);
  const issuer = await context.storage.transaction(async (repositories) => {
    const created = await repositories.issuers.create({
      slug: input.slug,
      name: input.name,
      url: input.url ?? null,
      email: input.email ?? null,
      description: input.description ?? null,
      image: input.image === undefined ? null : prepareImage(input.image),
      address: input.address ?? null,
      linkedinOrganizationId: input.linkedinOrganizationId ?? null,
      brandColor: input.brandColor === undefined ? null : brandColorOf(input.brandColor),
    });
    await addIssuerKey(context, repositories, created);
    return created;
  });
  return viewIssuer(context, issuer);
}

export async function getIssuer(context: PlatformContext, actor: Actor, id: string): Promise<IssuerView> {
  const issuer = await context.storage.issuers.findById({ id });
  if (issuer === null) throw resourceNotFound('issuer');
  authorize(actor, issuer.id, 'viewer', { notFound: 'issuer' });
  return viewIssuer(context, issuer);
}

/** Administrators see every issuer; an issuer's API key sees its own. */
export async function listIssuers(
  context: PlatformContext,
  actor: Actor,
  page: { limit?: number; offset?: number } = {},
): Promise<IssuerView[]> {
  const own = issuerScope(actor);
  if (own !== null) return [await getIssuer(context, actor, own)];
  const issuers = await context.storage.issuers.list(page);
  return issuers.map((issuer) => viewIssuer(context, issuer));
}

export async function updateIssuer(
  context: PlatformContext,
  actor: Actor,
  id: string,
  raw: z.input<typeof IssuerPatchSchema>,
): Promise<IssuerView> {
  await getIssuer(context, actor, id);
  authorize(actor, id, 'owner', { notFound: 'issuer' });
  // Checked here as well as at the API's edge: the console's forms come in by another door.
  const patch = IssuerPatchSchema.parse(raw);
  const updated = await context.storage.issuers.update({
    id,
    patch: {
      ...patch,
      ...(patch.image === undefined || patch.image === null ? {} : { image: prepareImage(patch.image) }),
      ...(typeof patch.brandColor === 'string' ? { brandColor: brandColorOf(patch.brandColor) } : {}),
    },
  });
  return viewIssuer(context, updated);
}

/** An issuer key's public part, as anyone may see it in the DID document: never the sealed secret. */
export interface IssuerPublicKey {
  readonly keyId: string;
  /** The DID URL a proof names: `{did}#{keyId}`. */
  readonly verificationMethod: string;
  readonly publicKeyMultibase: string;
  /** True for the one key that signs new credentials. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
  readonly revokedAt: Date | null;
}

/** The issuer's keys, oldest first, without their secrets. */
export async function listIssuerKeys(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<IssuerPublicKey[]> {
  const issuer = await getIssuer(context, actor, id);
  const keys = await context.storage.issuerKeys.list({ issuerId: issuer.id });
  return keys.map((key) => ({
    keyId: key.keyId,
    verificationMethod: issuerKeyId(issuer.did, key.keyId),
    publicKeyMultibase: key.publicKeyMultibase,
    active: key.retiredAt === null && key.revokedAt === null,
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
    revokedAt: key.revokedAt,
  }));
}

/**
 * Rotation: a new key becomes active and the previous one is retired but stays in the DID document, so
 * every credential issued before still verifies.
 */
export async function rotateIssuerKey(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<IssuerKey> {
  const issuer = await getIssuer(context, actor, id);
  authorize(actor, issuer.id, 'owner', { notFound: 'issuer' });
  return context.storage.transaction((repositories) => addIssuerKey(context, repositories, issuer));
}
