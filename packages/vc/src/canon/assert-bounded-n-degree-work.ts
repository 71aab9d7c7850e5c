import rdfCanonize from 'rdf-canonize';
import { ErrorCode, MicrocredError } from '../error/index.js';
import type { BlankNode, Quad } from './rdf-quad.js';

/**
 * The most RDFC-1.0 N-degree work a document may need, in the unit of {@link assertBoundedNDegreeWork}.
 * At the limit (a ring of 512 blank nodes, a clique of 64) rdf-canonize gives up within a few hundred
 * milliseconds; a 1 MB CLR of 100 credentials sharing issuer profile and achievement needs an eighth of it.
 */
export const MAX_N_DEGREE_WORK = 2 ** 19;

// RDFC-1.0 §4.6: the node being hashed is `_:a`, every other blank node `_:z`.
const SELF: BlankNode = { termType: 'BlankNode', value: 'a' };
const OTHER: BlankNode = { termType: 'BlankNode', value: 'z' };

function blankNodesOf(quad: Quad): string[] {
  const ids: string[] = [];
  for (const term of [quad.subject, quad.object, quad.graph]) {
    if (term.termType === 'BlankNode') ids.push(term.value);
  }
  return ids;
}

/** What RDFC-1.0 §4.6 Hash First Degree Quads hashes for `id`: equal strings, equal hashes. */
function firstDegreeInput(id: string, quads: ReadonlySet<Quad>): string {
  const relabel = <T extends { termType: string; value: string }>(term: T) =>
    term.termType === 'BlankNode' ? (term.value === id ? SELF : OTHER) : term;
  return [...quads]
    .map((quad) =>
      rdfCanonize.NQuads.serializeQuadComponents(
        relabel(quad.subject),
        quad.predicate,
        relabel(quad.object),
        relabel(quad.graph),
      ),
    )
    .sort()
    .join('');
}

/** rdf-canonize's own deep-iteration budget (RDFC10.js): non-unique blank nodes ** maxWorkFactor. */
function deepIterationBudget(nonUnique: number, maxWorkFactor: number): number {
  if (maxWorkFactor === 0) return 0;
  if (maxWorkFactor === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return nonUnique ** maxWorkFactor;
}

function estimate(deepIterations: number, largestGroup: number, mostQuads: number): number {
  return largestGroup === 0 ? 0 : deepIterations * largestGroup * mostQuads;
}

/**
 * The non-unique blank nodes that share a quad with another one ("entangled"), grouped by that
 * relation: the size of the largest group and the most quads on one of its nodes.
 */
function entangledShape(
  nonUnique: ReadonlySet<string>,
  quadsOf: ReadonlyMap<string, ReadonlySet<Quad>>,
): { largestGroup: number; mostQuads: number } {
  const nonUniqueNeighbours = (id: string) =>
    [...(quadsOf.get(id) ?? [])]
      .flatMap(blankNodesOf)
      .filter((other) => other !== id && nonUnique.has(other));
  const seen = new Set<string>();
  let largestGroup = 0;
  let mostQuads = 0;
  for (const start of nonUnique) {
    if (seen.has(start) || nonUniqueNeighbours(start).length === 0) continue;
    seen.add(start);
    const group = [start];
    for (let index = 0; index < group.length; index++) {
      const id = group[index] ?? start;
      mostQuads = Math.max(mostQuads, quadsOf.get(id)?.size ?? 0);
      for (const other of nonUniqueNeighbours(id)) {
        if (seen.has(other)) continue;
        seen.add(other);
        group.push(other);
      }
    }
    largestGroup = Math.max(largestGroup, group.length);
  }
  return { largestGroup, mostQuads };
}

/**
 * Refuses, before RDFC-1.0 runs, a dataset whose N-degree hashing could take more than
 * {@link MAX_N_DEGREE_WORK} (ADVERSARIAL V13, rdf-canon#120, #138). rdf-canonize's own bound
 * (`maxWorkFactor`) counts deep iterations but lets each cost up to the size of the graph, so a ring of
 * n blank nodes costs n² and a 1 MB ring minutes. This bound counts, it does not time: a credential
 * verifies or fails the same way on a loaded machine.
 *
 * Only blank nodes sharing their first-degree hash with another ("non-unique") get N-degree hashing,
 * and it recurses only into non-unique neighbours. A non-unique node whose blank-node neighbours are all
 * unique costs one pass over its own quads (identical alignments or identity objects in the credentials
 * of a CLR): linear, whatever their number. The others, "entangled", are what a poisoned graph is made
 * of. Recursion from one stays within its group (entangled nodes linked by shared quads), and each deep
 * iteration, for each related node of one node, clones an issuer of at most one entry per node of the
 * group. The work is thus at most about `budget × largest group × most quads on an entangled node`,
 * `budget` being rdf-canonize's deep-iteration limit for this dataset and `maxWorkFactor`.
 *
 * @throws MicrocredError RANGE_ERROR when that estimate is over the limit.
 */
export function assertBoundedNDegreeWork(dataset: readonly Quad[], maxWorkFactor: number): void {
  const quadsOf = new Map<string, Set<Quad>>();
  let mostQuadsAny = 0;
  for (const quad of dataset) {
    for (const id of blankNodesOf(quad)) {
      let quads = quadsOf.get(id);
      if (quads === undefined) {
        quads = new Set<Quad>();
        quadsOf.set(id, quads);
      }
      // A set, as in rdf-canonize: a quad naming the node twice counts once.
      quads.add(quad);
      mostQuadsAny = Math.max(mostQuadsAny, quads.size);
    }
  }
  // Every blank node counted as non-unique and entangled: an upper bound that spares most credentials
  // the serialization below.
  const blankNodes = quadsOf.size;
  if (
    estimate(deepIterationBudget(blankNodes, maxWorkFactor), blankNodes, mostQuadsAny) <= MAX_N_DEGREE_WORK
  ) {
    return;
  }

  const idsByInput = new Map<string, string[]>();
  for (const [id, quads] of quadsOf) {
    const input = firstDegreeInput(id, quads);
    const ids = idsByInput.get(input);
    if (ids === undefined) idsByInput.set(input, [id]);
    else ids.push(id);
  }
  const nonUnique = new Set([...idsByInput.values()].filter((ids) => ids.length > 1).flat());
  const { largestGroup, mostQuads } = entangledShape(nonUnique, quadsOf);
  const work = estimate(deepIterationBudget(nonUnique.size, maxWorkFactor), largestGroup, mostQuads);
  if (work <= MAX_N_DEGREE_WORK) return;
  throw new MicrocredError(
    ErrorCode.RANGE_ERROR,
    `canonicalization refused: ${nonUnique.size} blank nodes look alike by their own statements, ` +
      `${largestGroup} of them tangled so that only one another can tell them apart (RDFC-1.0 N-degree ` +
      `hashing): an estimated work of ${work}, over the limit of ${MAX_N_DEGREE_WORK} (a poisoned graph)`,
    { details: { blankNodes, nonUnique: nonUnique.size, largestGroup, mostQuads } },
  );
}
