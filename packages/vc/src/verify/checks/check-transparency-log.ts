import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { verifyLogProof } from '../verify-log-proof.js';
import { failedWith, passed } from './check-outcome.js';

/**
 * Whether the credential is in the transparency log the verifier pins (issue 15): only when the options
 * carry the log's key(s) and a proof, and only for the credential handed in (the proof names its leaf, not
 * an embedded credential's or a status list's). Runs before the proof check, which reads the witnessed
 * time it learns: a key revoked after that time still verifies the proof (ADVERSARIAL V19).
 */
export const checkTransparencyLog: CredentialStep = (context) => {
  const log = context.options.transparencyLog;
  if (log === undefined || log.proof === undefined || log.logKeys.length === 0 || context.depth > 0)
    return {};
  try {
    const verified = verifyLogProof({
      credential: context.credential,
      logProof: log.proof,
      logKeys: log.logKeys,
      ...(log.witnessKeys === undefined ? {} : { witnessKeys: log.witnessKeys }),
      ...(log.origin === undefined ? {} : { origin: log.origin }),
    });
    const witnessed =
      verified.witnessedAt === undefined
        ? ', not cosigned by a trusted witness'
        : `, cosigned by ${verified.witnesses.join(', ')} at ${verified.witnessedAt.toISOString()}`;
    return {
      checks: [
        passed(
          CheckId.TRANSPARENCY_LOG,
          `logged at position ${verified.leafIndex} of ${verified.origin} (checkpoint of ${verified.treeSize} entries${witnessed})`,
        ),
      ],
      ...(verified.witnessedAt === undefined ? {} : { learned: { loggedBy: verified.witnessedAt } }),
    };
  } catch (error) {
    return { checks: [failedWith(CheckId.TRANSPARENCY_LOG, error)] };
  }
};
