import { randomUUID } from 'node:crypto';
import {
  type AssociationInput,
  buildClrCredential,
  type ClrVerifiableCredential,
  type IdentityObject,
  IdentityObjectSchema,
  type Achievement as ObAchievement,
} from '@microcred/vc';
import { z } from 'zod';
import { achievementUrl } from '../achievement/manage-achievements.js';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { type IssueDependencies, issuerProfile } from '../credential/issue-credential.js';
import { readableCredentials } from '../credential/readable-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord, Issuer, JsonObject } from '../ports/index.js';
import { assessEarner } from './assess-earner.js';
import { type Earner, earnerFilter, earnerFromRecipient } from './earner-identity.js';
import { pathwayAssociations } from './engine/pathway-associations.js';
import { getPathway } from './manage-pathways.js';
import { loadPathwayAchievements } from './pathway-document.js';

export const ClrRequestSchema = z.strictObject({
  /** The earner: an email address (matched through its keyed hash) or a DID. */
  recipient: z.string().trim().min(1).max(500),
});
export type ClrRequest = z.input<typeof ClrRequestSchema>;

export interface IssuedClr {
  /** The signed ClrCredential. Not stored: each bundled credential keeps its own status entry. */
  readonly credential: JsonObject;
  /** False when some of the earner's credentials could not be bundled (VC-JWTs, or credentials another key holds). */
  readonly complete: boolean;
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Embeddable: a Data Integrity-signed, unrevoked credential (a VC-JWT's payload carries no proof). */
function bundleable(record: CredentialRecord): boolean {
  return record.revokedAt === null && record.format === 'di' && record.document.proof !== undefined;
}

/** The learner as the CLR names them: their DID, or the hashed email their credentials carry. */
function clrSubject(earner: Earner, credentials: readonly CredentialRecord[]) {
  if (earner.startsWith('did:')) return { id: earner };
  const identifier: IdentityObject[] = [];
  for (const record of credentials) {
    const subject = record.document.credentialSubject as { identifier?: unknown } | undefined;
    const first = Array.isArray(subject?.identifier) ? subject.identifier[0] : subject?.identifier;
    const parsed = IdentityObjectSchema.safeParse(first);
    if (parsed.success) {
      identifier.push(parsed.data);
      break;
    }
  }
  if (identifier.length === 0) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      "none of the earner's credentials carries their identity",
    );
  }
  return { identifier };
}

async function signClr(
  context: PlatformContext,
  dependencies: IssueDependencies,
  options: {
    readonly issuer: Issuer;
    readonly name: string;
    readonly description: string;
    readonly earner: Earner;
    readonly credentials: readonly CredentialRecord[];
    readonly achievements: readonly ObAchievement[];
    readonly associations: readonly AssociationInput[];
    readonly partial: boolean;
    readonly awardedDate?: Date;
  },
): Promise<IssuedClr> {
  const now = wholeSeconds(context.now());
  const unsigned = buildClrCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: issuerProfile(context, options.issuer),
    name: options.name,
    description: options.description,
    validFrom: now,
    ...(options.awardedDate === undefined ? {} : { awardedDate: wholeSeconds(options.awardedDate) }),
    subject: clrSubject(options.earner, options.credentials),
    verifiableCredential: options.credentials.map((record) => record.document as ClrVerifiableCredential),
    achievement: options.achievements,
    association: options.associations,
    // Only when true: `partial` needs an inline context (CLR context 2.0.1 lacks the term).
    ...(options.partial ? { partial: true } : {}),
  });
  const signingKey = await dependencies.activeSigningKey(options.issuer);
  const signed = await dependencies.signer.sign({
    document: unsigned as unknown as JsonObject,
    signingKey,
    format: 'di',
    created: now,
  });
  return { credential: signed.document, complete: !options.partial };
}

/**
 * A signed CLR 2.0 ClrCredential for an earner who completed a pathway (issuer role), published by the
 * pathway's issuer: `credentialSubject.verifiableCredential` holds the stacked credential, the milestone
 * credentials and every constituent credential counted (each with its own proof and status), and
 * `achievement[]` with `association[]` describe the pathway's structure. Credentials their earner hid
 * are left out. Refused (CONFLICT) when the earner holds no standing completion credential that anyone
 * may read.
 */
