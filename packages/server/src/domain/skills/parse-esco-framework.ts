import { parse as parseCsv } from 'csv-parse/sync';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { ConceptKind, SkillRelation, SkillsFrameworkData } from '../ports/skill-repository.js';

/** The four files of ESCO's compact English subset (shared/data/skills), as text. */
export interface EscoFiles {
  readonly skills: string;
  readonly skillGroups: string;
  readonly occupations: string;
  readonly occupationSkills: string;
}

export const ESCO_FRAMEWORK = {
  id: 'esco',
  name: 'ESCO (European Skills, Competences, Qualifications and Occupations)',
  version: '1.1.1',
  attribution:
    'This service uses the ESCO classification of the European Commission. ESCO v1.1.1, © European Union, ' +
    'licensed under CC BY 4.0. Adapted: English only, occupations restricted to ISCO-08 major groups 1–4, ' +
    'descriptions shortened, fields reduced.',
} as const;

type Row = Record<string, string>;

function rows(text: string, file: string, columns: readonly string[]): Row[] {
  let parsed: Row[];
  try {
    parsed = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  } catch (error) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, `${file}: not a CSV file (${String(error)})`);
  }
  const header = parsed[0] === undefined ? [] : Object.keys(parsed[0]);
  const missing = columns.filter((column) => !header.includes(column));
  if (parsed.length === 0 || missing.length > 0) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `${file}: expected the columns ${columns.join(', ')}${missing.length > 0 ? ` (missing ${missing.join(', ')})` : ''}`,
    );
  }
  return parsed;
}

function labels(text: string | undefined): string[] {
  return (text ?? '')
    .split('|')
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

function orNull(text: string | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function kindOf(type: string | undefined): ConceptKind {
  return type === 'knowledge' ? 'knowledge' : 'skill';
}

function relationOf(text: string | undefined, line: number): SkillRelation {
  if (text === 'essential' || text === 'optional') return text;
  throw new ServerError(
    ServerErrorCode.VALIDATION_ERROR,
    `occupation_skills.csv line ${line}: relation must be essential or optional`,
  );
}

/**
 * ESCO's compact CSV files as one framework: skills and knowledge, skill groups (the hierarchy),
 * occupations, and which skills each occupation needs. Pure: the caller reads the files.
 */
export function parseEscoFramework(files: EscoFiles): SkillsFrameworkData {
  const skills = rows(files.skills, 'skills.csv', [
    'uri',
    'label',
    'type',
    'altLabels',
    'description',
    'broader',
  ]);
  const groups = rows(files.skillGroups, 'skill_groups.csv', ['uri', 'label', 'broader', 'description']);
  const occupationRows = rows(files.occupations, 'occupations.csv', [
    'uri',
    'label',
    'altLabels',
    'description',
  ]);
  const relations = rows(files.occupationSkills, 'occupation_skills.csv', [
    'occupationUri',
    'skillUri',
    'relation',
  ]);
  return {
    framework: ESCO_FRAMEWORK,
    concepts: [
      ...groups.map((row) => ({
        uri: row.uri ?? '',
        kind: 'group' as const,
        label: row.label ?? '',
        altLabels: [],
        description: orNull(row.description),
        broaderUri: orNull(row.broader),
        occupationCount: 0,
      })),
      ...skills.map((row) => ({
        uri: row.uri ?? '',
        kind: kindOf(row.type),
        label: row.label ?? '',
        altLabels: labels(row.altLabels),
        description: orNull(row.description),
        broaderUri: orNull(row.broader),
        occupationCount: Number.parseInt(row.occupationCount ?? '0', 10) || 0,
      })),
    ],
    occupations: occupationRows.map((row) => ({
      uri: row.uri ?? '',
      label: row.label ?? '',
      code: orNull(row.escoCode) ?? orNull(row.isco),
      altLabels: labels(row.altLabels),
      description: orNull(row.description),
    })),
    relations: relations.map((row, index) => ({
      occupationUri: row.occupationUri ?? '',
      skillUri: row.skillUri ?? '',
      relation: relationOf(row.relation, index + 2),
    })),
  };
}
