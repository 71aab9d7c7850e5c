import { z } from 'zod';
import { typeIncluding } from './type-including.js';

/** OB 3.0 GeoCoordinates (`Address.geo`); `type` is the single string `"GeoCoordinates"`. */
export const GeoCoordinatesSchema = z.looseObject({
  type: z.literal('GeoCoordinates'),
  latitude: z.number(),
  longitude: z.number(),
});
export type GeoCoordinates = z.output<typeof GeoCoordinatesSchema>;

/** OB 3.0 Address (a Profile's postal address). */
export const AddressSchema = z.looseObject({
  type: typeIncluding(['Address']),
  addressCountry: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  addressCountryCode: z.string().optional(),
  addressRegion: z.string().optional(),
  addressLocality: z.string().optional(),
  streetAddress: z.string().optional(),
  postOfficeBoxNumber: z.string().optional(),
  postalCode: z.string().optional(),
  geo: GeoCoordinatesSchema.optional(),
});
export type Address = z.output<typeof AddressSchema>;
