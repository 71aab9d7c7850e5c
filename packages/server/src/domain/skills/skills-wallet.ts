import { isRecord } from '@microcred/vc';
import type { PortfolioItem } from '../earner/portfolio.js';

/** One credential that proves a skill, as the wallet shows it. */
export interface SkillEvidence {
  /** `issued`: a credential this platform issued; `imported`: one the earner brought and that verified. */
  readonly kind: 'issued' | 'imported';
  /** The credential's id on this platform (issued) or the import's id (imported). */
  readonly id: string;
  readonly achievement: string;
  readonly issuer: string;
  readonly issuedAt: Date;
  readonly level: string | null;
  /** Whether the platform vouches for the issuer (an issuer this platform has verified). */
  readonly issuerVetted: boolean;
}

export interface WalletSkill {
  readonly name: string;
  /** The framework URI (an ESCO URI) when the credential aligns the skill to one. */
  readonly url: string | null;
  readonly framework: string | null;
  /** Newest first. */
  readonly evidence: readonly SkillEvidence[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The signed credential's achievement: what the issuer attested, not what the platform stores beside it. */
function achievementOf(document: Record<string, unknown>): Record<string, unknown> | null {
  const subject = list(document.credentialSubject)[0];
  if (!isRecord(subject) || !isRecord(subject.achievement)) return null;
  return subject.achievement;
}

function alignedSkills(achievement: Record<string, unknown> | null) {
  return list(achievement?.alignment).flatMap((alignment) => {
    if (!isRecord(alignment)) return [];
    const name = text(alignment.targetName);
    if (name === null) return [];
    return [{ name, url: text(alignment.targetUrl), framework: text(alignment.targetFramework) }];
  });
}

function issuerName(document: Record<string, unknown>): string {
  const issuer = document.issuer;
  return (isRecord(issuer) ? text(issuer.name) : null) ?? (typeof issuer === 'string' ? issuer : '');
}

/**
 * The skills an earner can prove, each with the credentials that prove it. Only what verifies counts: an
 * accepted credential this platform issued that is neither revoked, suspended nor expired, and imports that
 * verified on import. Skills are read from what each credential's issuer signed (its achievement's
 * alignments); one aligned to a framework URI is the same skill whatever its name, others are matched by
 * name. Pure.
 */
export function skillsWallet(items: readonly PortfolioItem[]): WalletSkill[] {
  const skills = new Map<
    string,
    { name: string; url: string | null; framework: string | null; evidence: SkillEvidence[] }
  >();
  for (const item of items) {
    if (item.standing !== 'verified') continue;
    if (item.kind === 'issued' && item.choice !== 'accepted') continue;
    const document = item.kind === 'issued' ? item.credential.document : item.imported.document;
    const achievement = achievementOf(document);
    const evidence: SkillEvidence =
      item.kind === 'issued'
        ? {
            kind: 'issued',
            id: item.credential.id,
            achievement: item.achievement?.name ?? text(achievement?.name) ?? '',
            issuer: item.issuer?.name ?? issuerName(document),
            issuedAt: item.credential.issuedAt,
            level: item.achievement?.level ?? null,
            issuerVetted: item.issuer?.verified ?? false,
          }
        : {
            kind: 'imported',
            id: item.imported.id,
            achievement: text(achievement?.name) ?? '',
            issuer: issuerName(document),
            issuedAt: new Date(
              text(document.validFrom) ??
                text(document.issuanceDate) ??
                item.imported.importedAt.toISOString(),
            ),
            level: null,
            issuerVetted: false,
          };
    for (const skill of alignedSkills(achievement)) {
      const key = skill.url ?? `name:${skill.name.toLowerCase()}`;
      const entry = skills.get(key) ?? { ...skill, evidence: [] };
      if (!entry.evidence.some((known) => known.kind === evidence.kind && known.id === evidence.id)) {
        entry.evidence.push(evidence);
      }
      skills.set(key, entry);
    }
  }
  return [...skills.values()]
    .map((skill) => ({
      ...skill,
      evidence: skill.evidence.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime()),
    }))
    .sort((a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name));
}
