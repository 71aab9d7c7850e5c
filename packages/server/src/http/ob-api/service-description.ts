import { OB_SCOPES } from '../../domain/ob-api/ob-api-scopes.js';
import type { PolicyUrls } from '../../domain/policy/policy-urls.js';

/** Where each part of the OB 3.0 API lives on this platform. */
export interface ObApiUrls {
  readonly base: string;
  readonly register: string;
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
  readonly image: string;
}

export function obApiUrls(publicUrl: string): ObApiUrls {
  return {
    base: `${publicUrl}/ims/ob/v3p0`,
    register: `${publicUrl}/ims/ob/v3p0/register`,
    // The consent page is one of the earner's pages: they must be signed in to answer it.
    authorize: `${publicUrl}/account/apps/authorize`,
    token: `${publicUrl}/ims/ob/v3p0/token`,
    revoke: `${publicUrl}/ims/ob/v3p0/revoke`,
    image: `${publicUrl}/assets/icon.svg`,
  };
}

const SECURED = (scope: string) => [{ OAuth2ACG: [scope] }];

const ERROR_RESPONSE = {
  description: 'An error, as Imsx_StatusInfo',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Imsx_StatusInfo' } } },
};

/**
 * The Service Description Document (OB 3.0 §"Service Discovery"): a profiled OpenAPI 3.0 document
 * naming this server, its OAuth 2.0 endpoints (registration, authorization, token, refresh) and scopes,
 * and the operations it provides. Public: a client reads it before it has any credentials.
 */
export function serviceDescription(options: {
  readonly publicUrl: string;
  readonly name: string;
  /** The operator's privacy policy and terms, or the built-in page (`PRIVACY_POLICY_URL`, …). */
  readonly policies: Pick<PolicyUrls, 'privacyPolicy' | 'termsOfService'>;
}) {
  const urls = obApiUrls(options.publicUrl);
  const { policies } = options;
  return {
    openapi: '3.0.1',
    info: {
      title: `${options.name} Open Badges 3.0 API`,
      description:
        'The Open Badges 3.0 API of this platform: earners connect apps to read and add credentials.',
      termsOfService: policies.termsOfService,
      version: '3.0',
      'x-imssf-image': urls.image,
      'x-imssf-privacyPolicyUrl': policies.privacyPolicy,
    },
    servers: [{ url: urls.base, description: options.name }],
    tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Profile' }, { name: 'Discovery' }],
    paths: {
      '/credentials': {
        get: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'getCredentials',
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
            { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
            { name: 'since', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } },
          ],
          security: SECURED(OB_SCOPES.credentialReadonly),
          responses: { '200': { description: 'The credentials, a page at a time' }, default: ERROR_RESPONSE },
        },
        post: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'upsertCredential',
          security: SECURED(OB_SCOPES.credentialUpsert),
          responses: {
            '200': { description: 'Replaced' },
            '201': { description: 'Created' },
            default: ERROR_RESPONSE,
          },
        },
      },
      '/profile': {
        get: {
          tags: ['Profile'],
          operationId: 'getProfile',
          security: SECURED(OB_SCOPES.profileReadonly),
          responses: { '200': { description: 'The profile' }, default: ERROR_RESPONSE },
        },
        put: {
          tags: ['Profile'],
          operationId: 'putProfile',
          security: SECURED(OB_SCOPES.profileUpdate),
          responses: { '200': { description: 'The profile as updated' }, default: ERROR_RESPONSE },
        },
      },
      '/discovery': {
        get: {
          tags: ['Discovery'],
          operationId: 'getServiceDescription',
          responses: { '200': { description: 'This document' }, default: ERROR_RESPONSE },
        },
      },
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description: 'OAuth 2.0 Authorization Code Grant authorization, with PKCE (S256)',
          'x-imssf-name': options.name,
          'x-imssf-privacyPolicyUrl': policies.privacyPolicy,
          'x-imssf-registrationUrl': urls.register,
          flows: {
            authorizationCode: {
              authorizationUrl: urls.authorize,
              tokenUrl: urls.token,
              refreshUrl: urls.token,
              'x-imssf-revocationUrl': urls.revoke,
              scopes: {
                [OB_SCOPES.credentialReadonly]: 'Permission to read the credentials of the account holder',
                [OB_SCOPES.credentialUpsert]:
                  'Permission to add credentials to the account holder’s backpack',
                [OB_SCOPES.profileReadonly]: 'Permission to read the profile of the account holder',
                [OB_SCOPES.profileUpdate]: 'Permission to update the profile of the account holder',
              },
            },
          },
        },
      },
      schemas: {
        Imsx_StatusInfo: {
          type: 'object',
          required: ['imsx_codeMajor', 'imsx_severity'],
          properties: {
            imsx_codeMajor: { type: 'string', enum: ['failure', 'processing', 'success', 'unsupported'] },
            imsx_severity: { type: 'string', enum: ['error', 'status', 'warning'] },
            imsx_description: { type: 'string' },
            imsx_codeMinor: { type: 'object' },
          },
        },
      },
    },
  };
}
