import type { NodeProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';
import { wrapWords } from '../render/wrap-words.js';
import {
  type DiagramState,
  type PathwayDiagramInput,
  type PathwayNodeView,
  percentOf,
  stateWord,
  viewPathwayNode,
} from './pathway-node-view.js';

// The colours are the stylesheet's (site.css: one palette for the page, the diagram and the list that stands
// in for it on a phone), chosen by each node's `data-state`. The attributes are what shows without it: boxes
// outlined in the text's colour, every word still readable, the state always written, never colour alone.
// Only a waiting node's dashes are drawn here: they are a shape, in the drawing's own units.
const BLOCKED_DASH = '6 4';

const NODE_WIDTH = 200;
// The smallest box; a box grows by a line's height for every line past three.
const MIN_NODE_HEIGHT = 72;
const NODE_PADDING = 10;
const GAP_X = 16;
const GAP_Y = 44;
const MARGIN = 12;
const CORNER = 10;
const LINE_HEIGHT = 17;
// Widths are estimated from character counts: the server cannot measure text in the reader's font.
const NAME_UNITS = 22;
const NAME_LINES = 3;
const DETAIL_UNITS = 30;
const AWARD_LINES = 2;

// XML 1.0 forbids these code points outright (control characters, lone surrogates, U+FFFE/FFFF): one in an
// issuer's name would make the whole document unreadable.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

function escapeXml(text: string): string {
  let safe = '';
  for (const char of text) safe += isXmlChar(char.codePointAt(0) ?? 0) ? char : '\uFFFD';
  return safe
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

// East Asian wide characters and emoji take about two Latin letters' room.
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}/u;

/** Shortens by whole graphemes, so that an accent or an emoji sequence is never cut in half. */
function truncate(text: string, units: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const parts = Array.from(graphemes.segment(clean), (part) => part.segment);
  const width = (part: string) => (WIDE.test(part) ? 2 : 1);
  if (parts.reduce((sum, part) => sum + width(part), 0) <= units) return clean;
  let used = 1;
  let kept = '';
  for (const part of parts) {
    if (used + width(part) > units) break;
    used += width(part);
    kept += part;
  }
  return `${kept.trimEnd()}…`;
}

/** A text's estimated width in Latin letters, counted by grapheme so accents and emoji are never split. */
function unitsOf(text: string): number {
  let units = 0;
  for (const { segment } of graphemes.segment(text)) units += WIDE.test(segment) ? 2 : 1;
  return units;
}

/**
 * A text on as many lines of `units` as it needs, up to `most`: cut short only beyond that (the node's title
 * and the link's name still carry it whole).
 */
function wrapLines(text: string, units: number, most: number): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines = wrapWords(clean, (line) => unitsOf(line) <= units);
  if (lines.length <= most) return lines;
  const kept = lines.slice(0, most - 1);
  return [...kept, truncate(lines.slice(most - 1).join(' '), units)];
}

interface NodeText {
  readonly text: string;
  readonly bold: boolean;
}

interface Placed {
  readonly view: PathwayNodeView;
  readonly lines: readonly NodeText[];
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
  readonly children: readonly Placed[];
}

function linesOf(view: PathwayNodeView): NodeText[] {
  const lines = wrapLines(view.name, NAME_UNITS, NAME_LINES).map((text) => ({ text, bold: true }));
  if (view.rule !== null) lines.push({ text: truncate(view.rule, DETAIL_UNITS), bold: false });
  if (view.progress !== null) lines.push({ text: truncate(view.progress, DETAIL_UNITS), bold: false });
  // Whole where it fits in two lines: what a link shows must be part of its name (WCAG 2.5.3).
  if (view.award !== null)
    lines.push(...wrapLines(view.award, DETAIL_UNITS, AWARD_LINES).map((text) => ({ text, bold: false })));
  lines.push({ text: truncate(view.word, DETAIL_UNITS), bold: false });
  return lines;
}

function mostLines(node: NodeProgress, input: PathwayDiagramInput): number {
  const own = linesOf(viewPathwayNode(node, input)).length;
  return Math.max(own, ...node.children.map((child) => mostLines(child, input)));
}

/**
 * Each leaf gets its own column and each parent sits centred over its children, so subtrees can never
 * overlap; deep trees stay narrow and wide groups grow the diagram sideways only. Every box is as tall as
 * the one with the most lines, so the rows stay straight.
 */
function place(
  root: NodeProgress,
  input: PathwayDiagramInput,
  nodeHeight: number,
): { root: Placed; columns: number; depth: number } {
  let column = 0;
  let depth = 0;
  const visit = (node: NodeProgress, level: number): Placed => {
    depth = Math.max(depth, level);
    const y = MARGIN + level * (nodeHeight + GAP_Y) + nodeHeight / 2;
    const children = node.children.map((child) => visit(child, level + 1));
    const first = children[0];
    const last = children.at(-1);
    let x: number;
    if (first === undefined || last === undefined) {
      x = MARGIN + column * (NODE_WIDTH + GAP_X) + NODE_WIDTH / 2;
      column += 1;
    } else {
      x = (first.x + last.x) / 2;
    }
    const view = viewPathwayNode(node, input);
    return { view, lines: linesOf(view), x, y, children };
  };
  const placed = visit(root, 0);
  return { root: placed, columns: column, depth };
}

