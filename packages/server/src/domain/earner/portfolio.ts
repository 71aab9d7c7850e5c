import { readableCredential } from '../credential/readable-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { recordCredentialEvent } from '../events/record-events.js';
import type { PlatformContext } from '../platform-context.js';
import type {
  Achievement,
  CredentialChoiceRecord,
  CredentialRecord,
  Earner,
  EarnerPhoto,
  ImportedCredential,
  Issuer,
  Visibility,
  WalletCopy,
} from '../ports/index.js';
import { skillsWallet, type WalletSkill } from '../skills/skills-wallet.js';
import { refreshTalentEvidence } from '../talent/talent-evidence.js';
import { ownCredential } from './claim-credential.js';

/** How a credential stands, in the words the pages use. */
export type CredentialStanding = 'verified' | 'unproven' | 'revoked' | 'suspended' | 'expired' | 'unverified';

/** A credential this platform issued, with what its earner chose. */
export interface IssuedItem {
  readonly kind: 'issued';
  readonly credential: CredentialRecord;
  readonly achievement: Achievement | null;
  readonly issuer: Issuer | null;
  /** `pending`: in the portfolio (its address is verified) but neither accepted nor declined yet. */
  readonly choice: 'accepted' | 'declined' | 'pending';
  readonly visibility: Visibility;
  readonly standing: CredentialStanding;
}

export interface ImportedItem {
  readonly kind: 'imported';
  readonly imported: ImportedCredential;
  readonly visibility: Visibility;
  readonly standing: CredentialStanding;
}

export type PortfolioItem = IssuedItem | ImportedItem;

export function standingOfRecord(record: CredentialRecord, now: Date): CredentialStanding {
  if (record.revokedAt !== null) return 'revoked';
  if (record.suspendedAt !== null) return 'suspended';
  if (record.validUntil !== null && record.validUntil <= now) return 'expired';
  return 'verified';
}

async function describeIssued(
  context: PlatformContext,
  credentials: readonly CredentialRecord[],
  choices: ReadonlyMap<string, CredentialChoiceRecord>,
): Promise<IssuedItem[]> {
  const achievements = new Map<string, Achievement | null>();
  const issuers = new Map<string, Issuer | null>();
  const now = context.now();
  const items: IssuedItem[] = [];
  for (const credential of credentials) {
    if (!achievements.has(credential.achievementId)) {
      achievements.set(
        credential.achievementId,
        await context.storage.achievements.findById({ id: credential.achievementId }),
      );
    }
    if (!issuers.has(credential.issuerId)) {
      issuers.set(credential.issuerId, await context.storage.issuers.findById({ id: credential.issuerId }));
    }
    const choice = choices.get(credential.id);
    items.push({
      kind: 'issued',
      credential,
      achievement: achievements.get(credential.achievementId) ?? null,
      issuer: issuers.get(credential.issuerId) ?? null,
      choice: choice?.choice ?? 'pending',
      visibility: choice?.visibility ?? 'private',
      standing: standingOfRecord(credential, now),
    });
  }
  return items;
}

function importedItem(imported: ImportedCredential): ImportedItem {
  const revoked = (
    imported.report.checks as { id?: string; code?: string; ok?: boolean }[] | undefined
  )?.find((check) => check.id === 'status' && check.ok === false);
  // Verified only through a key the credential vouched for itself (compatibility mode): never "verified".
  const unproven = imported.report.verified === true && imported.report.authorship === 'unproven';
  const standing: CredentialStanding = imported.verified
    ? 'verified'
    : unproven
      ? 'unproven'
      : revoked?.code === 'REVOKED'
        ? 'revoked'
        : revoked?.code === 'SUSPENDED'
          ? 'suspended'
          : 'unverified';
  return { kind: 'imported', imported, visibility: imported.visibility, standing };
}

/** Everything in an earner's portfolio, for their own account pages (declined ones included, marked). */
export async function listPortfolio(context: PlatformContext, earnerId: string): Promise<PortfolioItem[]> {
  const [credentials, choices, imports] = await Promise.all([
    context.storage.portfolios.listCredentials({ earnerId }),
    context.storage.portfolios.listChoices({ earnerId }),
    context.storage.importedCredentials.list({ earnerId }),
  ]);
  const byCredential = new Map(choices.map((choice) => [choice.credentialId, choice]));
  return [...(await describeIssued(context, credentials, byCredential)), ...imports.map(importedItem)];
}

