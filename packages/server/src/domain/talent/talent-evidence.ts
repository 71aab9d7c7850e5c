import { listPortfolio, type PortfolioItem } from '../earner/portfolio.js';
import type { PlatformContext } from '../platform-context.js';
import type { Repositories, TalentEvidence } from '../ports/index.js';
import { skillsWallet } from '../skills/skills-wallet.js';

function dateIn(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** When each wallet credential stops counting: an issued one's record, an import's own `validUntil`. */
function validUntilOf(items: readonly PortfolioItem[]): Map<string, Date | null> {
  return new Map(
    items.map((item) =>
      item.kind === 'issued'
        ? [item.credential.id, item.credential.validUntil]
        : [
            item.imported.id,
            dateIn(item.imported.document.validUntil) ?? dateIn(item.imported.document.expirationDate),
          ],
    ),
  );
}

/**
 * The rows talent search reads for one earner: each framework skill of their wallet (verified, accepted,
 * unrevoked, unexpired credentials only, as the wallet decides) with each credential proving it. Skills
 * without a framework URI are left out: an employer searches by framework skills. Pure.
 */
export function talentEvidenceOf(earnerId: string, items: readonly PortfolioItem[]): TalentEvidence[] {
  const validUntil = validUntilOf(items);
  return skillsWallet(items).flatMap((skill) =>
    skill.url === null
      ? []
      : skill.evidence.map((evidence) => ({
          earnerId,
          skillUri: skill.url as string,
          credentialKind: evidence.kind,
          credentialId: evidence.id,
          achievementName: evidence.achievement,
          issuerName: evidence.issuer,
          issuerVetted: evidence.issuerVetted,
          issuedAt: evidence.issuedAt,
          validUntil: validUntil.get(evidence.id) ?? null,
        })),
  );
}

/**
 * Rebuilds an earner's talent evidence from their portfolio as it stands: called after anything that
 * changes what the wallet proves (accepting, declining, importing, reinstating, deleting an import).
 */
export async function refreshTalentEvidence(context: PlatformContext, earnerId: string): Promise<void> {
  const rows = talentEvidenceOf(earnerId, await listPortfolio(context, earnerId));
  await context.storage.talent.replaceEvidence({ earnerId, rows });
}

/**
 * A revoked or suspended credential stops counting in the same transaction as the change: search never
 * ranks anyone by it, even for an instant.
 */
export async function withdrawTalentEvidence(
  repositories: Pick<Repositories, 'talent'>,
  credentialIds: readonly string[],
): Promise<void> {
  for (const credentialId of credentialIds) await repositories.talent.removeEvidenceOf({ credentialId });
}
