import type { Actor } from '../auth/actor.js';
import type { Platform } from '../platform.js';
import { DEMO_NOTIFIED_EMAIL, DEMO_NOTIFIED_NAME } from './seed-demo-notifications.js';
import {
  DEMO_EMPLOYER_SLUG,
  DEMO_ENDORSEMENT_COMMENT,
  DEMO_TALENT_EMAIL,
  DEMO_TALENT_NAME,
} from './seed-demo-talent.js';

export const DEMO_ISSUER_SLUG = 'demo-university';
/** The demo issuer's owner: signs in to the console through /dev/mailbox like any other person. */
export const DEMO_ISSUER_OWNER_EMAIL = 'issuer@example.com';

const ADMIN: Actor = { kind: 'admin' };
/** The demo issuer asks Demo Employer to endorse "Statistics for Data Analysis": a request waiting for it. */
export const DEMO_REQUEST_ACHIEVEMENT = 'Statistics for Data Analysis';
export const DEMO_REQUEST_MESSAGE =
  'Our statistics course was shaped by what analysts do at work. Would Demo Employer vouch for it?';

// The two achievements the demo does not issue are suspendable, so the console can show suspension on
// credentials issued from them; the two it issues carry plain revocation entries.
const DEMO_ACHIEVEMENTS = [
  {
    name: 'Data Cleaning Fundamentals',
    description:
      'Prepares messy tabular data for analysis: types, missing values, duplicates and outliers, with every step documented.',
    criteria: {
      narrative:
        'Complete the four data-cleaning labs and submit a **reproducible notebook** that cleans the provided city-services data set. Assessors check the notebook against the published rubric.',
    },
    skills: [
      {
        name: 'perform data cleansing',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
      },
      {
        name: 'Python (computer programming)',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
      },
    ],
    tags: ['data', 'python'],
    level: 'Introductory',
    hours: 20,
    credits: 1,
    deliveryMode: 'online' as const,
    industry: 'Information and communication',
  },
  {
    name: 'SQL for Analysts',
    description:
      'Answers business questions with SQL: joins, aggregates, window functions and query plans on a real warehouse schema.',
    criteria: {
      narrative: 'Score at least **70%** on the proctored SQL assessment (20 queries on an unseen schema).',
    },
    skills: [
      {
        name: 'SQL',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
      },
    ],
    tags: ['data', 'sql'],
    level: 'Intermediate',
    hours: 25,
    credits: 1,
    deliveryMode: 'hybrid' as const,
    industry: 'Information and communication',
  },
  {
    name: 'Data Visualisation and Storytelling',
    description:
      'Chooses honest charts, designs dashboards for a stated audience and presents findings that lead to a decision.',
    criteria: {
      narrative:
        'Present a dashboard and a five-minute briefing to a panel; both are assessed against the storytelling rubric.',
    },
    skills: [
      {
        name: 'deliver visual presentation of data',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389',
      },
    ],
    tags: ['data', 'visualisation'],
    level: 'Intermediate',
    hours: 20,
    credits: 1,
    deliveryMode: 'in-person' as const,
    validityMonths: 60,
    industry: 'Information and communication',
    suspendable: true,
  },
  {
    name: 'Statistics for Data Analysis',
    description:
      'Describes data honestly and tests claims about it: distributions, sampling, confidence intervals, regression and common pitfalls.',
    criteria: {
      narrative:
        'Complete the statistics problem sets and a short written analysis of an A/B test, marked against the published rubric.',
    },
    skills: [
      {
        name: 'statistics',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833',
      },
    ],
    tags: ['data', 'statistics'],
    level: 'Intermediate',
    hours: 25,
    credits: 1,
    deliveryMode: 'online' as const,
    industry: 'Information and communication',
    suspendable: true,
  },
];

export const DEMO_PATHWAY_NAME = 'Demo Data Analytics Certificate';

/** The demo credentials' recipient: their claim mails are in /dev/mailbox on a fresh start. */
export const DEMO_LEARNER_EMAIL = 'learner@example.com';

const DEMO_CERTIFICATE = {
  name: 'Data Analytics Certificate',
  description:
    'A stacked credential: three of the four Demo University data micro-credentials, awarded automatically when the third is earned.',
  criteria: {
    narrative:
      'Earn any **three** of: Data Cleaning Fundamentals, SQL for Analysts, Data Visualisation and Storytelling, Statistics for Data Analysis.',
  },
  achievementType: 'Certificate',
  tags: ['data', 'certificate'],
  level: 'Intermediate',
  credits: 3,
};

