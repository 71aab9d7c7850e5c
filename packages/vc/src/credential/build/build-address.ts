import type { Address } from '../model/index.js';

export interface AddressInput {
  readonly addressCountry?: string;
  /** ISO 3166-1 alpha-2. */
  readonly addressCountryCode?: string;
  readonly addressRegion?: string;
  readonly addressLocality?: string;
  readonly streetAddress?: string;
  readonly postOfficeBoxNumber?: string;
  readonly postalCode?: string;
  readonly geo?: { readonly latitude: number; readonly longitude: number };
}

/** An OB 3.0 Address, with GeoCoordinates when `geo` is given. */
export function buildAddress(input: AddressInput): Address {
  return {
    type: ['Address'],
    addressCountry: input.addressCountry,
    addressCountryCode: input.addressCountryCode,
    addressRegion: input.addressRegion,
    addressLocality: input.addressLocality,
    streetAddress: input.streetAddress,
    postOfficeBoxNumber: input.postOfficeBoxNumber,
    postalCode: input.postalCode,
    geo:
      input.geo === undefined
        ? undefined
        : { type: 'GeoCoordinates', latitude: input.geo.latitude, longitude: input.geo.longitude },
  };
}
