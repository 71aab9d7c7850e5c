import { isRecord, type JsonObject } from '../../json/index.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId, type VerificationCheck } from '../verification-report.js';
import { asArray } from './as-array.js';
import { passed } from './check-outcome.js';

const OB_SCHEMA_ID =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Compaction-tolerant view for the canonical JSON Schema: OB §serialization lets verifiers accept both. */
function withCanonicalArrays(credential: JsonObject): JsonObject {
  const copy: JsonObject = { ...credential };
  for (const key of ['type', 'proof', 'credentialSchema', 'termsOfUse', 'evidence', 'endorsement'] as const) {
    if (copy[key] !== undefined && !Array.isArray(copy[key])) copy[key] = [copy[key]];
  }
  return copy;
}

/**
 * Conformance of a VC 2.0 Open Badge to the OB 3.0 AchievementCredential JSON Schema (bundled), and a
 * note naming any other declared schema, which cannot be checked offline.
 */
export const checkSchema: CredentialStep = ({ credential, isV2, isOpenBadge, components }) => {
  if (!isOpenBadge || !isV2) return {};
  const checks: VerificationCheck[] = [];
  const result = components.validateSchema(withCanonicalArrays(credential));
  if (result.valid) {
    checks.push(passed(CheckId.SCHEMA, 'conforms to the OB 3.0 AchievementCredential JSON Schema'));
  } else {
    // Conformance is validation, not verification (VC 2.0 §7.1): a signed, current, unrevoked badge
    // with, say, an achievementType outside the enumeration is shown with this warning, not refused.
    const first = result.errors.slice(0, 3).map((error) => `${error.path || '/'} ${error.message}`);
    checks.push(
      passed(CheckId.SCHEMA, `does not conform to the OB 3.0 JSON Schema: ${first.join('; ')}`, true),
    );
  }
  const unknownSchemas = asArray(credential.credentialSchema)
    .filter(isRecord)
    .filter((schema) => schema.id !== OB_SCHEMA_ID);
  if (unknownSchemas.length > 0) {
    checks.push(
      passed(
        `${CheckId.SCHEMA}-other`,
        `schemas not available offline were not checked: ${unknownSchemas.map((schema) => String(schema.id)).join(', ')}`,
        true,
      ),
    );
  }
  return { checks };
};
