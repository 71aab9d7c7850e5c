import type { CredentialRecord } from '../../domain/ports/index.js';

/** One way `GET /credentials/{id}` can answer; the first available one is the default. */
export interface CredentialRepresentation {
  readonly mediaType: string;
  readonly available: (record: CredentialRecord) => boolean;
  readonly render: (record: CredentialRecord) => string;
}

const asJson = (record: CredentialRecord) => JSON.stringify(record.document);
const always = () => true;

/**
 * The representations of a credential at its `id` URL, in the server's order of preference. JSON comes
 * first so that `*\/*` (curl, verifiers) gets JSON; an HTML page for browsers belongs after the JSON
 * types, where a browser's `text/html` (rated above its `*\/*`) still selects it.
 */
export const CREDENTIAL_REPRESENTATIONS: readonly CredentialRepresentation[] = [
  { mediaType: 'application/json', available: always, render: asJson },
  { mediaType: 'application/vc+ld+json', available: always, render: asJson },
  // VC 2.0 §6.3 registers application/vc for the credential itself.
  { mediaType: 'application/vc', available: always, render: asJson },
  { mediaType: 'application/ld+json', available: always, render: asJson },
  {
    mediaType: 'application/vc+jwt',
    available: (record) => record.jwt !== null,
    render: (record) => record.jwt ?? '',
  },
  {
    mediaType: 'application/jwt',
    available: (record) => record.jwt !== null,
    render: (record) => record.jwt ?? '',
  },
];
