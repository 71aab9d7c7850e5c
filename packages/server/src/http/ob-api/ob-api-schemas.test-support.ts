import { readFileSync } from 'node:fs';
import Ajv2019Module from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with `exports.default` (see the vc package's schema validator).
const Ajv2019 = Ajv2019Module.default ?? (Ajv2019Module as unknown as typeof Ajv2019Module.default);
const addFormats =
  addFormatsModule.default ?? (addFormatsModule as unknown as typeof addFormatsModule.default);

/** The official 1EdTech AchievementCredential JSON Schema, as bundled in shared/data. */
const achievementCredentialSchema = JSON.parse(
  readFileSync(
    new URL(
      '../../../../../../shared/data/ob3/schema/ob_v3p0_achievementcredential_schema.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Record<string, unknown>;

/**
 * The API's envelopes, which shared/data does not bundle (the 1EdTech OpenAPI file and its generated
 * schemas are not published in the spec repository): transcribed from the OB 3.0 data model
 * (`ob_v3p0.lines`, ServiceModel) as STANDARDS.md §1.9 records it.
 */
const GET_CREDENTIALS_RESPONSE = {
  $id: 'urn:microcred:test:GetOpenBadgeCredentialsResponse',
  type: 'object',
  properties: {
    credential: { type: 'array', items: { $ref: achievementCredentialSchema.$id as string } },
    compactJwsString: {
      type: 'array',
      items: { type: 'string', pattern: '^[^.]+\\.[^.]+\\.[^.]+$' },
    },
  },
  additionalProperties: false,
};

const IMSX_STATUS_INFO = {
  $id: 'urn:microcred:test:Imsx_StatusInfo',
  type: 'object',
  required: ['imsx_codeMajor', 'imsx_severity'],
  properties: {
    imsx_codeMajor: { enum: ['failure', 'processing', 'success', 'unsupported'] },
    imsx_severity: { enum: ['error', 'status', 'warning'] },
    imsx_description: { type: 'string' },
    imsx_codeMinor: {
      type: 'object',
      required: ['imsx_codeMinorField'],
      properties: {
        imsx_codeMinorField: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['imsx_codeMinorFieldName', 'imsx_codeMinorFieldValue'],
            properties: {
              imsx_codeMinorFieldName: { type: 'string' },
              imsx_codeMinorFieldValue: {
                enum: [
                  'forbidden',
                  'fullsuccess',
                  'internal_server_error',
                  'invalid_data',
                  'invalid_query_parameter',
                  'misdirected_request',
                  'not_acceptable',
                  'not_allowed',
                  'not_found',
                  'not_modified',
                  'server_busy',
                  'unauthorizedrequest',
                  'unknown',
                ],
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const PROFILE = {
  $id: 'urn:microcred:test:Profile',
  type: 'object',
  required: ['id', 'type'],
  properties: {
    id: { type: 'string', format: 'uri' },
    type: {
      oneOf: [
        { type: 'string', const: 'Profile' },
        { type: 'array', contains: { const: 'Profile' }, items: { type: 'string' } },
      ],
    },
    name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
  },
};

const ajv = new Ajv2019({ allErrors: true, strict: true, strictTuples: false });
addFormats(ajv);
ajv.addSchema(achievementCredentialSchema);
const validators = {
  credentials: ajv.compile(GET_CREDENTIALS_RESPONSE),
  credential: ajv.compile(achievementCredentialSchema),
  imsx: ajv.compile(IMSX_STATUS_INFO),
  profile: ajv.compile(PROFILE),
};

/** The schema errors of `value` against one of the OB API's shapes (empty when it conforms). */
export function schemaErrors(kind: keyof typeof validators, value: unknown): string[] {
  const validate = validators[kind];
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
      );
}
