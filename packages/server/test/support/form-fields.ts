function decode(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][\w:.-]*)(?:="([^"]*)")?/g)) {
    const [, name, value] = match;
    if (name !== undefined) found.set(name, decode(value ?? ''));
  }
  return found;
}

/**
 * The fields a browser would post from the first form whose action is `action`, as rendered: text and
 * hidden inputs, checked boxes, selected options, textareas; buttons left out (the test names the one it
 * presses). Enough for server-rendered forms without script, not a general HTML parser.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(tag);
    const name = attrs.get('name');
    const type = attrs.get('type') ?? 'text';
    if (name === undefined || type === 'submit' || type === 'file') continue;
    if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue;
    fields[name] = attrs.get('value') ?? (type === 'checkbox' ? 'on' : '');
  }
  for (const match of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(match[1] ?? '').get('name');
    if (name === undefined) continue;
    const options = [...(match[2] ?? '').matchAll(/<option\b([^>]*)>/g)].map((option) =>
      attributes(option[1] ?? ''),
    );
    const chosen = options.find((option) => option.has('selected')) ?? options[0];
    fields[name] = chosen?.get('value') ?? '';
  }
  for (const match of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attributes(match[1] ?? '').get('name');
    if (name !== undefined) fields[name] = decode(match[2] ?? '');
  }
  return fields;
}
