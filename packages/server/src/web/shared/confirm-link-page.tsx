import type { Context } from 'hono';
import { Layout, PostForm } from './layout.js';
import type { WebEnv } from './web-env.js';

/** The landing page of an emailed link: a button, because mail scanners open links but do not post forms. */
export function ConfirmLinkPage(props: {
  readonly c: Context<WebEnv>;
  readonly title: string;
  readonly text: string;
  readonly action: string;
  readonly button: string;
}) {
  const { c } = props;
  return (
    <Layout c={c} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <PostForm c={c} action={props.action}>
        <button type="submit">{props.button}</button>
      </PostForm>
    </Layout>
  );
}
