/** What the last action did: a confirmation, or why it was refused. */
export function Notes(props: { readonly message: string | undefined; readonly error: string | undefined }) {
  return (
    <>
      {props.message === undefined ? null : (
        <p class="notice" role="status">
          {props.message}
        </p>
      )}
      {props.error === undefined ? null : (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}
