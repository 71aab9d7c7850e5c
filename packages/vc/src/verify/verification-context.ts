import { CREDENTIALS_V2_CONTEXT } from '../contexts/index.js';
import type { JsonObject } from '../json/index.js';
import type { ResourceFetcher } from '../resource/index.js';
import { asArray } from './checks/as-array.js';
import { issuerIdOf } from './issuer-id-of.js';
import type { CredentialInput, ParsedInput } from './parse-credential-input.js';
import type { VerifierCompat } from './resolve-issuer-key.js';
import type { IssuerTrust, VerificationCheck, VerificationReport } from './verification-report.js';
import type { VerifierComponents, VerifyCredentialOptions } from './verify-credential.js';

export type Signer = NonNullable<VerificationReport['signer']>;
export type NestedReport = NonNullable<VerificationReport['nested']>[number];

const OB_TYPES = new Set(['OpenBadgeCredential', 'AchievementCredential']);

/** What a step may learn about the credential and hand on to the steps after it and to the report. */
export interface VerificationFacts {
  /** The controller of the key that verified the credential (VC-JWT key, then Data Integrity proof). */
  readonly controller?: string;
  /** The key accepted unconfirmed by the `1edtech` concession (key in a fragment, no controller document). */
  readonly unconfirmedKey?: string;
  /** The proof that verified expanded the whole document in JSON-LD safe mode (RDF canonicalization). */
  readonly rdfProofVerified?: boolean;
  readonly signer?: Signer;
  /** Why authorship is unproven. The pipeline keeps the first reason a step gives; later ones never replace it. */
  readonly unprovenAuthorship?: string;
  readonly nested?: readonly NestedReport[];
  /** What the verifier's trust sources say of the issuer (check-issuer-trust). */
  readonly issuerTrust?: IssuerTrust;
  /** A time by which the credential provably existed: a trusted witness cosigned a checkpoint holding it. */
  readonly loggedBy?: Date;
}

/** What parse and JWT learn: the input as read, and the credential it carries (when one was found). */
export interface InputFacts extends VerificationFacts {
  readonly parsed?: ParsedInput;
  readonly credential?: JsonObject;
}

/** The state every step reads: the run's settings, the checks so far, and what earlier steps learned. */
export interface VerificationContext extends InputFacts {
  readonly components: VerifierComponents;
  readonly options: VerifyCredentialOptions;
  readonly fetcher: ResourceFetcher;
  readonly now: Date;
  readonly compat: VerifierCompat;
  readonly input: CredentialInput;
  /** How deep this credential sits inside the one handed to the verifier (0: it is that one). */
  readonly depth: number;
  readonly checks: readonly VerificationCheck[];
  /** The whole pipeline on an embedded credential or a status list, one nesting level down. */
  readonly verifyEmbedded: (
    input: CredentialInput,
    options: VerifyCredentialOptions,
  ) => Promise<VerificationReport>;
}

/** The state once a credential was read, with what every later step derives from it. */
export interface CredentialContext extends VerificationContext {
  readonly parsed: ParsedInput;
  readonly credential: JsonObject;
  /** The first @context is the VC 2.0 one (else VC 1.1, or check-context stops the pipeline). */
  readonly isV2: boolean;
  readonly types: readonly unknown[];
  readonly isOpenBadge: boolean;
  readonly issuerId: string | undefined;
}

/** What one step says: its checks, what it learned, and whether nothing after it can be judged. */
export interface StepResult<Facts = VerificationFacts> {
  readonly checks?: readonly VerificationCheck[];
  readonly learned?: Facts;
  readonly stop?: boolean;
}

export type InputStep = (
  context: VerificationContext,
) => Promise<StepResult<InputFacts>> | StepResult<InputFacts>;
export type CredentialStep = (context: CredentialContext) => Promise<StepResult> | StepResult;

/** The context with a step's result applied: its checks appended, its facts merged. */
export function withStepResult<C extends VerificationContext>(context: C, result: StepResult<Partial<C>>): C {
  return {
    ...context,
    ...result.learned,
    checks: [...context.checks, ...(result.checks ?? [])],
    unprovenAuthorship: context.unprovenAuthorship ?? result.learned?.unprovenAuthorship,
  };
}

/** The context of a credential that was read, with the facts every later step derives from it. */
export function credentialContextOf(
  context: VerificationContext,
  parsed: ParsedInput,
  credential: JsonObject,
): CredentialContext {
  const types = asArray(credential.type);
  return {
    ...context,
    parsed,
    credential,
    isV2: asArray(credential['@context'])[0] === CREDENTIALS_V2_CONTEXT,
    types,
    isOpenBadge: types.some((type) => typeof type === 'string' && OB_TYPES.has(type)),
    issuerId: issuerIdOf(credential),
  };
}

/** The report of what the pipeline established, wherever it stopped. */
export function reportOf(context: VerificationContext): VerificationReport {
  const { checks, parsed, credential, signer, nested, unprovenAuthorship, issuerTrust } = context;
  return {
    verified: checks.every((check) => check.ok),
    ...(parsed === undefined ? {} : { format: parsed.format }),
    checks,
    ...(credential === undefined ? {} : { credential }),
    ...(signer === undefined ? {} : { signer }),
    ...(nested === undefined || nested.length === 0 ? {} : { nested }),
    ...(unprovenAuthorship === undefined
      ? {}
      : { authorship: 'unproven' as const, authorshipReason: unprovenAuthorship }),
    ...(issuerTrust === undefined ? {} : { issuerTrust }),
  };
}
