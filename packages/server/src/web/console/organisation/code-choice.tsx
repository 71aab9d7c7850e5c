/**
 * One checkbox named by a code the reader types elsewhere (an event type, an API scope), shown as code:
 * the webhook and API key forms list theirs the same way.
 */
export function CodeChoice(props: {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly checked: boolean;
}) {
  return (
    <label class="choice" for={props.id}>
      <input id={props.id} name={props.name} type="checkbox" value="yes" checked={props.checked} />{' '}
      <code>{props.code}</code>
    </label>
  );
}