/** A credential a pathway awards (its completion or a milestone), with the pathway that awards it. */
export interface PathwayCertificate {
  readonly item: IssuedItem;
  readonly pathway: { readonly id: string; readonly name: string };
}

export interface PublicPortfolio {
  readonly earner: Earner;
  /** The header's photo; null shows the initials. */
  readonly photo: EarnerPhoto | null;
  /** Every credential the portfolio shows, each once: pathway certificates first, then newest first. */
  readonly items: readonly PortfolioItem[];
  /** How many of `items` verify today (not revoked, suspended, expired, nor an import that failed). */
  readonly verifiedCount: number;
  /** Those the earner chose to show first, in their order; not repeated in the sections below. */
  readonly featured: readonly PortfolioItem[];
  readonly certificates: readonly PathwayCertificate[];
  readonly others: readonly PortfolioItem[];
  /** From the skills wallet over the shown credentials: only what verifies counts. */
  readonly skills: readonly WalletSkill[];
}

export function itemId(item: PortfolioItem): string {
  return item.kind === 'issued' ? item.credential.id : item.imported.id;
}

function issuedAtOf(item: PortfolioItem): number {
  if (item.kind === 'issued') return item.credential.issuedAt.getTime();
  const document = item.imported.document;
  const stated = [document.validFrom, document.issuanceDate].find((value) => typeof value === 'string');
  const time = typeof stated === 'string' ? Date.parse(stated) : Number.NaN;
  return Number.isNaN(time) ? item.imported.importedAt.getTime() : time;
}

/** The pathway awarding each of these achievements (the first found when several do). */
async function awardingPathways(
  context: PlatformContext,
  achievementIds: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (achievementIds.length === 0) return new Map();
  const pathways = await context.storage.pathways.findAwarding({ achievementIds });
  const awarding = new Map<string, { id: string; name: string }>();
  for (const { pathway, version } of pathways) {
    for (const achievementId of [version.rules.completionAchievementId, ...version.milestoneAchievementIds]) {
      if (!awarding.has(achievementId)) {
        awarding.set(achievementId, { id: pathway.id, name: pathway.name });
      }
    }
  }
  return awarding;
}

/**
 * `/u/{handle}`: the credentials the earner accepted and made public, and their public imports, each once,
 * with those a pathway awards (stacked certificates) set apart and first.
 */
