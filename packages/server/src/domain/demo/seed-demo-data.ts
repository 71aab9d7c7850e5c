import type { Actor } from '../auth/actor.js';
import type { Platform } from '../platform.js';

export const DEMO_ISSUER_SLUG = 'demo-university';

const ADMIN: Actor = { kind: 'admin' };

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
        name: 'data cleaning',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/8a6e4b5f-8f4a-4b3b-9f4f-0b8f8c1e0d11',
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
        name: 'present data visually',
        framework: 'ESCO',
        url: 'http://data.europa.eu/esco/skill/4e0031e6-c4d8-4a3a-8f1c-6f3a6b3d6c55',
      },
    ],
    tags: ['data', 'visualisation'],
    level: 'Intermediate',
    hours: 20,
    credits: 1,
    deliveryMode: 'in-person' as const,
    validityMonths: 60,
  },
];

/**
 * First-run demo data: "Demo University" with three published micro-credentials. Idempotent: once the
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
  } catch (error) {
    const raced = await platform.issuers.findBySlug(DEMO_ISSUER_SLUG);
    if (raced === null) throw error;
    return { created: false, issuerId: raced.id };
  }
  for (const achievement of DEMO_ACHIEVEMENTS) {
    await platform.achievements.create(ADMIN, {
      issuerId,
      achievementType: 'MicroCredential',
      ...achievement,
    });
  }
  return { created: true, issuerId };
}
