import { isRecord, type JsonObject } from '@microcred/vc';

/** What a request example needs of one operation of the OpenAPI document. */
export interface ExampleOperation {
  readonly method: string;
  readonly path: string;
  readonly secured: boolean;
  readonly parameters: readonly JsonObject[];
  readonly requestBody?: JsonObject;
}

interface ExampleDocument {
  readonly servers?: readonly { readonly url: string }[];
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

/** The shell variable the examples read the bearer token from: a placeholder, never a real token. */
export const TOKEN_VARIABLE = '$MICROCRED_TOKEN';

// Deep enough for every request body of the API; a recursive schema stops here.
const MAX_DEPTH = 6;

const STRING_FORMATS: Readonly<Record<string, string>> = {
  email: 'ada@example.org',
  uri: 'https://example.org/',
  url: 'https://example.org/',
  uuid: '0b5a3c1e-8d7f-4c2a-9e61-2f4b8a9c7d10',
  'date-time': '2026-01-31T09:00:00Z',
  date: '2026-01-31',
};

function resolve(schema: unknown, document: ExampleDocument): JsonObject | undefined {
  if (!isRecord(schema)) return undefined;
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (ref === undefined) return schema;
  const target = document.components?.schemas?.[ref.replace('#/components/schemas/', '')];
  return isRecord(target) ? target : undefined;
}

/**
 * A value the schema accepts: its own example (as the API's authors wrote it) when it has one, else one
 * built from its type: an object's required fields (or its first field, when none is required, as when
 * two fields are alternatives), an array of one item, a string shaped by its format.
 */
export function exampleOf(schema: unknown, document: ExampleDocument, depth = 0): unknown {
  const resolved = resolve(schema, document);
  if (resolved === undefined || depth > MAX_DEPTH) return null;
  if (resolved.example !== undefined) return resolved.example;
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return resolved.examples[0];
  if (resolved.default !== undefined) return resolved.default;
  if (resolved.const !== undefined) return resolved.const;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = resolved[key];
    if (!Array.isArray(options)) continue;
    const option = options.find((item) => !(isRecord(item) && item.type === 'null'));
    if (option !== undefined) return exampleOf(option, document, depth + 1);
  }
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  const type = types.find((item) => item !== 'null');
  if (type === 'object' || isRecord(resolved.properties)) {
    const properties = isRecord(resolved.properties) ? resolved.properties : {};
    const required = Array.isArray(resolved.required) ? resolved.required.map(String) : [];
    const names = required.length > 0 ? required : Object.keys(properties).slice(0, 1);
    return Object.fromEntries(names.map((name) => [name, exampleOf(properties[name], document, depth + 1)]));
  }
  if (type === 'array') return [exampleOf(resolved.items, document, depth + 1)];
  if (type === 'integer' || type === 'number') {
    return typeof resolved.minimum === 'number' ? resolved.minimum : 1;
  }
  if (type === 'boolean') return true;
  if (type === 'string') {
    const format = typeof resolved.format === 'string' ? STRING_FORMATS[resolved.format] : undefined;
    return format ?? 'string';
  }
  return null;
}

/** Quotes a word for a POSIX shell: single quotes, each one inside closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The address with each path parameter filled from its example, and the required query parameters. */
function urlOf(operation: ExampleOperation, document: ExampleDocument): string {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    const name = typeof parameter.name === 'string' ? parameter.name : '';
    const value = parameter.example ?? exampleOf(parameter.schema, document);
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : `{${name}}`;
    if (parameter.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(text));
    else if (parameter.in === 'query' && parameter.required === true) query.set(name, text);
  }
  const server = document.servers?.[0]?.url ?? '';
  const search = query.size === 0 ? '' : `?${query}`;
  return `${server}${path}${search}`;
}

/**
 * A curl command that makes the request: the method, the address, the bearer token from
 * `$MICROCRED_TOKEN` when the operation needs one, and a body the request schema accepts.
 */
export function requestExample(operation: ExampleOperation, document: ExampleDocument): string {
  const lines = [`curl -X ${operation.method.toUpperCase()} ${shellQuote(urlOf(operation, document))}`];
  // Double quotes, so that the shell fills in the token.
  if (operation.secured) lines.push(`-H "Authorization: Bearer ${TOKEN_VARIABLE}"`);
  const content = isRecord(operation.requestBody?.content) ? operation.requestBody.content : {};
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (mediaType !== undefined && isRecord(media)) {
    lines.push(`-H ${shellQuote(`Content-Type: ${mediaType}`)}`);
    if (mediaType === 'application/json') {
      const body = media.example ?? exampleOf(media.schema, document);
      lines.push(`--data ${shellQuote(JSON.stringify(body, null, 2))}`);
    } else {
      // Not JSON (a CSV, NDJSON lines): the file to send.
      lines.push(`--data-binary @${mediaType === 'text/csv' ? 'rows.csv' : 'body.ndjson'}`);
    }
  }
  return lines.join(' \\\n  ');
}