export async function publicPortfolio(context: PlatformContext, handle: string): Promise<PublicPortfolio> {
  const earner = await context.storage.earners.findByHandle({ handle });
  if (earner === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such portfolio');
  const shown = new Map<string, PortfolioItem>();
  for (const item of await listPortfolio(context, earner.id)) {
    const isPublic =
      item.kind === 'issued'
        ? item.choice === 'accepted' && item.visibility === 'public'
        : item.visibility === 'public';
    if (isPublic && !shown.has(itemId(item))) shown.set(itemId(item), item);
  }
  const newestFirst = [...shown.values()].sort((a, b) => issuedAtOf(b) - issuedAtOf(a));
  const awarding = await awardingPathways(context, [
    ...new Set(
      newestFirst.flatMap((item) => (item.kind === 'issued' ? [item.credential.achievementId] : [])),
    ),
  ]);
  const pathwayOf = (item: PortfolioItem) =>
    item.kind === 'issued' ? awarding.get(item.credential.achievementId) : undefined;
  const featured = earner.featured.flatMap((id) => shown.get(id) ?? []);
  const isFeatured = new Set(featured.map(itemId));
  const certificates = newestFirst.flatMap((item): PathwayCertificate[] => {
    const pathway = pathwayOf(item);
    return item.kind === 'issued' && pathway !== undefined && !isFeatured.has(itemId(item))
      ? [{ item, pathway }]
      : [];
  });
  const others = newestFirst.filter((item) => pathwayOf(item) === undefined && !isFeatured.has(itemId(item)));
  return {
    earner,
    photo: await context.storage.earnerPhotos.find({ earnerId: earner.id }),
    items: [
      ...newestFirst.filter((item) => pathwayOf(item) !== undefined),
      ...newestFirst.filter((item) => pathwayOf(item) === undefined),
    ],
    verifiedCount: newestFirst.filter((item) => item.standing === 'verified').length,
    featured,
    certificates,
    others,
    skills: skillsWallet(newestFirst),
  };
}

export interface CredentialPage {
  readonly credential: CredentialRecord;
  readonly achievement: Achievement | null;
  readonly issuer: Issuer | null;
  /** The earner, when the credential is in a portfolio. */
  readonly owner: Earner | null;
  readonly viewerIsOwner: boolean;
  readonly choice: CredentialChoiceRecord | null;
  /** The copies signed for the owner's wallets (shown to the owner alone; empty for anyone else). */
  readonly walletCopies: readonly WalletCopy[];
}

/** A credential as its page shows it, if `viewer` (an earner id, or null) may see it. */
export async function viewCredential(
  context: PlatformContext,
  credentialId: string,
  viewer: string | null,
): Promise<CredentialPage> {
  const { credential, choice, ownerId } = await readableCredential(context, viewer, credentialId);
  const [achievement, issuer, owner] = await Promise.all([
    context.storage.achievements.findById({ id: credential.achievementId }),
    context.storage.issuers.findById({ id: credential.issuerId }),
    ownerId === null ? null : context.storage.earners.findById({ id: ownerId }),
  ]);
  const viewerIsOwner = ownerId !== null && ownerId === viewer;
  return {
    credential,
    achievement,
    issuer,
    owner,
    viewerIsOwner,
    choice,
    walletCopies: viewerIsOwner ? await context.storage.wallet.listCopies({ originalId: credential.id }) : [],
  };
}

/**
 * Accept, decline, show or hide one of the earner's credentials; the signed credential is untouched.
 * Without a `choice`, the current one stands (a new credential counts as accepted once shown or hidden).
 */
export async function chooseForCredential(
  context: PlatformContext,
  earnerId: string,
  credentialId: string,
  decision: { readonly choice?: 'accepted' | 'declined'; readonly visibility: Visibility },
): Promise<void> {
  await ownCredential(context, earnerId, credentialId);
  await context.storage.transaction(async (repositories) => {
    const previous = (await repositories.portfolios.findChoice({ credentialId }))?.choice;
    const choice = decision.choice ?? previous ?? 'accepted';
    const at = context.now();
    await repositories.portfolios.putChoice({
      credentialId,
      earnerId,
      choice,
      visibility: choice === 'declined' ? 'private' : decision.visibility,
      at,
    });
    // Accepting or declining in the account counts as the claim link would: analytics and webhooks see it.
    if (choice !== previous) {
      await recordCredentialEvent(repositories, {
        credentialId,
        type: choice === 'accepted' ? 'credential.claimed' : 'credential.declined',
        at,
      });
    }
  });
  await refreshTalentEvidence(context, earnerId);
}

/** An earner's own import (NOT_FOUND for anyone else's). */
export async function ownImport(
  context: PlatformContext,
  earnerId: string,
  importId: string,
): Promise<ImportedCredential> {
  const imported = await context.storage.importedCredentials.find({ id: importId });
  if (imported === null || imported.earnerId !== earnerId) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such credential');
  }
  return imported;
}

export async function setImportVisibility(
  context: PlatformContext,
  earnerId: string,
  importId: string,
  visibility: Visibility,
): Promise<void> {
  const imported = await ownImport(context, earnerId, importId);
  if (visibility === 'public' && !imported.verified) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      'a credential that did not verify cannot be made public',
    );
  }
  await context.storage.importedCredentials.setVisibility({ id: importId, visibility });
}

/** A public import, or the earner's own (NOT_FOUND otherwise). */
export async function viewImport(
  context: PlatformContext,
  importId: string,
  viewer: string | null,
): Promise<{
  readonly imported: ImportedCredential;
  readonly owner: Earner | null;
  readonly item: ImportedItem;
}> {
  const imported = await context.storage.importedCredentials.find({ id: importId });
  if (imported === null || (imported.visibility !== 'public' && imported.earnerId !== viewer)) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such credential');
  }
  const owner = await context.storage.earners.findById({ id: imported.earnerId });
  return { imported, owner, item: importedItem(imported) };
}
