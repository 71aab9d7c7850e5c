// Deterministic inputs shared by this folder's tests (no clock, no randomness).
import { isMicrocredError } from '../error/index.js';
import {
  type BuildAchievementCredentialOptions,
  buildAchievement,
  buildAchievementCredential,
  buildEndorsementCredential,
  buildProfile,
  hashIdentity,
} from './build/index.js';
import type { AchievementCredential, EndorsementCredential } from './model/index.js';

export const STATUS_LIST_URL = 'https://issuer.example/status/revocation/1';

export function testIssuer() {
  return buildProfile({ id: 'https://issuer.example/issuers/1', name: 'Example Academy' });
}

/** The smallest credential the builders accept: issuer, achievement, recipient DID, validFrom. */
export function minimalCredentialOptions(): BuildAchievementCredentialOptions {
  return {
    id: 'urn:uuid:0f3d0c1e-3b7a-4a55-9a0e-1d6a9b3f5c10',
    issuer: testIssuer(),
    achievement: buildAchievement({
      id: 'https://issuer.example/achievements/teamwork',
      name: 'Teamwork',
      description: 'Collaborates within a group.',
      criteria: { narrative: 'Nominated by peers.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: new Date('2025-01-31T09:00:00Z'),
  };
}

/** A signed-looking endorsement (the proof is shape only; nothing here verifies it). */
export function testEndorsement(): EndorsementCredential {
  const endorsement = buildEndorsementCredential({
    id: 'urn:uuid:5b1f0f3e-77c4-4d1e-8d16-3c8f3d0b9a21',
    issuer: buildProfile({ id: 'https://accreditor.example/issuers/7', name: 'Example Accreditor' }),
    subject: { id: 'https://issuer.example/issuers/1', endorsementComment: 'In good standing.' },
    name: 'Accreditation',
    validFrom: '2024-06-01T00:00:00Z',
    validUntil: '2027-06-01T00:00:00Z',
    credentialStatus: { type: '1EdTechRevocationList', id: 'https://accreditor.example/revocations' },
  });
  return { ...endorsement, proof: [testProof('https://accreditor.example/issuers/7')] };
}

/** A credential using every part the builders offer. */
export function richCredentialOptions(): BuildAchievementCredentialOptions {
  const issuer = buildProfile({
    id: 'https://issuer.example/issuers/1',
    name: 'Example Academy',
    url: 'https://issuer.example',
    email: 'registrar@issuer.example',
    phone: '+41 44 000 00 00',
    description: 'Short courses in data literacy.',
    image: { id: 'https://issuer.example/logo.png', caption: 'Example Academy logo' },
    address: {
      addressCountry: 'Switzerland',
      addressCountryCode: 'CH',
      addressLocality: 'Zürich',
      postalCode: '8001',
      streetAddress: 'Bahnhofstrasse 1',
      geo: { latitude: 47.3769, longitude: 8.5417 },
    },
    otherIdentifier: [{ identifier: 'CHE-123.456.789', identifierType: 'ext:UID' }],
    official: 'Jane Registrar',
    parentOrg: buildProfile({ id: 'did:example:parent', name: 'Example Foundation' }),
    endorsement: [testEndorsement()],
  });
  const achievement = buildAchievement({
    id: 'https://issuer.example/achievements/data-literacy',
    name: 'Data Literacy',
    description: 'Reads, works with and communicates data.',
    criteria: {
      id: 'https://issuer.example/achievements/data-literacy/criteria',
      narrative: '# Criteria\nPass.',
    },
    achievementType: 'MicroCredential',
    image: { id: 'https://issuer.example/achievements/data-literacy.png', caption: 'Badge' },
    alignment: [
      {
        targetName: 'Data literacy',
        targetUrl: 'http://data.europa.eu/esco/skill/example',
        targetFramework: 'ESCO',
        targetCode: 'S1.2',
        targetDescription: 'Working with data.',
        targetType: 'ceasn:Competency',
      },
    ],
    tag: ['data', 'literacy'],
    creditsAvailable: 1.5,
    inLanguage: 'en',
    resultDescription: [
      {
        id: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d01',
        name: 'Final grade',
        resultType: 'LetterGrade',
        allowedValue: ['D', 'C', 'B', 'A'],
        requiredValue: 'C',
      },
      {
        id: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d02',
        name: 'Project rubric',
        resultType: 'RubricCriterionLevel',
        requiredLevel: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d03',
        rubricCriterionLevel: [
          {
            id: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d03',
            name: 'Proficient',
            level: 'Proficient',
            points: '3',
            description: 'Works independently.',
            alignment: [
              {
                targetName: 'Rubric level',
                targetUrl: 'https://issuer.example/rubric/3',
                targetType: 'CFRubricCriterionLevel',
              },
            ],
          },
        ],
      },
      {
        id: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d04',
        name: 'Status',
        resultType: 'Status',
      },
    ],
    creator: buildProfile({ id: 'https://skills.example/org', name: 'Skills Council' }),
    fieldOfStudy: 'Data science',
    specialization: 'Visualisation',
    humanCode: 'DL-101',
    version: '2.0',
    related: [
      { id: 'https://issuer.example/achievements/data-literacy-de', inLanguage: 'de', version: '2.0' },
    ],
    otherIdentifier: [{ identifier: 'DL101', identifierType: 'identifier' }],
    endorsement: [testEndorsement()],
  });
  return {
    id: 'urn:uuid:9a1c3a52-2f0e-4c4d-9b1a-6e8f2b7d4e11',
    issuer,
    achievement,
    recipient: {
      id: 'did:example:learner1',
      name: 'Alex Learner',
      identifier: [hashIdentity({ identity: 'Alex@Example.org', salt: 'c2FsdC0x' })],
    },
    validFrom: '2025-01-31T10:00:00+01:00',
    validUntil: new Date('2030-01-31T09:00:00Z'),
    awardedDate: new Date('2025-01-30T12:00:00Z'),
    name: 'Data Literacy for Alex Learner',
    description: 'Awarded after the spring cohort.',
    image: { id: 'https://issuer.example/credentials/1.png', caption: 'Credential image' },
    evidence: [
      {
        id: 'https://issuer.example/evidence/1',
        name: 'Final project',
        description: 'A dashboard of city data.',
        narrative: 'Built in week 6.',
        genre: 'Project',
        audience: 'Public',
      },
    ],
    result: [
      { resultDescription: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d01', value: 'A' },
      {
        resultDescription: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d02',
        achievedLevel: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d03',
        alignment: [
          {
            targetName: 'Project',
            targetUrl: 'https://issuer.example/catalog/project',
            targetType: 'CFItem',
          },
        ],
      },
      { resultDescription: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d04', status: 'Completed' },
    ],
    activityStartDate: '2025-01-06T08:00:00Z',
    activityEndDate: new Date('2025-01-24T17:00:00Z'),
    creditsEarned: 1.5,
    narrative: 'Completed all modules.',
    licenseNumber: 'L-42',
    role: 'Analyst',
    term: 'Spring',
    source: buildProfile({ id: 'https://campus.example', name: 'Example Campus' }),
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: 94567,
      statusListCredential: STATUS_LIST_URL,
    },
    endorsement: [testEndorsement()],
    termsOfUse: [{ type: 'https://issuer.example/vocab#RefreshPolicy', id: 'https://issuer.example/terms' }],
    refreshService: { id: 'https://issuer.example/refresh/1', type: '1EdTechCredentialRefresh' },
  };
}

/** A proof of the right shape for tests that only need a credential to look signed. */
export function testProof(controller: string) {
  return {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2025-01-31T09:00:00Z',
    verificationMethod: `${controller}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`,
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiyQzQD7JrTt5AQ6p',
  };
}

/** A built credential with a shape-only proof, for bundling into a CLR. */
export function testSignedCredential(): AchievementCredential {
  return {
    ...buildAchievementCredential(minimalCredentialOptions()),
    proof: [testProof('https://issuer.example/issuers/1')],
  };
}

/** The MicrocredError code `run` throws, or `undefined` when it returns (or throws something else). */
export function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isMicrocredError(error) ? error.code : undefined;
  }
  return undefined;
}
