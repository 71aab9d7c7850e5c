import Ajv2019Module, { type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import schema from './schemas/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };

/** One failed JSON Schema rule: where in the document (JSON Pointer) and what is wrong. */
export interface SchemaValidationError {
  readonly path: string;
  readonly message: string;
}

export interface SchemaValidationReport {
  readonly valid: boolean;
  readonly errors: readonly SchemaValidationError[];
}

// ajv and ajv-formats are CommonJS with `exports.default`. Node hands an ES module the whole
// `module.exports` as default (which is the class itself), TypeScript under NodeNext types the
// default import as the module object; `.default ?? module` works under both.
const Ajv2019 = Ajv2019Module.default ?? (Ajv2019Module as unknown as typeof Ajv2019Module.default);
const addFormats =
  addFormatsModule.default ?? (addFormatsModule as unknown as typeof addFormatsModule.default);

let validator: ValidateFunction | undefined;

function compiledValidator(): ValidateFunction {
  if (validator === undefined) {
    // The 1EdTech schema gives `@context` a 2-item tuple `items` with `additionalItems` but no
    // `maxItems`: valid draft 2019-09 that only Ajv's strictTuples rule objects to.
    const ajv = new Ajv2019({ allErrors: true, strict: true, strictTuples: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Checks a document against the official 1EdTech JSON Schema for AchievementCredential /
 * OpenBadgeCredential (draft 2019-09, canonical form: `type`, `proof`, `credentialSchema` must be
 * arrays). Never throws for an invalid document; compiles the schema once, on first use.
 */
export function validateAchievementCredentialSchema(document: unknown): SchemaValidationReport {
  const validate = compiledValidator();
  if (validate(document)) {
    return { valid: true, errors: [] };
  }
  const errors = (validate.errors ?? []).map((error) => ({
    path: error.instancePath === '' ? '/' : error.instancePath,
    message: error.message ?? error.keyword,
  }));
  return { valid: false, errors };
}
