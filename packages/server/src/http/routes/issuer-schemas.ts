import { z } from '@hono/zod-openapi';
import { IssuerInputSchema, IssuerPatchSchema, type IssuerView } from '../../domain/issuer/manage-issuers.js';
import { ImageSchema, isoOrNull, timestamp } from './common-schemas.js';

export const IssuerCreateSchema = IssuerInputSchema.openapi('IssuerInput');
export const IssuerUpdateSchema = IssuerPatchSchema.openapi('IssuerPatch');

export const IssuerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    did: z.string().openapi({ example: 'did:web:badges.example.edu:issuers:demo-university' }),
    name: z.string(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    description: z.string().nullable(),
    image: ImageSchema.nullable(),
    address: z.record(z.string(), z.string()).nullable(),
    linkedinOrganizationId: z.string().nullable(),
    brandColor: z.string().nullable().openapi({ example: '#1f4a7d' }),
    verified: z
      .boolean()
      .openapi({ description: "Vetted by a platform administrator (this platform's trust registry)" }),
    verifiedBy: z.string().nullable().openapi({ description: 'The administrator who vetted the issuer' }),
    verifiedAt: timestamp.nullable(),
    linkedDomain: z
      .string()
      .nullable()
      .openapi({ description: "The web origin whose did-configuration.json links the issuer's DID" }),
    domainLinkedAt: timestamp.nullable(),
    profileUrl: z.url(),
    didDocumentUrl: z.url(),
    createdAt: timestamp,
  })
  .openapi('Issuer');
export type IssuerJson = z.infer<typeof IssuerSchema>;

/** Field by field, so that a column added to storage is never published by accident. */
export function presentIssuer(issuer: IssuerView): IssuerJson {
  return {
    id: issuer.id,
    slug: issuer.slug,
    did: issuer.did,
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: issuer.description,
    image: issuer.image === null ? null : { ...issuer.image },
    address: issuer.address === null ? null : { ...issuer.address },
    linkedinOrganizationId: issuer.linkedinOrganizationId,
    brandColor: issuer.brandColor,
    verified: issuer.verified,
    verifiedBy: issuer.verifiedBy,
    verifiedAt: isoOrNull(issuer.verifiedAt),
    linkedDomain: issuer.linkedDomain,
    domainLinkedAt: isoOrNull(issuer.domainLinkedAt),
    profileUrl: issuer.profileUrl,
    didDocumentUrl: `${issuer.profileUrl}/did.json`,
    createdAt: issuer.createdAt.toISOString(),
  };
}