function flatten(placed: Placed, into: Placed[] = []): Placed[] {
  into.push(placed);
  for (const child of placed.children) flatten(child, into);
  return into;
}

function renderNode(placed: Placed, nodeHeight: number): string {
  const { view, lines } = placed;
  const firstBaseline = placed.y - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
  const texts = lines.map(
    (line, index) =>
      `<text x="${placed.x}" y="${firstBaseline + index * LINE_HEIGHT}" text-anchor="middle" font-size="${line.bold ? 13 : 12}"${line.bold ? ' font-weight="600"' : ''} fill="currentColor">${escapeXml(line.text)}</text>`,
  );
  const dash = view.state === 'blocked' ? ` stroke-dasharray="${BLOCKED_DASH}"` : '';
  const group = [
    `<g class="pathway-node" data-state="${view.state}" data-path="${escapeXml(view.node.path)}">`,
    `<title>${escapeXml(view.summary)}</title>`,
    `<rect class="pathway-box" x="${placed.x - NODE_WIDTH / 2}" y="${placed.y - nodeHeight / 2}" width="${NODE_WIDTH}" height="${nodeHeight}" rx="${CORNER}" ry="${CORNER}" fill="none" stroke="currentColor" stroke-width="2"${dash}/>`,
    // A space between the lines: read together (as a link's visible text) they are words, not one run.
    texts.join(' '),
    '</g>',
  ].join('');
  if (view.href === null) return group;
  // The link's name is the whole summary: the box may show the name cut short, never the state alone.
  return `<a href="${escapeXml(view.href)}" aria-label="${escapeXml(view.summary)}">${group}</a>`;
}

function renderConnectors(placed: Placed, nodeHeight: number): string[] {
  const paths: string[] = [];
  const fromY = placed.y + nodeHeight / 2;
  for (const child of placed.children) {
    const toY = child.y - nodeHeight / 2;
    const middle = (fromY + toY) / 2;
    paths.push(`<path d="M${placed.x} ${fromY}V${middle}H${child.x}V${toY}"/>`);
    paths.push(...renderConnectors(child, nodeHeight));
  }
  return paths;
}

/**
 * The text alternative. As an image (no links) a screen reader reads only this, never the boxes; with
 * links it describes the group whose links are read one by one.
 */
function describe(all: readonly Placed[], input: PathwayDiagramInput): string {
  const leaves = all.filter((placed) => placed.view.node.type === 'achievement');
  const root = all[0];
  const head = root === undefined ? '' : `${root.view.name}: ${percentOf(root.view.node)}%.`;
  const states: readonly DiagramState[] = ['done', 'in-progress', 'missing', 'blocked'];
  const parts = states.flatMap((state) => {
    const names = leaves.filter((leaf) => leaf.view.state === state).map((leaf) => leaf.view.name);
    if (names.length === 0) return [];
    return [`${stateWord(state, input.labels)} ${names.length}/${leaves.length}: ${names.join(', ')}.`];
  });
  return [head, ...parts].join(' ');
}

// Ids must differ between two diagrams on one page; identical diagrams may share them harmlessly.
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * A learner's progress on a pathway as an SVG: the requirement tree top-down, the completion
 * on top and the achievements at the bottom, to inline in a page: no script, no style element, no reference
 * but the nodes' own links (a strict Content-Security-Policy allows it), coloured by the page's stylesheet
 * through its classes and `data-state`; it scales to its container's width. With links (`linkOf`) it is a group of links rather than an image: an image's
 * content is presentational, so its links could be neither named nor reached.
 */
export function renderPathwayDiagram(input: PathwayDiagramInput): string {
  const nodeHeight = Math.max(
    MIN_NODE_HEIGHT,
    2 * NODE_PADDING + mostLines(input.progress.root, input) * LINE_HEIGHT,
  );
  const { root, columns, depth } = place(input.progress.root, input, nodeHeight);
  const all = flatten(root);
  const width = 2 * MARGIN + columns * NODE_WIDTH + Math.max(0, columns - 1) * GAP_X;
  const height = 2 * MARGIN + (depth + 1) * nodeHeight + depth * GAP_Y;

  const body = [
    `<g class="pathway-connectors" fill="none" stroke="currentColor" stroke-width="1.5">${renderConnectors(root, nodeHeight).join('')}</g>`,
    ...all.map((placed) => renderNode(placed, nodeHeight)),
  ].join('');
  const title = escapeXml(input.labels.title);
  const description = escapeXml(describe(all, input));
  const id = `pathway-diagram-${hashOf(`${title}\n${description}\n${body}`)}`;
  const linked = all.some((placed) => placed.view.href !== null);
  const role = linked
    ? `role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`
    : `role="img" aria-labelledby="${id}-title ${id}-desc"`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${role} width="100%" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${id}-title">${title}</title>`,
    `<desc id="${id}-desc">${description}</desc>`,
    body,
    '</svg>',
  ].join('');
}
