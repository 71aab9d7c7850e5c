import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { SkillConcept } from '../ports/skill-repository.js';

/** Longer text is refused: a job description is a few thousand characters, and scoring grows with length. */
export const MAX_MATCH_TEXT_LENGTH = 20_000;

// BM25's usual constants: term frequency saturates (k1), long documents are damped but not too much (b).
const K1 = 1.2;
const B = 0.75;
// A preferred-label word counts as this many alternative-label words: it names the skill, an alternative
// label only paraphrases it.
const PREFERRED_WEIGHT = 3;
// Per word of a multi-word label found whole in the text: "present data visually" as a phrase says more
// than its three words scattered over a page.
const PREFERRED_PHRASE_BONUS = 2;
const ALTERNATIVE_PHRASE_BONUS = 1.2;
const MAX_PHRASE_WORDS = 8;
// A concept keeps half its score however little of its preferred label the text has, and all of it when
// the text has every word: a long description touches one word of many labels ("end" of "front-end").
const UNCOVERED_SHARE = 0.5;

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could do does for from had has have he her his how i if in ' +
    'into is it its may me must my no nor not of on or our ours she should so such than that the their them ' +
    'then there these they this those to too under up us very was we were what when where which while who ' +
    'whom why will with would you your'
  ).split(' '),
);

/** English plurals, lightly: enough that "queries" finds "query" and "dashboards" finds "dashboard". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 4 && /(?:ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-cased words (Unicode letters and digits), stop words dropped, plurals made singular. */
export function tokenize(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word)).map(singular);
}

export interface SkillMatch {
  readonly uri: string;
  readonly label: string;
  readonly score: number;
}

/** What the matcher needs of a concept. */
export type MatchableConcept = Pick<SkillConcept, 'uri' | 'label' | 'altLabels'>;

interface IndexedConcept {
  readonly uri: string;
  readonly label: string;
  /** Weighted term frequencies of the preferred and alternative labels together. */
  readonly terms: ReadonlyMap<string, number>;
  readonly length: number;
  /** The preferred label's distinct words. */
  readonly preferred: readonly string[];
}

/** An inverted index of a framework's labels; build it once and match many texts against it. */
export interface SkillIndex {
  readonly concepts: readonly IndexedConcept[];
  /** Word → the concepts (by position) whose labels have it. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly idf: ReadonlyMap<string, number>;
  readonly averageLength: number;
  /** A label's words joined by spaces → the concepts having it, and whether it is their preferred label. */
  readonly phrases: ReadonlyMap<string, readonly { readonly concept: number; readonly preferred: boolean }[]>;
}

/** Indexes concepts for `matchSkills`. Pure; linear in the size of the labels. */
export function buildSkillIndex(concepts: readonly MatchableConcept[]): SkillIndex {
  const indexed: IndexedConcept[] = [];
  const postings = new Map<string, number[]>();
  const phrases = new Map<string, { concept: number; preferred: boolean }[]>();
  let totalLength = 0;
  concepts.forEach((concept, position) => {
    const terms = new Map<string, number>();
    let length = 0;
    const add = (label: string, preferred: boolean) => {
      const words = tokenize(label);
      const weight = preferred ? PREFERRED_WEIGHT : 1;
      for (const word of words) terms.set(word, (terms.get(word) ?? 0) + weight);
      length += words.length * weight;
      if (words.length >= 2 && words.length <= MAX_PHRASE_WORDS) {
        const key = words.join(' ');
        const entries = phrases.get(key) ?? [];
        if (!entries.some((entry) => entry.concept === position))
          entries.push({ concept: position, preferred });
        phrases.set(key, entries);
      }
    };
    add(concept.label, true);
    for (const alternative of concept.altLabels) add(alternative, false);
    for (const word of terms.keys()) {
      const list = postings.get(word) ?? [];
      list.push(position);
      postings.set(word, list);
    }
    totalLength += length;
    const preferred = [...new Set(tokenize(concept.label))];
    indexed.push({ uri: concept.uri, label: concept.label, terms, length, preferred });
  });
  const count = indexed.length;
  const idf = new Map<string, number>();
  for (const [word, list] of postings) {
    idf.set(word, Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5)));
  }
  return {
    concepts: indexed,
    postings,
    idf,
    averageLength: count === 0 ? 0 : totalLength / count,
    phrases,
  };
}

/**
 * The framework's skills a text speaks of, best first: BM25 over each concept's labels (the preferred label
 * weighing more) plus a bonus for a multi-word label found whole, scaled by how much of the preferred label
 * the text has. Lexical only, so text in another language
 * than the framework's mostly finds nothing, which is an answer, not an error. Throws VALIDATION_ERROR for
 * text over `MAX_MATCH_TEXT_LENGTH` characters, before reading it.
 */
export function matchSkills(
  index: SkillIndex,
  text: string,
  options: { readonly limit: number },
): SkillMatch[] {
  if (text.length > MAX_MATCH_TEXT_LENGTH) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      `the text is ${text.length} characters long; send at most ${MAX_MATCH_TEXT_LENGTH}`,
      {
        details: {
          errors: [{ path: 'text', in: 'body', message: `at most ${MAX_MATCH_TEXT_LENGTH} characters` }],
        },
      },
    );
  }
  const words = tokenize(text);
  const scores = new Map<number, number>();
  for (const word of new Set(words)) {
    const idf = index.idf.get(word);
    if (idf === undefined) continue;
    for (const position of index.postings.get(word) ?? []) {
      const concept = index.concepts[position];
      if (concept === undefined) continue;
      const frequency = concept.terms.get(word) ?? 0;
      const norm = K1 * (1 - B + (B * concept.length) / index.averageLength);
      const score = (idf * frequency * (K1 + 1)) / (frequency + norm);
      scores.set(position, (scores.get(position) ?? 0) + score);
    }
  }
  const phrasesSeen = new Set<string>();
  for (let start = 0; start < words.length; start += 1) {
    for (let size = 2; size <= MAX_PHRASE_WORDS && start + size <= words.length; size += 1) {
      const phrase = words.slice(start, start + size).join(' ');
      if (phrasesSeen.has(phrase)) continue;
      phrasesSeen.add(phrase);
      for (const entry of index.phrases.get(phrase) ?? []) {
        const bonus = size * (entry.preferred ? PREFERRED_PHRASE_BONUS : ALTERNATIVE_PHRASE_BONUS);
        scores.set(entry.concept, (scores.get(entry.concept) ?? 0) + bonus);
      }
    }
  }
  const present = new Set(words);
  return [...scores]
    .flatMap(([position, score]) => {
      const concept = index.concepts[position];
      if (concept === undefined) return [];
      const covered =
        concept.preferred.filter((word) => present.has(word)).length / Math.max(concept.preferred.length, 1);
      const weighted = score * (UNCOVERED_SHARE + (1 - UNCOVERED_SHARE) * covered);
      return [{ uri: concept.uri, label: concept.label, score: weighted }];
    })
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, Math.max(options.limit, 0));
}
