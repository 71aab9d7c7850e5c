import type { NodeProgress, PathwayProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';

export type DiagramState = 'done' | 'in-progress' | 'missing' | 'blocked';

export interface PathwayDiagramLabels {
  readonly done: string;
  readonly inProgress: string;
  readonly missing: string;
  readonly blocked: string;
  /** The diagram's accessible name, e.g. the pathway's name. */
  readonly title: string;
  /** Words for a group's or sub-pathway's rule ("3 of 4", "12 credits"), used when it has no name. */
  readonly describeRule: (node: NodeProgress) => string;
}

export interface PathwayDiagramInput {
  readonly progress: PathwayProgress;
  readonly achievementName: (achievementId: string) => string;
  readonly labels: PathwayDiagramLabels;
}

/**
 * How a node is drawn. Met wins over everything; a blocked node counts nothing yet, so it is shown as
 * waiting rather than as missing. A group is in progress as soon as anything under it is, even when its
 * percent rounds down to 0 (a credits group whose only met child carries no credits, 1 of 101).
 */
export function diagramStateOf(node: NodeProgress): DiagramState {
  if (node.met) return 'done';
  if (node.blocked) return 'blocked';
  if (node.percent > 0) return 'in-progress';
  const started = node.children.some((child) => {
    const state = diagramStateOf(child);
    return state === 'done' || state === 'in-progress';
  });
  return started ? 'in-progress' : 'missing';
}

interface Palette {
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
  readonly dash: string | null;
}

// Dark text on light fills keeps every pair far above WCAG AA (4.5:1); the outlines stay above the 3:1
// non-text contrast against the white page. The state word is always written too, never colour alone.
const PALETTE: Readonly<Record<DiagramState, Palette>> = {
  done: { fill: '#dcf5e3', stroke: '#1e7b34', text: '#0b3318', dash: null },
  'in-progress': { fill: '#fff2c7', stroke: '#9a5b00', text: '#3a2600', dash: null },
  missing: { fill: '#f3f4f6', stroke: '#b3261e', text: '#1f2328', dash: null },
  blocked: { fill: '#ffffff', stroke: '#5b6470', text: '#2b3036', dash: '6 4' },
};

const NODE_WIDTH = 200;
const NODE_HEIGHT = 72;
const GAP_X = 16;
const GAP_Y = 44;
const MARGIN = 12;
const CORNER = 10;
const LINE_HEIGHT = 17;
// Widths are estimated from character counts: the server cannot measure text in the reader's font.
const NAME_UNITS = 22;
const DETAIL_UNITS = 30;

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

function percentOf(node: NodeProgress): number {
  return Number.isFinite(node.percent) ? Math.min(100, Math.max(0, Math.round(node.percent))) : 0;
}

interface Placed {
  readonly node: NodeProgress;
  readonly state: DiagramState;
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
  readonly children: readonly Placed[];
}

/**
 * Each leaf gets its own column and each parent sits centred over its children, so subtrees can never
 * overlap; deep trees stay narrow and wide groups grow the diagram sideways only.
 */
function place(root: NodeProgress): { root: Placed; columns: number; depth: number } {
  let column = 0;
  let depth = 0;
  const visit = (node: NodeProgress, level: number): Placed => {
    depth = Math.max(depth, level);
    const y = MARGIN + level * (NODE_HEIGHT + GAP_Y) + NODE_HEIGHT / 2;
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
    return { node, state: diagramStateOf(node), x, y, children };
  };
  const placed = visit(root, 0);
  return { root: placed, columns: column, depth };
}

function flatten(placed: Placed, into: Placed[] = []): Placed[] {
  into.push(placed);
  for (const child of placed.children) flatten(child, into);
  return into;
}

function stateWord(state: DiagramState, labels: PathwayDiagramLabels): string {
  switch (state) {
    case 'done':
      return labels.done;
    case 'in-progress':
      return labels.inProgress;
    case 'missing':
      return labels.missing;
    case 'blocked':
      return labels.blocked;
  }
}

function nodeName(node: NodeProgress, input: PathwayDiagramInput): string {
  if (node.type === 'achievement' && node.achievementId !== null)
    return input.achievementName(node.achievementId);
  return node.name ?? input.labels.describeRule(node);
}

function renderNode(placed: Placed, input: PathwayDiagramInput): string {
  const { node, state } = placed;
  const colours = PALETTE[state];
  const name = nodeName(node, input);
  const word = stateWord(state, input.labels);
  const isLeaf = node.type === 'achievement';
  // A named group still says what its rule is; an unnamed one already shows the rule as its name.
  const rule = !isLeaf && node.name !== null ? input.labels.describeRule(node) : null;
  const status = isLeaf ? word : `${percentOf(node)}% · ${word}`;
  const tooltip = [name, rule, status].filter((part) => part !== null).join(' — ');

  const lines: { text: string; bold: boolean }[] = [{ text: truncate(name, NAME_UNITS), bold: true }];
  if (rule !== null) lines.push({ text: truncate(rule, DETAIL_UNITS), bold: false });
  lines.push({ text: truncate(status, DETAIL_UNITS), bold: false });
  const firstBaseline = placed.y - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
  const texts = lines.map(
    (line, index) =>
      `<text x="${placed.x}" y="${firstBaseline + index * LINE_HEIGHT}" text-anchor="middle" font-size="${line.bold ? 13 : 12}"${line.bold ? ' font-weight="600"' : ''} fill="${colours.text}">${escapeXml(line.text)}</text>`,
  );
  const dash = colours.dash === null ? '' : ` stroke-dasharray="${colours.dash}"`;
  return [
    `<g data-state="${state}" data-path="${escapeXml(node.path)}">`,
    `<title>${escapeXml(tooltip)}</title>`,
    `<rect x="${placed.x - NODE_WIDTH / 2}" y="${placed.y - NODE_HEIGHT / 2}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${CORNER}" ry="${CORNER}" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="2"${dash}/>`,
    ...texts,
    '</g>',
  ].join('');
}

function renderConnectors(placed: Placed): string[] {
  const paths: string[] = [];
  const fromY = placed.y + NODE_HEIGHT / 2;
  for (const child of placed.children) {
    const toY = child.y - NODE_HEIGHT / 2;
    const middle = (fromY + toY) / 2;
    paths.push(`<path d="M${placed.x} ${fromY}V${middle}H${child.x}V${toY}"/>`);
    paths.push(...renderConnectors(child));
  }
  return paths;
}

/** The text alternative: with role="img" a screen reader reads only this, never the boxes. */
function describe(all: readonly Placed[], input: PathwayDiagramInput): string {
  const leaves = all.filter((placed) => placed.node.type === 'achievement');
  const root = all[0];
  const head = root === undefined ? '' : `${nodeName(root.node, input)}: ${percentOf(root.node)}%.`;
  const states: readonly DiagramState[] = ['done', 'in-progress', 'missing', 'blocked'];
  const parts = states.flatMap((state) => {
    const names = leaves.filter((leaf) => leaf.state === state).map((leaf) => nodeName(leaf.node, input));
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
 * A learner's progress on a pathway as a standalone SVG: the requirement tree top-down, the completion
 * on top and the achievements at the bottom. Self-contained (no script, no external reference, no style
 * element) so it can be inlined under a strict Content-Security-Policy or served as an image; it scales
 * to its container's width.
 */
export function renderPathwayDiagram(input: PathwayDiagramInput): string {
  const { root, columns, depth } = place(input.progress.root);
  const all = flatten(root);
  const width = 2 * MARGIN + columns * NODE_WIDTH + Math.max(0, columns - 1) * GAP_X;
  const height = 2 * MARGIN + (depth + 1) * NODE_HEIGHT + depth * GAP_Y;

  const body = [
    `<g fill="none" stroke="#6b7280" stroke-width="1.5">${renderConnectors(root).join('')}</g>`,
    ...all.map((placed) => renderNode(placed, input)),
  ].join('');
  const title = escapeXml(input.labels.title);
  const description = escapeXml(describe(all, input));
  const id = `pathway-diagram-${hashOf(`${title}\n${description}\n${body}`)}`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" width="100%" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${id}-title">${title}</title>`,
    `<desc id="${id}-desc">${description}</desc>`,
    body,
    '</svg>',
  ].join('');
}
