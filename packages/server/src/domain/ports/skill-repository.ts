/**
 * Skills frameworks (ESCO first; O*NET or a company's own would be other sources of the same shape):
 * concepts identified by URI, the occupations that need them, essential or optional.
 */
export const CONCEPT_KINDS = ['skill', 'knowledge', 'group'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export const SKILL_RELATIONS = ['essential', 'optional'] as const;
export type SkillRelation = (typeof SKILL_RELATIONS)[number];

export interface SkillsFramework {
  /** A short stable id: `esco`. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** What the licence asks every use to say (ESCO: CC BY 4.0 and its attribution sentence). */
  readonly attribution: string;
  readonly importedAt: Date;
  readonly skills: number;
  readonly occupations: number;
  readonly relations: number;
}

/** A skill, a knowledge concept, or a group of them (the framework's hierarchy). */
export interface SkillConcept {
  readonly uri: string;
  readonly frameworkId: string;
  readonly kind: ConceptKind;
  readonly label: string;
  readonly altLabels: readonly string[];
  readonly description: string | null;
  /** The broader group's URI (null at the top). */
  readonly broaderUri: string | null;
  /** How many of the framework's occupations need it. */
  readonly occupationCount: number;
}

export interface Occupation {
  readonly uri: string;
  readonly frameworkId: string;
  readonly label: string;
  readonly code: string | null;
  readonly altLabels: readonly string[];
  readonly description: string | null;
}

export interface OccupationSkill {
  readonly occupationUri: string;
  readonly skillUri: string;
  readonly relation: SkillRelation;
}

/** A whole framework as its files give it, ready to store. */
export interface SkillsFrameworkData {
  readonly framework: Omit<SkillsFramework, 'importedAt' | 'skills' | 'occupations' | 'relations'>;
  readonly concepts: readonly Omit<SkillConcept, 'frameworkId'>[];
  readonly occupations: readonly Omit<Occupation, 'frameworkId'>[];
  readonly relations: readonly OccupationSkill[];
}

export interface SkillRepository {
  /**
   * Stores a framework: concepts and occupations upserted by URI, relations replaced (what the new files
   * no longer have is removed). Idempotent: importing the same files twice leaves the same rows.
   */
  importFramework(data: SkillsFrameworkData, at: Date): Promise<SkillsFramework>;
  findFramework(options: { readonly id: string }): Promise<SkillsFramework | null>;
  /** Skills and knowledge (not groups) whose label or an alternative label matches `text`, best first. */
  searchSkills(options: { readonly text: string; readonly limit: number }): Promise<SkillConcept[]>;
  findConcept(options: { readonly uri: string }): Promise<SkillConcept | null>;
  /** Skills and knowledge whose preferred label is one of `labels`, compared case-insensitively. */
  findByLabels(options: { readonly labels: readonly string[] }): Promise<SkillConcept[]>;
  /** Every skill and knowledge concept (not groups) of a framework, in URI order: what a matcher indexes. */
  listConcepts(options: { readonly frameworkId: string }): Promise<SkillConcept[]>;
  /** The concepts among `uris` that exist (unknown ones left out). */
  findConcepts(options: { readonly uris: readonly string[] }): Promise<SkillConcept[]>;
  /** Occupations whose label or an alternative label contains `text`, best first. */
  searchOccupations(options: { readonly text: string; readonly limit: number }): Promise<Occupation[]>;
  findOccupation(options: { readonly uri: string }): Promise<Occupation | null>;
  /** The skills and knowledge an occupation needs, essential ones first, then by label. */
  listOccupationSkills(options: {
    readonly occupationUri: string;
  }): Promise<(SkillConcept & { readonly relation: SkillRelation })[]>;
  /** The occupations that need a skill, essential ones first, then by label. */
  listOccupationsNeeding(options: {
    readonly skillUri: string;
    readonly limit: number;
  }): Promise<(Occupation & { readonly relation: SkillRelation })[]>;
}
