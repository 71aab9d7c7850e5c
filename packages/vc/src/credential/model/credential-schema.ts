import { z } from 'zod';

/** The `type` of 1EdTech JSON Schema references (OB 3.0 §CredentialSchema; not `JsonSchemaValidator2019`). */
export const ONEEDTECH_JSON_SCHEMA_VALIDATOR_2019 = '1EdTechJsonSchemaValidator2019';

/** Canonical JSON Schema of AchievementCredential / OpenBadgeCredential (OB 3.0 serialization.md). */
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Canonical JSON Schema of EndorsementCredential. */
export const OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';

/** Canonical JSON Schema of ClrCredential (CLR 2.0). */
export const CLR_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** VC 2.0 `credentialSchema` entry: `id` (URL) and `type` are both required. */
export const CredentialSchemaSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
});
export type CredentialSchema = z.output<typeof CredentialSchemaSchema>;