/**
 * First-run demo data: "Demo University" with four published micro-credentials, a "Data Analytics
 * Certificate", and the pathway "Demo Data Analytics Certificate" (three of the four earn the
 * certificate, awarded automatically). Idempotent: once the
 * demo issuer exists nothing is added, so restarts and several nodes starting together are harmless
 * (a concurrent creator loses on the unique slug and is ignored).
 */
export async function seedDemoData(platform: Platform): Promise<{ created: boolean; issuerId: string }> {
  const existing = await platform.issuers.findBySlug(DEMO_ISSUER_SLUG);
  if (existing !== null) return { created: false, issuerId: existing.id };
  let issuerId: string;
  try {
    const issuer = await platform.issuers.create(ADMIN, {
      slug: DEMO_ISSUER_SLUG,
      name: 'Demo University',
      url: 'https://demo.example.edu',
      email: 'badges@demo.example.edu',
      description: 'A demonstration issuer: credentials it issues are for trying microcred out.',
    });
    issuerId = issuer.id;
    await platform.members.add(ADMIN, issuerId, {
      email: DEMO_ISSUER_OWNER_EMAIL,
      name: 'Demo Issuer Owner',
      role: 'owner',
    });
  } catch (error) {
    const raced = await platform.issuers.findBySlug(DEMO_ISSUER_SLUG);
    if (raced === null) throw error;
    return { created: false, issuerId: raced.id };
  }
  const parts = [];
  for (const achievement of DEMO_ACHIEVEMENTS) {
    parts.push(
      await platform.achievements.create(ADMIN, {
        issuerId,
        achievementType: 'MicroCredential',
        ...achievement,
      }),
    );
  }
  const certificate = await platform.achievements.create(ADMIN, { issuerId, ...DEMO_CERTIFICATE });
  await platform.pathways.create(ADMIN, {
    issuerId,
    name: DEMO_PATHWAY_NAME,
    description: 'Any three of the four data micro-credentials earn the Data Analytics Certificate.',
    completionAchievementId: certificate.id,
    requirement: {
      type: 'n-of',
      n: 3,
      children: parts.map((part) => ({ type: 'achievement' as const, achievementId: part.id })),
    },
  });
  // Jordan's, accepted and in the public talent directory, so that an employer's search finds someone;
  // then Demo Employer endorses the achievement, so that credentials issued from here on carry it.
  const sql = parts.find((part) => part.name === 'SQL for Analysts');
  if (sql !== undefined) {
    const issued = await platform.credentials.issue(ADMIN, {
      achievementId: sql.id,
      recipient: { email: DEMO_TALENT_EMAIL, name: DEMO_TALENT_NAME },
      idempotencyKey: `demo-talent-${sql.id}`,
    });
    await platform.demo.seedTalent(ADMIN, { credentialId: issued.record.id });
    const employer = await platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    if (employer !== null) {
      await platform.endorsements.endorse(ADMIN, {
        endorserId: employer.id,
        achievementId: sql.id,
        comment: DEMO_ENDORSEMENT_COMMENT,
      });
      const asked = parts.find((part) => part.name === DEMO_REQUEST_ACHIEVEMENT);
      if (asked !== undefined) {
        await platform.endorsementRequests.request(
          { kind: 'member', issuerId, role: 'owner', label: DEMO_ISSUER_OWNER_EMAIL },
          { achievementId: asked.id, employerId: employer.id, message: DEMO_REQUEST_MESSAGE },
        );
      }
    }
  }
  // Morgan, who has an account: an old Data Visualisation credential expiring in 20 days (its reminder),
  // then SQL and Statistics, the third of which completes the pathway: the certificate is awarded
  // automatically and both notifications are in /dev/mailbox at start.
  const expiring = parts.find((part) => part.validityMonths !== null);
  if (expiring?.validityMonths != null) {
    await platform.demo.seedNotifications(ADMIN, {
      expiringAchievementId: expiring.id,
      validityMonths: expiring.validityMonths,
    });
    for (const part of parts.filter((item) => item.id !== expiring.id).slice(0, 2)) {
      await platform.credentials.issue(ADMIN, {
        achievementId: part.id,
        recipient: { email: DEMO_NOTIFIED_EMAIL, name: DEMO_NOTIFIED_NAME },
        idempotencyKey: `demo-notify-${part.id}`,
      });
    }
  }
  // Two of the four, so a visitor can claim them from /dev/mailbox and see the pathway at two thirds.
  for (const part of parts.slice(0, 2)) {
    await platform.credentials.issue(ADMIN, {
      achievementId: part.id,
      recipient: { email: DEMO_LEARNER_EMAIL, name: 'Alex Demo' },
      idempotencyKey: `demo-${part.id}`,
    });
  }
  return { created: true, issuerId };
}
