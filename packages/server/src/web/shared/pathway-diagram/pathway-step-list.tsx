import type { NodeProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';
import { type PathwayDiagramInput, viewPathwayNode } from './pathway-node-view.js';

function Step(props: { readonly node: NodeProgress; readonly input: PathwayDiagramInput }) {
  const view = viewPathwayNode(props.node, props.input);
  return (
    <li data-path={view.node.path}>
      <div class="step" data-state={view.state}>
        <span class="step-name">
          {view.href === null ? (
            view.name
          ) : (
            <a href={view.href} aria-label={view.summary}>
              {view.name}
            </a>
          )}
        </span>{' '}
        {view.rule === null ? null : <span class="step-rule">{view.rule}</span>}{' '}
        {view.progress === null ? null : <span class="step-progress">{view.progress}</span>}{' '}
        {view.award === null ? null : <span class="step-award">{view.award}</span>}{' '}
        <span class="step-status">{view.word}</span>
      </div>
      {view.node.children.length === 0 ? null : (
        <ul>
          {view.node.children.map((child) => (
            <Step node={child} input={props.input} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The pathway diagram's content as a nested list: what a narrow screen shows instead of the tree, whose
 * boxes would shrink below reading size. It says and links exactly what the diagram does.
 */
export function PathwayStepList(props: { readonly input: PathwayDiagramInput }) {
  return (
    <ul class="pathway-steps" aria-label={props.input.labels.title}>
      <Step node={props.input.progress.root} input={props.input} />
    </ul>
  );
}
