import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../../../../vc/test/support/describe-with-shared.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../../resources/read-esco-files.js';
import {
  buildSkillIndex,
  MAX_MATCH_TEXT_LENGTH,
  type MatchableConcept,
  matchSkills,
  type SkillIndex,
  tokenize,
} from './match-skills.js';
import { parseEscoFramework } from './parse-esco-framework.js';

const concept = (uri: string, label: string, altLabels: string[] = []): MatchableConcept => ({
  uri,
  label,
  altLabels,
});

const CONCEPTS = [
  concept('sql', 'SQL', ['structured query language']),
  concept('query-languages', 'use query languages', ['query databases']),
  concept('visual', 'deliver visual presentation of data', ['present data visually', 'visualise data']),
  concept('welding', 'use welding equipment', ['operate welding machines']),
  concept('data-analysis', 'perform data analysis'),
  concept('quantities', 'manage quantitative data'),
];

describe('tokenize', () => {
  it('lower-cases, keeps Unicode letters and digits, drops stop words and makes plurals singular', () => {
    expect(tokenize('We write SQL Queries and build Dashboards for the Classes')).toEqual([
      'write',
      'sql',
      'query',
      'build',
      'dashboard',
      'class',
    ]);
    expect(tokenize('Écrire des requêtes, ISO 9001!')).toEqual(['écrire', 'des', 'requête', 'iso', '9001']);
    expect(tokenize('analysis business status')).toEqual(['analysis', 'business', 'status']);
  });
});

describe('matchSkills on a hand-made framework', () => {
  const index = buildSkillIndex(CONCEPTS);

  it('ranks the skills a text names first and leaves out those it never mentions', () => {
    const found = matchSkills(index, 'An analyst who writes SQL queries and presents data visually', {
      limit: 10,
    });
    expect(
      found
        .map((match) => match.uri)
        .slice(0, 2)
        .sort(),
    ).toEqual(['sql', 'visual']);
    expect(found.map((match) => match.uri)).not.toContain('welding');
    const scores = found.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('scores a whole multi-word label found as a phrase above the same words scattered', () => {
    const phrase = matchSkills(index, 'you will perform data analysis', { limit: 10 });
    const scattered = matchSkills(index, 'analysis of what you perform with data', { limit: 10 });
    const score = (matches: typeof phrase) =>
      matches.find((match) => match.uri === 'data-analysis')?.score ?? 0;
    expect(score(phrase)).toBeGreaterThan(score(scattered));
    expect(score(scattered)).toBeGreaterThan(0);
  });

  it('weighs a word of the preferred label above the same word in an alternative label', () => {
    const index = buildSkillIndex([
      concept('preferred', 'spreadsheet', ['tabular files']),
      concept('alternative', 'office software', ['spreadsheet']),
    ]);
    expect(matchSkills(index, 'spreadsheet', { limit: 2 }).map((match) => match.uri)).toEqual([
      'preferred',
      'alternative',
    ]);
  });

  it('answers an empty list for text with no known word, and honours the limit', () => {
    expect(matchSkills(index, 'le chat dort sur le canapé', { limit: 10 })).toEqual([]);
    expect(matchSkills(index, '', { limit: 10 })).toEqual([]);
    expect(matchSkills(index, 'data data data', { limit: 1 })).toHaveLength(1);
    expect(matchSkills(buildSkillIndex([]), 'SQL', { limit: 10 })).toEqual([]);
  });

  it(`refuses text over ${MAX_MATCH_TEXT_LENGTH} characters with VALIDATION_ERROR before reading it`, () => {
    const megabyte = 'SQL queries and dashboards '.repeat(40_000);
    expect(() => matchSkills(index, megabyte, { limit: 10 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('at most 20000'),
      }),
    );
    expect(() => matchSkills(index, 'a'.repeat(MAX_MATCH_TEXT_LENGTH), { limit: 10 })).not.toThrow();
  });
});

describeWithShared(join(DEFAULT_ESCO_FOLDER, 'skills.csv'), 'matchSkills on ESCO', () => {
  let index: SkillIndex;
  beforeAll(async () => {
    const framework = parseEscoFramework(await readEscoFiles(DEFAULT_ESCO_FOLDER));
    index = buildSkillIndex(framework.concepts.filter((item) => item.kind !== 'group'));
  }, 60_000);

  it('finds an ESCO skill whose label contains "SQL" in the top 10 for the contract sentence', () => {
    const found = matchSkills(
      index,
      'We need an analyst who writes SQL queries and builds dashboards to present data visually',
      { limit: 10 },
    );
    expect(found.some((match) => match.label.includes('SQL'))).toBe(true);
  });

  it('answers a French job description normally, with a list (possibly empty)', () => {
    const found = matchSkills(
      index,
      'Nous recherchons un analyste qui écrit des requêtes et construit des tableaux de bord',
      { limit: 10 },
    );
    expect(Array.isArray(found)).toBe(true);
    expect(found.length).toBeLessThanOrEqual(10);
  });
});
