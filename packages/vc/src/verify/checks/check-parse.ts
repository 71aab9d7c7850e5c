import { parseCredentialInput } from '../parse-credential-input.js';
import type { InputStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { failedWith, passed } from './check-outcome.js';

/** Reads what the verifier was handed (JSON, compact JWS, baked PNG or SVG); nothing else runs if it cannot. */
export const checkParse: InputStep = ({ input, components, options }) => {
  try {
    const parsed = parseCredentialInput(input, {
      unbake: components.unbake,
      ...(options.maxInputBytes === undefined ? {} : { maxInputBytes: options.maxInputBytes }),
    });
    return {
      checks: [passed(CheckId.PARSE, `credential read from ${parsed.format.toUpperCase()}`)],
      learned: { parsed, ...(parsed.document === undefined ? {} : { credential: parsed.document }) },
    };
  } catch (error) {
    return { checks: [failedWith(CheckId.PARSE, error)], stop: true };
  }
};