export async function issuePathwayClr(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  pathwayId: string,
  raw: ClrRequest,
): Promise<IssuedClr> {
  const { recipient } = ClrRequestSchema.parse(raw);
  const found = await getPathway(context, actor, pathwayId);
  authorize(actor, found.pathway.issuerId, 'issuer', { notFound: 'pathway' });
  const issuer = await context.storage.issuers.findById({ id: found.pathway.issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  const earner = earnerFromRecipient(context, recipient);
  const assessment = await assessEarner(context.storage, { pathway: found, earner, now: context.now() });
  // A CLR is handed to third parties: it bundles only what anyone may read (`mayReadCredential`), and
  // leaves out what its earner hid exactly as if it did not exist.
  const standing = await readableCredentials(
    context,
    null,
    assessment.awards
      .filter((award) => award.state === 'active')
      .map((award) => assessment.credentials.get(award.credentialId))
      .filter((record): record is CredentialRecord => record !== undefined && record.revokedAt === null),
  );
  const completion = standing.find(
    (record) => record.achievementId === found.version.rules.completionAchievementId,
  );
  if (completion === undefined) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'the earner has not completed this pathway (no standing completion credential)',
    );
  }
  // What the stacked credential was awarded for: its evidence, by credential URL.
  const evidence = (Array.isArray(completion.document.evidence) ? completion.document.evidence : []) as {
    id?: unknown;
  }[];
  const constituents: CredentialRecord[] = [];
  for (const item of evidence) {
    const id = typeof item.id === 'string' ? /\/credentials\/([0-9a-f-]{36})$/.exec(item.id)?.[1] : undefined;
    const record = id === undefined ? null : await context.storage.credentials.findById({ id });
    if (record !== null) constituents.push(record);
  }
  const all = [
    ...standing,
    ...(await readableCredentials(
      context,
      null,
      constituents.filter((record) => !standing.some((other) => other.id === record.id)),
    )),
  ];
  const bundled = all.filter(bundleable);
  const achievements = await loadPathwayAchievements(context, found);
  return signClr(context, dependencies, {
    issuer,
    name: `${found.pathway.name}: learner record`,
    description: `The credentials that make up "${found.pathway.name}", and how they fit together.`,
    earner,
    credentials: bundled,
    achievements: achievements.map((achievement) => achievement.document as unknown as ObAchievement),
    associations: pathwayAssociations(assessment.version.rules, (id) =>
      achievementUrl(context.publicUrl, id),
    ),
    partial: bundled.length < all.length,
    awardedDate: completion.issuedAt,
  });
}

/**
 * A signed CLR 2.0 ClrCredential of an earner's whole record with one issuer (issuer role): every
 * standing credential that issuer gave them, with the structure of that issuer's pathways they
 * completed, leaving out those its earner hid. `partial` is true when some could not be bundled (VC-JWTs).
 */
export async function issueRecordClr(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  issuerId: string,
  raw: ClrRequest,
): Promise<IssuedClr> {
  const { recipient } = ClrRequestSchema.parse(raw);
  authorize(actor, issuerId, 'issuer', { notFound: 'issuer' });
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  const earner = earnerFromRecipient(context, recipient);
  const records: CredentialRecord[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await context.storage.credentials.list({
      ...earnerFilter(earner),
      issuerId,
      limit: 500,
      offset,
    });
    records.push(...page.filter((record) => record.revokedAt === null));
    if (page.length < 500) break;
  }
  // Not the issuer's books but a document for third parties: what the earner hid stays out (and does
  // not make the record `partial`: it is as if it did not exist).
  const readable = await readableCredentials(context, null, records);
  const bundled = readable.filter(bundleable);
  if (bundled.length === 0) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'the earner holds no credential of this issuer that a CLR can bundle',
    );
  }
  const achievements = new Map<string, ObAchievement>();
  for (const record of bundled) {
    const achievement = (record.document.credentialSubject as { achievement?: ObAchievement } | undefined)
      ?.achievement;
    if (achievement !== undefined) achievements.set(achievement.id, achievement);
  }
  const associations: AssociationInput[] = [];
  const held = new Set(bundled.map((record) => record.achievementId));
  for (const found of await context.storage.pathways.list({ issuerId, status: 'published', limit: 500 })) {
    if (held.has(found.version.rules.completionAchievementId)) {
      associations.push(
        ...pathwayAssociations(found.version.rules, (id) => achievementUrl(context.publicUrl, id)),
      );
    }
  }
  return signClr(context, dependencies, {
    issuer,
    name: `Learner record from ${issuer.name}`,
    description: `The credentials ${issuer.name} issued to this learner.`,
    earner,
    credentials: bundled,
    achievements: [...achievements.values()],
    associations,
    partial: bundled.length < readable.length,
  });
}
