import { createHash } from 'node:crypto';

const SKILLS = [
  'Data cleaning',
  'SQL querying',
  'Descriptive statistics',
  'Data visualisation',
  'Python scripting',
  'Spreadsheet modelling',
];

/** A distinct, realistic unsigned OB 3.0 credential (~3.5 KB of JSON) for benchmarks. */
export function realisticCredential(index: number, issuerDid: string): Record<string, unknown> {
  const email = `learner${index}@example.org`;
  const salt = `salt-${index}`;
  const identityHash = `sha256$${createHash('sha256')
    .update(email + salt)
    .digest('hex')}`;
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ],
    id: `urn:uuid:6f1c2a3e-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Data Analytics Foundations #${index}`,
    description:
      'Awarded for completing the data analytics foundations micro-credential with a passing assessment.',
    issuer: {
      id: issuerDid,
      type: ['Profile'],
      name: 'Demo University',
      url: 'https://demo.example.edu',
      email: 'badges@demo.example.edu',
    },
    validFrom: '2026-01-15T09:00:00Z',
    validUntil: '2031-01-15T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', hashed: true, identityHash, identityType: 'emailAddress', salt },
      ],
      activityStartDate: '2025-09-01T00:00:00Z',
      activityEndDate: '2025-12-20T00:00:00Z',
      creditsEarned: 3,
      result: [
        { type: ['Result'], resultDescription: 'urn:uuid:rd-final-score', value: `${70 + (index % 30)}` },
      ],
      achievement: {
        id: 'https://demo.example.edu/achievements/data-analytics-foundations',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Data Analytics Foundations',
        description:
          'Learners clean, query, summarise and visualise real data sets, and communicate findings to a non-specialist audience.',
        criteria: {
          narrative:
            'Complete all six modules, submit the capstone analysis, and score at least 70% on the final assessment. The capstone is reviewed by two assessors against the published rubric.',
        },
        creditsAvailable: 3,
        fieldOfStudy: 'Data Science',
        inLanguage: 'en',
        tag: ['data', 'analytics', 'micro-credential'],
        alignment: SKILLS.map((skill, skillIndex) => ({
          type: ['Alignment'],
          targetName: skill,
          targetUrl: `https://esco.example.org/skill/${skillIndex}`,
          targetFramework: 'ESCO',
          targetType: 'ceasn:Competency',
        })),
        resultDescription: [
          {
            id: 'urn:uuid:rd-final-score',
            type: ['ResultDescription'],
            name: 'Final assessment score',
            resultType: 'Percent',
            valueMin: '0',
            valueMax: '100',
            requiredValue: '70',
          },
        ],
      },
    },
    evidence: [
      {
        id: `https://demo.example.edu/evidence/${index}`,
        type: ['Evidence'],
        name: 'Capstone analysis',
        narrative: 'A reproducible notebook analysing city bike-share demand, with a short written report.',
      },
    ],
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
  };
}
