import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type EarnedCredential,
  evaluatePathway,
  type NodeProgress,
  type PathwayProgress,
} from '../../../domain/pathway/engine/evaluate-pathway.js';
import type { PathwayRules, RuleAchievement, RuleNode } from '../../../domain/pathway/model/pathway-rules.js';
import { diagramStateOf, type PathwayDiagramLabels } from './pathway-node-view.js';
import { renderPathwayDiagram } from './render-pathway-diagram.js';

const STYLESHEET = readFileSync(new URL('../assets/site.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The last value the stylesheet gives `property` in a rule whose selector list names `selector`. */
function declared(selector: string, property: string): string | undefined {
  let value: string | undefined;
  for (const [, selectors, body] of STYLESHEET.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!(selectors ?? '').split(',').some((one) => one.trim() === selector)) continue;
    for (const declaration of (body ?? '').split(';')) {
      const [name, ...rest] = declaration.split(':');
      if (name?.trim() === property) value = rest.join(':').trim();
    }
  }
  return value;
}

/** What colour a rule paints a node of `state` with: its custom properties followed to a token's hex. */
function colourOf(selector: string, property: string, state: string): string {
  let value = declared(selector, property);
  for (let hops = 0; value?.startsWith('var(') === true && hops < 5; hops += 1) {
    const name = /^var\((--[a-z0-9-]+)\)$/.exec(value)?.[1] ?? '';
    value = declared(`.pathway-node[data-state="${state}"]`, name) ?? declared(':root', name);
  }
  expect(value, `${selector} { ${property} } for ${state}`).toMatch(/^#[0-9a-f]{6}$/i);
  return value ?? '';
}

/** WCAG 2.2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const NOW = new Date('2026-03-01T00:00:00Z');
const leaf = (achievementId: string, amounts: Partial<RuleAchievement> = {}): RuleAchievement => ({
  type: 'achievement',
  achievementId,
  credits: null,
  hours: null,
  ...amounts,
});
const held = (achievementId: string, issuedAt = '2026-01-10T00:00:00Z'): EarnedCredential => ({
  id: `cred-${achievementId}`,
  achievementId,
  issuedAt: new Date(issuedAt),
  validUntil: null,
  revoked: false,
  suspended: false,
});
const evaluate = (requirement: RuleNode, credentials: readonly EarnedCredential[] = []): PathwayProgress => {
  const pathway: PathwayRules = { completionAchievementId: 'certificate', requirement };
  return evaluatePathway({ pathway, credentials, now: NOW });
};

const labels: PathwayDiagramLabels = {
  done: 'Done',
  inProgress: 'In progress',
  missing: 'Missing',
  blocked: 'Blocked',
  title: 'Data analyst pathway',
  describeRule: (node) =>
    node.type === 'pathway' ? 'Sub-pathway' : `${node.type} ${node.threshold ?? ''}`.trimEnd(),
};
const render = (
  progress: PathwayProgress,
  overrides: Partial<PathwayDiagramLabels> = {},
  linkOf?: (node: NodeProgress) => string | null,
) =>
  renderPathwayDiagram({
    progress,
    achievementName: (id) => `Course ${id}`,
    labels: { ...labels, ...overrides },
    ...(linkOf === undefined ? {} : { linkOf }),
  });

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (raw: string) => {
  // A bare `&` or an unknown entity is not well-formed XML.
  expect(raw).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
};

/** A strict parser for the subset of XML the renderer writes: it throws on anything it does not expect. */
function parseXml(xml: string): Element {
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const match = token.exec(xml);
    if (match === null) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, closing, name, rawAttributes, selfClosing, text] = match;
    const current = stack.at(-1) as Element;
    if (text !== undefined) {
      expect(text).not.toContain('>');
      current.text += decode(text);
    } else if (closing === '/') {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of (rawAttributes ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (key === undefined || value === undefined) continue;
        if (key in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key] = decode(value);
      }
      const element: Element = { name: name as string, attributes, children: [], text: '' };
      current.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return root.children[0] as Element;
}

const descendants = (element: Element): Element[] =>
  element.children.flatMap((child) => [child, ...descendants(child)]);
const nodeGroups = (svg: Element) => descendants(svg).filter((element) => 'data-path' in element.attributes);
const textsOf = (group: Element) =>
  group.children.filter((child) => child.name === 'text').map((child) => child.text);
const fullText = (element: Element): string =>
  element.text + element.children.map((child) => fullText(child)).join('');

const ordered: RuleNode = {
  type: 'all-of',
  name: 'Data analyst',
  precedes: [{ before: 0, after: 1 }],
  children: [
    { type: 'n-of', n: 2, name: 'Foundations', children: [leaf('a'), leaf('b'), leaf('c')] },
    { type: 'all-of', children: [leaf('d'), leaf('e')] },
  ],
};

describe('diagramStateOf', () => {
  it('maps met nodes to done, started groups to in progress, untouched ones to missing, waiting ones to blocked', () => {
    const progress = evaluate(ordered, [held('a'), held('d')]);
    const states = Object.fromEntries(progress.nodes.map((node) => [node.path, diagramStateOf(node)]));
    expect(states).toEqual({
      requirement: 'in-progress',
      'requirement.children.0': 'in-progress',
      'requirement.children.0.children.0': 'done',
      'requirement.children.0.children.1': 'missing',
      'requirement.children.0.children.2': 'missing',
      // `d` is held, but before Foundations is met it does not count.
      'requirement.children.1': 'blocked',
      'requirement.children.1.children.0': 'blocked',
      'requirement.children.1.children.1': 'blocked',
    });
    const complete = evaluate(ordered, [
      held('a'),
      held('b'),
      held('d', '2026-02-01T00:00:00Z'),
      held('e', '2026-02-01T00:00:00Z'),
    ]);
    // `c` is no longer needed once two of three are met, but it is still not held.
    expect(complete.nodes.map((node) => diagramStateOf(node))).toEqual(
      complete.nodes.map((node) => (node.path === 'requirement.children.0.children.2' ? 'missing' : 'done')),
    );
  });

  it('counts a group as in progress when a met child adds nothing to its percent', () => {
    const progress = evaluate(
      { type: 'credits-at-least', credits: 3, children: [leaf('workshop'), leaf('course', { credits: 3 })] },
      [held('workshop')],
    );
    expect(progress.root.percent).toBe(0);
    expect(diagramStateOf(progress.root)).toBe('in-progress');
    expect(diagramStateOf(evaluate(ordered).root)).toBe('missing');
  });
});

describe('renderPathwayDiagram', () => {
  it('draws one group per progress node, with its state and path, the root on top', () => {
    const progress = evaluate(
      {
        type: 'all-of',
        children: [
          leaf('a'),
          {
            type: 'pathway',
            pathwayId: 'p2',
            version: 1,
            completionAchievementId: 'p2-done',
            requirement: { type: 'n-of', n: 1, children: [leaf('c'), leaf('d')] },
          },
        ],
      },
      [held('a')],
    );
    const svg = parseXml(render(progress));
    const groups = nodeGroups(svg);
    expect(groups.map((group) => [group.attributes['data-path'], group.attributes['data-state']])).toEqual(
      progress.nodes.map((node) => [node.path, diagramStateOf(node)]),
    );
    const top = (group: Element | undefined) =>
      Number(group?.children.find((child) => child.name === 'rect')?.attributes.y);
    const [root, ...others] = groups;
    for (const other of others) expect(top(root)).toBeLessThan(top(other));
    const subPathway = groups.find((group) => group.attributes['data-path'] === 'requirement.children.1');
    expect(textsOf(subPathway as Element)).toEqual(['Sub-pathway', '0%', 'Missing']);
    expect(fullText(groups[1] as Element)).toContain('Course a');
    // Connectors: one per parent-child pair.
    expect(descendants(svg).filter((element) => element.name === 'path')).toHaveLength(
      progress.nodes.length - 1,
    );
  });

  it('escapes hostile names from issuers and labels', () => {
    const hostile = `<script>alert("x")</script> & 'q' \u0001`;
    const progress = evaluate({ type: 'all-of', name: hostile, children: [leaf('a'), leaf('b')] }, [
      held('a'),
    ]);
    const markup = renderPathwayDiagram({
      progress,
      achievementName: () => hostile,
      labels: { ...labels, title: hostile, done: hostile, describeRule: () => hostile },
    });
    expect(markup).not.toMatch(/<script/i);
    expect(markup).not.toContain('\u0001');
    expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;');
    const svg = parseXml(markup);
    expect(descendants(svg).some((element) => element.name === 'script')).toBe(false);
    expect(svg.children.find((child) => child.name === 'title')?.text).toBe(
      `<script>alert("x")</script> & 'q' \uFFFD`,
    );
  });

  it('wraps a long name onto lines inside its box, and cuts it short only past three lines', () => {
    const long = 'Advanced statistical modelling for public health surveillance';
    const endless = `${long} in low- and middle-income countries, with field exercises`;
    const progress = evaluate({ type: 'all-of', name: 'Short', children: [leaf('a'), leaf('b')] });
    const names: Readonly<Record<string, string>> = { a: long, b: endless };
    const svg = parseXml(
      renderPathwayDiagram({
        progress,
        achievementName: (id) => names[id] ?? id,
        labels: { ...labels, title: 'T' },
      }),
    );
    const nameLines = (group: Element) =>
      group.children
        .filter((child) => child.name === 'text' && child.attributes['font-weight'] === '600')
        .map((child) => child.text);
    const [, wrapped, cut] = nodeGroups(svg) as [Element, Element, Element];
    // Every word shown, none cut, in reading order.
    expect(nameLines(wrapped).length).toBeGreaterThan(1);
    expect(nameLines(wrapped).join(' ')).toBe(long);
    expect(nameLines(wrapped).join('')).not.toContain('…');
    expect(nameLines(cut)).toHaveLength(3);
    expect(nameLines(cut).at(-1)).toMatch(/…$/);
    expect(`${endless}…`.startsWith(nameLines(cut).join(' ').replace(/…$/, ''))).toBe(true);
    for (const group of [wrapped, cut]) {
      for (const line of nameLines(group)) expect(line.length).toBeLessThanOrEqual(22);
      const title = group.children.find((child) => child.name === 'title');
      expect(title?.text).toContain(group === cut ? endless : long);
      // The lines stay inside the box, which grew to hold them.
      const rect = group.children.find((child) => child.name === 'rect')?.attributes ?? {};
      const top = Number(rect.y);
      const bottom = top + Number(rect.height);
      for (const text of group.children.filter((child) => child.name === 'text')) {
        const baseline = Number(text.attributes.y);
        expect(baseline - 13).toBeGreaterThanOrEqual(top);
        expect(baseline + 4).toBeLessThanOrEqual(bottom);
      }
    }
    expect(fullText(nodeGroups(svg)[0] as Element)).toContain('Short');
  });

  it('counts a group of steps (“2 of 3 steps done”) instead of its floored 66%, given the words, and an amount in percent', () => {
    const progress = evaluate(
      {
        type: 'all-of',
        children: [
          { type: 'n-of', n: 3, name: 'Core', children: [leaf('a'), leaf('b'), leaf('c'), leaf('d')] },
          {
            type: 'credits-at-least',
            credits: 4,
            children: [leaf('e', { credits: 1 }), leaf('f', { credits: 3 })],
          },
        ],
      },
      [held('a'), held('b'), held('e')],
    );
    const stepsDone = (done: number, total: number) => `${done} of ${total} steps done`;
    const groups = nodeGroups(parseXml(render(progress, { stepsDone })));
    const byPath = (path: string) =>
      textsOf(groups.find((group) => group.attributes['data-path'] === path) as Element);
    expect(byPath('requirement')).toEqual(['all-of 2', '0 of 2 steps done', 'In progress']);
    expect(byPath('requirement.children.0')).toEqual(['Core', 'n-of 3', '2 of 3 steps done', 'In progress']);
    expect(byPath('requirement.children.1')).toEqual(['credits-at-least 4', '25%', 'In progress']);
    expect(render(progress, { stepsDone })).not.toContain('66%');
    // Without the words, every group shows its percentage.
    expect(textsOf(nodeGroups(parseXml(render(progress)))[1] as Element)).toEqual([
      'Core',
      'n-of 3',
      '66%',
      'In progress',
    ]);
  });

  it('makes the nodes it is given links for into named links, and becomes a group rather than an image', () => {
    const progress = evaluate(
      { type: 'n-of', n: 1, name: 'Data analyst', children: [leaf('a'), leaf('b')] },
      [held('a')],
    );
    const svg = parseXml(
      render(progress, {}, (node) =>
        node.type === 'achievement' ? `/achievements/${node.achievementId}` : '/credentials/award-1',
      ),
    );
    const links = descendants(svg).filter((element) => element.name === 'a');
    expect(links.map((link) => link.attributes.href)).toEqual([
      '/credentials/award-1',
      '/achievements/a',
      '/achievements/b',
    ]);
    expect(links.map((link) => link.attributes['aria-label'])).toEqual([
      'Data analyst — n-of 1 — Done',
      'Course a — Done',
      'Course b — Missing',
    ]);
    // Each link holds its node's box: the whole box is the target.
    for (const link of links) expect(link.children[0]?.attributes['data-path']).toBeDefined();
    expect(svg.attributes.role).toBe('group');
    const [title, desc] = svg.children;
    expect(svg.attributes['aria-labelledby']).toBe(title?.attributes.id);
    expect(svg.attributes['aria-describedby']).toBe(desc?.attributes.id);
    // Without links it stays an image with no link in it.
    const plain = parseXml(render(progress));
    expect(plain.attributes.role).toBe('img');
    expect(descendants(plain).some((element) => element.name === 'a')).toBe(false);
  });

  it('names what a node awards, whole, on the box and in its link, when asked', () => {
    const progress = evaluate({
      ...ordered,
      children: [{ ...ordered.children[0], milestoneAchievementId: 'badge' }, ordered.children[1]],
    } as RuleNode);
    const svg = parseXml(
      renderPathwayDiagram({
        progress,
        achievementName: (id) => (id === 'badge' ? 'Foundations of Data Analysis Badge' : `Course ${id}`),
        labels: { ...labels, awards: (name) => `Awards ${name}` },
        awardOf: (node) => node.milestoneAchievementId,
        linkOf: (node) => (node.milestoneAchievementId === null ? null : '/achievements/badge'),
      }),
    );
    const [link] = descendants(svg).filter((element) => element.name === 'a');
    const award = 'Awards Foundations of Data Analysis Badge';
    expect(link?.attributes['aria-label']).toBe(`Foundations — n-of 2 — 0% — ${award} — Missing`);
    // Longer than a line: wrapped rather than cut, so what the link shows stays part of its name.
    const shown = textsOf(link?.children[0] as Element);
    expect(shown.join(' ')).toContain(award);
    expect(shown.every((line) => !line.endsWith('…'))).toBe(true);
    // Nodes that award nothing say nothing of it.
    expect(nodeGroups(svg).filter((group) => fullText(group).includes('Awards'))).toHaveLength(1);
  });

  it('fits a deep and wide tree inside its viewBox without overlapping boxes', () => {
    let requirement: RuleNode = {
      type: 'n-of',
      n: 3,
      children: Array.from({ length: 30 }, (_, index) => leaf(`w${index}`)),
    };
    for (let level = 0; level < 8; level += 1) {
      requirement = { type: 'all-of', children: [leaf(`l${level}`), requirement, leaf(`r${level}`)] };
    }
    const progress = evaluate(requirement, [held('w3'), held('l2')]);
    const svg = parseXml(render(progress));
    const [minX, minY, width, height] = (svg.attributes.viewBox ?? '').split(' ').map(Number);
    expect([minX, minY]).toEqual([0, 0]);
    expect(svg.attributes.width).toBe('100%');
    const boxes = descendants(svg)
      .filter((element) => element.name === 'rect')
      .map(({ attributes }) => ({
        x: Number(attributes.x),
        y: Number(attributes.y),
        width: Number(attributes.width),
        height: Number(attributes.height),
      }));
    expect(boxes).toHaveLength(progress.nodes.length);
    for (const box of boxes) {
      for (const value of Object.values(box)) expect(Number.isFinite(value)).toBe(true);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width ?? 0);
      expect(box.y + box.height).toBeLessThanOrEqual(height ?? 0);
    }
    boxes.forEach((a, index) => {
      for (const b of boxes.slice(index + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    });
    const coordinates = descendants(svg).flatMap(({ name, attributes }) =>
      name === 'path' ? (attributes.d ?? '').split(/[MVH ]/).filter(Boolean) : [attributes.x, attributes.y],
    );
    for (const value of coordinates.filter((item) => item !== undefined).map(Number)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(Math.max(width ?? 0, height ?? 0));
    }
  });

  it("is coloured by the stylesheet's tokens alone, with text on every state's fill at WCAG AA contrast", () => {
    const progress = evaluate(ordered, [held('a'), held('d')]);
    const markup = render(progress);
    // No colour of its own: one palette, the stylesheet's.
    expect(markup).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(/i);
    const groups = nodeGroups(parseXml(markup));
    expect(new Set(groups.map((group) => group.attributes['data-state']))).toEqual(
      new Set(['done', 'in-progress', 'missing', 'blocked']),
    );
    for (const group of groups) {
      const state = group.attributes['data-state'] ?? '';
      expect(group.attributes.class).toBe('pathway-node');
      expect(group.children.find((child) => child.name === 'rect')?.attributes.class).toBe('pathway-box');
      const fill = colourOf('.pathway-node .pathway-box', 'fill', state);
      const outline = colourOf('.pathway-node .pathway-box', 'stroke', state);
      const text = colourOf('.pathway-node text', 'fill', state);
      expect(contrast(fill, text), `text on a ${state} box`).toBeGreaterThanOrEqual(4.5);
      // WCAG 1.4.11: the box's outline against the page around it.
      expect(
        contrast(outline, colourOf(':root', 'background', state)),
        `${state} outline`,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('labels the image with a title and a description summarising what is done', () => {
    const progress = evaluate(
      { type: 'n-of', n: 3, name: 'Data analyst', children: [leaf('a'), leaf('b'), leaf('c'), leaf('d')] },
      [held('a'), held('b')],
    );
    const svg = parseXml(render(progress));
    expect(svg.attributes.role).toBe('img');
    const [title, desc] = svg.children;
    expect(title).toMatchObject({ name: 'title', text: 'Data analyst pathway' });
    expect(desc?.name).toBe('desc');
    expect(desc?.text).toBe(
      'Data analyst: 66%. Done 2/4: Course a, Course b. Missing 2/4: Course c, Course d.',
    );
    expect(svg.attributes['aria-labelledby']).toBe(`${title?.attributes.id} ${desc?.attributes.id}`);
    // Two different diagrams on one page must not share ids.
    const other = parseXml(render(evaluate(ordered)));
    expect(other.children[0]?.attributes.id).not.toBe(title?.attributes.id);
  });

  it('needs nothing outside itself: no script, style element or reference but the links it is given', () => {
    const markup = render(evaluate(ordered, [held('a')]));
    expect(markup).not.toMatch(/<script|<style|<image|<use|<foreignObject|href=|url\(|javascript:/i);
    const linked = render(evaluate(ordered, [held('a')]), {}, (node) =>
      node.type === 'achievement' ? `/achievements/${node.achievementId}` : null,
    );
    expect(linked).not.toMatch(/<script|<style|<image|<use|<foreignObject|url\(|javascript:/i);
    expect([...linked.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((id) => `/achievements/${id}`),
    );
  });
});
