import type { EndorsementCredential, Profile } from '../model/index.js';
import { ProfileSchema } from '../model/index.js';
import { assertBuilt } from './assert-built.js';
import { type AddressInput, buildAddress } from './build-address.js';
import { buildIdentifierEntry, type IdentifierEntryInput } from './build-identifier-entry.js';
import { buildImage, type ImageInput } from './build-image.js';
import { omitEmpty } from './omit-empty.js';

export interface BuildProfileOptions {
  /** URI of the profile (HTTPS URL or DID); for an issuer, the controller of its signing key. */
  readonly id: string;
  /** Required here because displayers must show the issuer's name (OB 3.0 displayer certification). */
  readonly name: string;
  readonly url?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly description?: string;
  /** PNG or SVG. */
  readonly image?: ImageInput;
  readonly address?: AddressInput;
  readonly otherIdentifier?: readonly IdentifierEntryInput[];
  readonly official?: string;
  readonly parentOrg?: Profile;
  readonly endorsement?: readonly EndorsementCredential[];
  readonly givenName?: string;
  readonly familyName?: string;
  readonly additionalName?: string;
  readonly patronymicName?: string;
  readonly honorificPrefix?: string;
  readonly honorificSuffix?: string;
  readonly familyNamePrefix?: string;
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth?: string;
}

/** An OB 3.0 Profile (`type: ['Profile']`) in canonical form; throws VALIDATION_ERROR on bad input. */
export function buildProfile(options: BuildProfileOptions): Profile {
  const profile: Profile = omitEmpty({
    id: options.id,
    type: ['Profile'],
    name: options.name,
    url: options.url,
    email: options.email,
    phone: options.phone,
    description: options.description,
    image: options.image === undefined ? undefined : buildImage(options.image),
    address: options.address === undefined ? undefined : buildAddress(options.address),
    otherIdentifier: options.otherIdentifier?.map(buildIdentifierEntry),
    official: options.official,
    parentOrg: options.parentOrg,
    endorsement: options.endorsement === undefined ? undefined : [...options.endorsement],
    givenName: options.givenName,
    familyName: options.familyName,
    additionalName: options.additionalName,
    patronymicName: options.patronymicName,
    honorificPrefix: options.honorificPrefix,
    honorificSuffix: options.honorificSuffix,
    familyNamePrefix: options.familyNamePrefix,
    dateOfBirth: options.dateOfBirth,
  });
  return assertBuilt({ schema: ProfileSchema, value: profile, what: 'Profile' });
}
