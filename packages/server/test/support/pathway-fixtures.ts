import type { Platform } from '../../src/domain/platform.js';
import type { Achievement } from '../../src/domain/ports/index.js';
import { ADMIN, seedIssuer } from './test-platform.js';

export interface PathwayWorld {
  readonly issuer: Awaited<ReturnType<typeof seedIssuer>>['issuer'];
  /** Four published micro-credentials, one credit and ten hours each. */
  readonly parts: readonly [Achievement, Achievement, Achievement, Achievement];
  /** The stacked credential (achievementType Certificate). */
  readonly certificate: Achievement;
}

/** An issuer with four micro-credentials and a certificate achievement, ready for a pathway. */
export async function seedPathwayWorld(platform: Platform): Promise<PathwayWorld> {
  const { issuer } = await seedIssuer(platform);
  const part = (name: string) =>
    platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name,
      description: `${name}: a micro-credential.`,
      criteria: { narrative: `Pass the ${name} assessment.` },
      credits: 1,
      hours: 10,
    });
  const parts = [
    await part('Part A'),
    await part('Part B'),
    await part('Part C'),
    await part('Part D'),
  ] as const;
  const certificate = await platform.achievements.create(ADMIN, {
    issuerId: issuer.id,
    name: 'Certificate',
    description: 'Three of the four parts.',
    criteria: { narrative: 'Earn three of the four micro-credentials.' },
    achievementType: 'Certificate',
  });
  return { issuer, parts, certificate };
}

/** A published 3-of-4 pathway over the world's parts, completed by its certificate. */
export function threeOfFour(world: PathwayWorld) {
  return {
    issuerId: world.issuer.id,
    name: 'Three of four',
    completionAchievementId: world.certificate.id,
    requirement: {
      type: 'n-of' as const,
      n: 3,
      children: world.parts.map((part) => ({ type: 'achievement' as const, achievementId: part.id })),
    },
  };
}
