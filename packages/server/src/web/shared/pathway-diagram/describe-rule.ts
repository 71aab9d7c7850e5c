import type { Context } from 'hono';
import type { NodeProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';
import type { WebEnv } from '../web-env.js';

/** A requirement group's rule in words, as the diagram and the pages name it. */
export function describeRule(c: Context<WebEnv>, node: NodeProgress): string {
  const t = c.get('t');
  switch (node.type) {
    case 'all-of':
      return t('pathway.rule.all');
    case 'n-of':
      return t('pathway.rule.nOf', { n: node.threshold ?? 0, m: node.children.length });
    case 'credits-at-least':
      return t('pathway.rule.credits', { n: node.threshold ?? 0 });
    case 'hours-at-least':
      return t('pathway.rule.hours', { n: node.threshold ?? 0 });
    default:
      return node.name ?? t('pathway.rule.step');
  }
}
