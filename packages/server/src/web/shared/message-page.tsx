import type { Context } from 'hono';
import { Layout } from './layout.js';
import type { WebEnv } from './web-env.js';

/** A page that only says something: what an action did, or why it failed. */
export function MessagePage(props: {
  readonly c: Context<WebEnv>;
  readonly title: string;
  readonly text: string;
  readonly status?: 'error' | 'info';
  readonly link?: { href: string; label: string };
}) {
  const { c } = props;
  return (
    <Layout c={c} title={props.title}>
      <h1>{props.title}</h1>
      <p
        class={props.status === 'error' ? 'error-box' : 'notice'}
        role={props.status === 'error' ? 'alert' : 'status'}
      >
        {props.text}
      </p>
      {props.link === undefined ? null : (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </Layout>
  );
}
