/**
 * A text area with its label and the hint that says its limit: the hint is tied to the field
 * (`aria-describedby`) so that a screen reader reads the limit with the label, and a refused value marks
 * the field invalid.
 */
export function TextAreaField(props: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint: string;
  readonly rows: number;
  readonly maxLength: number;
  readonly required?: boolean;
  readonly invalid: boolean;
  readonly value: string;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows}
        required={props.required === true}
        maxlength={props.maxLength}
        aria-describedby={hintId}
        aria-invalid={props.invalid ? 'true' : undefined}
      >
        {props.value}
      </textarea>
    </>
  );
}
