import { isRecord, type JsonObject } from '@microcred/vc';

/** What the pages show of an OB 3.0 credential, read defensively: imports may hold anything. */
export interface CredentialFields {
  readonly name: string;
  readonly description: string | null;
  readonly criteria: string | null;
  readonly achievementType: string | null;
  readonly image: string | null;
  readonly issuerName: string;
  readonly issuerId: string | null;
  readonly recipientName: string | null;
  readonly skills: readonly { readonly name: string; readonly url: string | null }[];
  readonly validFrom: Date | null;
  readonly validUntil: Date | null;
  readonly evidence: readonly {
    readonly name: string | null;
    readonly url: string | null;
    readonly narrative: string | null;
  }[];
}

function object(value: unknown): JsonObject | undefined {
  return isRecord(value) ? value : undefined;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // A language map ({ en: …, fr: … }) or a value object: take the first string.
  const map = object(value);
  if (map !== undefined) {
    for (const entry of Object.values(map)) if (typeof entry === 'string') return entry;
  }
  return null;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Only images that cannot reach a third party from our pages' context: data URIs and https URLs. */
function safeImage(value: unknown): string | null {
  const id = typeof value === 'string' ? value : text(object(value)?.id);
  if (id === null) return null;
  if (/^data:image\/(?:png|svg\+xml|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(id)) return id;
  return /^https:\/\//.test(id) ? id : null;
}

function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//.test(value) ? value : null;
}

export function readCredentialFields(document: JsonObject): CredentialFields {
  const subjects = list(document.credentialSubject).map(object);
  const subject = subjects[0];
  // An OB 2.0 assertion, as the verifier reports it, has its badge class (with its issuer) in `badge`.
  const achievement = object(subject?.achievement) ?? object(document.badge);
  const issuer = object(document.issuer) ?? object(achievement?.issuer);
  const alignments = list(achievement?.alignment).map(object);
  return {
    name: text(achievement?.name) ?? text(document.name) ?? 'Credential',
    description: text(achievement?.description) ?? text(document.description),
    criteria: text(object(achievement?.criteria)?.narrative),
    achievementType: text(achievement?.achievementType),
    image: safeImage(achievement?.image) ?? safeImage(document.image),
    issuerName:
      text(issuer?.name) ?? (typeof document.issuer === 'string' ? document.issuer : 'Unknown issuer'),
    issuerId: typeof document.issuer === 'string' ? document.issuer : text(issuer?.id),
    recipientName: text(subject?.name),
    skills: alignments.flatMap((alignment) => {
      const name = text(alignment?.targetName);
      return name === null ? [] : [{ name, url: httpUrl(alignment?.targetUrl) }];
    }),
    validFrom: date(document.validFrom) ?? date(document.issuanceDate) ?? date(document.issuedOn),
    validUntil: date(document.validUntil) ?? date(document.expirationDate) ?? date(document.expires),
    evidence: list(document.evidence).flatMap((item) => {
      const evidence = object(item);
      if (evidence === undefined) return [];
      return [{ name: text(evidence.name), url: httpUrl(evidence.id), narrative: text(evidence.narrative) }];
    }),
  };
}
