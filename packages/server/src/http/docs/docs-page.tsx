import { isRecord, type JsonObject } from '@microcred/vc';
import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { renderInlineMarkdown, renderMarkdown } from '../../edge/render-markdown.js';
import { requestExample } from './request-example.js';

/** The parts of an OpenAPI 3.1 document the page shows; everything else is ignored. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers?: readonly { readonly url: string }[];
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  readonly paths?: Readonly<Record<string, unknown>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly secured: boolean;
  readonly parameters: readonly JsonObject[];
  readonly requestBody?: JsonObject;
  readonly responses: readonly [string, JsonObject][];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MAX_DEPTH = 4;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const tags = Array.isArray(operation.tags)
        ? operation.tags.filter((tag) => typeof tag === 'string')
        : [];
      const description = text(operation.description);
      operations.push({
        method,
        path,
        summary: text(operation.summary) ?? `${method.toUpperCase()} ${path}`,
        ...(description === undefined ? {} : { description }),
        tag: tags[0] ?? 'Other',
        secured: Array.isArray(operation.security) && operation.security.length > 0,
        parameters: Array.isArray(operation.parameters) ? operation.parameters.filter(isRecord) : [],
        ...(isRecord(operation.requestBody) ? { requestBody: operation.requestBody } : {}),
        responses: Object.entries(isRecord(operation.responses) ? operation.responses : {}).filter(
          (entry): entry is [string, JsonObject] => isRecord(entry[1]),
        ),
      });
    }
  }
  return operations;
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function refName(schema: JsonObject): string | undefined {
  const ref = text(schema.$ref);
  return ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

/** A one-line type: `string (email)`, `Issuer[]`, `"draft" | "published"`. */
function typeLabel(schema: unknown): string {
  if (!isRecord(schema)) return 'any';
  const ref = refName(schema);
  if (ref !== undefined) return ref;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return options.map(typeLabel).join(' | ');
  }
  const types = Array.isArray(schema.type) ? schema.type.map(String) : [text(schema.type) ?? 'any'];
  return types
    .map((type) => {
      if (type === 'array') return `${typeLabel(schema.items)}[]`;
      const format = text(schema.format);
      return format === undefined || type === 'null' ? type : `${type} (${format})`;
    })
    .join(' | ');
}

function constraintsOf(schema: JsonObject): string[] {
  const notes: string[] = [];
  const add = (label: string, key: string) => {
    if (schema[key] !== undefined) notes.push(`${label} ${JSON.stringify(schema[key])}`);
  };
  add('min length', 'minLength');
  add('max length', 'maxLength');
  add('min', 'minimum');
  add('max', 'maximum');
  add('at most', 'maxItems');
  add('pattern', 'pattern');
  add('default', 'default');
  if (schema.additionalProperties === false) notes.push('no other fields');
  return notes;
}

function resolve(schema: unknown, document: OpenApiDocument): JsonObject | undefined {
  if (!isRecord(schema)) return undefined;
  const ref = refName(schema);
  if (ref === undefined) return schema;
  const target = document.components?.schemas?.[ref];
  return isRecord(target) ? target : undefined;
}

/** A description as Markdown, through the same sanitiser as issuers' text: no raw HTML gets through. */
const Prose: FC<{ text: string }> = ({ text: source }) => (
  <div class="prose">{raw(renderMarkdown(source))}</div>
);

/** A description inside a line (a field, a table cell, a response): Markdown without paragraphs. */
const InlineProse: FC<{ text: string }> = ({ text: source }) => <>{raw(renderInlineMarkdown(source))}</>;

/** A schema's type, linking to the schema's own entry when it is a named one. */
const TypeLabel: FC<{ schema: unknown }> = ({ schema }) => {
  const name = isRecord(schema) ? refName(schema) : undefined;
  return name === undefined ? (
    <span class="type">{typeLabel(schema)}</span>
  ) : (
    <a class="type" href={`#schema-${anchor(name)}`}>
      {name}
    </a>
  );
};

/** The fields of an object schema as a nested list, following references a few levels deep. */
const SchemaFields: FC<{ schema: unknown; document: OpenApiDocument; depth: number }> = ({
  schema,
  document,
  depth,
}) => {
  const resolved = resolve(schema, document);
  if (resolved === undefined) return null;
  const target = resolved.type === 'array' ? resolve(resolved.items, document) : resolved;
  // Scalars show their constraints inline where they are named; only objects expand.
  if (target === undefined || !isRecord(target.properties)) return null;
  const required = new Set(Array.isArray(target.required) ? target.required.map(String) : []);
  return (
    <ul class="fields">
      {Object.entries(target.properties).map(([name, property]) => {
        const field = isRecord(property) ? property : {};
        const description = text(field.description) ?? text(resolve(field, document)?.description);
        const notes = constraintsOf(field);
        return (
          <li>
            <code class="name">{name}</code> <span class="type">{typeLabel(field)}</span>
            {required.has(name) ? <span class="required">required</span> : null}
            {description === undefined ? null : (
              <span class="description">
                {' '}
                — <InlineProse text={description} />
              </span>
            )}
            {notes.length === 0 ? null : <span class="notes"> ({notes.join(' · ')})</span>}
            {depth < MAX_DEPTH ? <SchemaFields schema={field} document={document} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
};

function contentOf(entry: JsonObject): [string, JsonObject][] {
  return Object.entries(isRecord(entry.content) ? entry.content : {}).filter(
    (item): item is [string, JsonObject] => isRecord(item[1]),
  );
}

const OperationView: FC<{ operation: Operation; document: OpenApiDocument }> = ({ operation, document }) => {
  const body = operation.requestBody;
  return (
    <section class="operation" id={`${operation.method}-${anchor(operation.path)}`}>
      <h3>
        <span class={`method ${operation.method}`}>{operation.method.toUpperCase()}</span>{' '}
        <code class="path">{operation.path}</code>
        {operation.secured ? <span class="lock">bearer token</span> : <span class="open">public</span>}
      </h3>
      <p class="summary">{operation.summary}</p>
      {operation.description === undefined ? null : <Prose text={operation.description} />}
      {operation.parameters.length === 0 ? null : (
        <>
          <h4>Parameters</h4>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>In</th>
                <th>Type</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr>
                  <td>
                    <code>{text(parameter.name)}</code>
                    {parameter.required === true ? <span class="required">required</span> : null}
                  </td>
                  <td>{text(parameter.in)}</td>
                  <td>{typeLabel(parameter.schema)}</td>
                  <td>
                    <InlineProse
                      text={
                        text(parameter.description) ??
                        text(resolve(parameter.schema, document)?.description) ??
                        ''
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {body === undefined ? null : (
        <>
          <h4>Request body</h4>
          {contentOf(body).map(([mediaType, media]) => (
            <div class="media">
              <code>{mediaType}</code> <TypeLabel schema={media.schema} />
              <SchemaFields schema={media.schema} document={document} depth={0} />
            </div>
          ))}
        </>
      )}
      <h4>Example request</h4>
      <pre class="example">
        <code>{requestExample(operation, document)}</code>
      </pre>
      <h4>Responses</h4>
      <ul class="responses">
        {operation.responses.map(([status, response]) => (
          <li>
            <span class={`status s${status.charAt(0)}`}>{status}</span>{' '}
            <InlineProse text={text(response.description) ?? ''} />
            {contentOf(response).map(([mediaType, media]) => (
              <span class="media-inline">
                {' '}
                <code>{mediaType}</code> <TypeLabel schema={media.schema} />
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
};

const STYLE = `
header{max-width:980px;margin:0 auto;padding:1rem 1.25rem 0}header a{color:#1d4ed8;font-weight:600;text-decoration:none}
pre.example{background:#111827;color:#f9fafb;padding:.75rem 1rem;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;line-height:1.45}
.prose>:first-child{margin-top:.25rem}.prose>:last-child{margin-bottom:.25rem}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;margin:0;background:#f9fafb}
main{max-width:980px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{margin:0 0 .25rem}h2{margin-top:2.5rem;border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}
h3{font-size:1rem;margin:0;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
h4{margin:1rem 0 .25rem;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:#6b7280}
nav ul{columns:2;padding-left:1.2rem}nav li{padding:.15rem 0}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
.operation{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.method{font:700 .75rem ui-monospace,monospace;padding:.15rem .45rem;border-radius:4px;color:#fff;background:#4b5563}
.get{background:#1d4ed8}.post{background:#047857}.patch{background:#b45309}.delete{background:#be123c}
.lock,.open,.required{font-size:.7rem;border-radius:999px;padding:.05rem .5rem;margin-left:.35rem}
.lock{background:#fef3c7;color:#92400e}.open{background:#dcfce7;color:#166534}.required{background:#fee2e2;color:#991b1b}
.summary{font-weight:600;margin:.5rem 0 .25rem}.type{color:#7c3aed;font-family:ui-monospace,monospace;font-size:.85em}
.description,.notes{color:#4b5563}.path,.description{overflow-wrap:anywhere;min-width:0}.notes{font-size:.85em}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;border-bottom:1px solid #e5e7eb;padding:.3rem .5rem;vertical-align:top;overflow-wrap:anywhere}
ul.fields{list-style:none;padding-left:1rem;border-left:2px solid #e5e7eb;margin:.25rem 0}ul.fields li{margin:.15rem 0}
.responses{list-style:none;padding-left:0}.status{font:700 .8rem ui-monospace,monospace;padding:.05rem .4rem;border-radius:4px;background:#e5e7eb}
.s2{background:#dcfce7}.s3{background:#e0e7ff}.s4{background:#fef3c7}.s5{background:#fee2e2}
`;

/** The API reference, rendered on the server from the OpenAPI document: no script, nothing fetched. */
export const DocsPage: FC<{ document: OpenApiDocument }> = ({ document }) => {
  const operations = operationsOf(document);
  const tagNames = [
    ...(document.tags ?? []).map((tag) => tag.name),
    ...operations.map((operation) => operation.tag),
  ].filter((name, index, all) => all.indexOf(name) === index);
  const groups: [string, string | undefined, Operation[]][] = tagNames
    .map((name): [string, string | undefined, Operation[]] => [
      name,
      document.tags?.find((tag) => tag.name === name)?.description,
      operations.filter((operation) => operation.tag === name),
    ])
    .filter(([, , items]) => items.length > 0);
  const server = document.servers?.[0]?.url;
  const intro: Child =
    document.info.description === undefined ? null : <Prose text={document.info.description} />;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{document.info.title} — API reference</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <header>
          <a href="/">← microcred home</a>
        </header>
        <main>
          <h1>{document.info.title}</h1>
          <p>
            Version {document.info.version} · OpenAPI {document.openapi} ·{' '}
            <a href="/openapi.json">openapi.json</a>
            {server === undefined ? null : (
              <>
                {' '}
                · Server <code>{server}</code>
              </>
            )}
          </p>
          {intro}
          <p>
            Each operation ends with a <code>curl</code> example: set <code>MICROCRED_TOKEN</code> to an API
            key (or the administrator token) for those that need a bearer token.
          </p>
          <nav>
            <ul>
              {groups.map(([name, , items]) => (
                <li>
                  <a href={`#tag-${anchor(name)}`}>{name}</a> ({items.length})
                </li>
              ))}
              <li>
                <a href="#schemas">Schemas</a>
              </li>
            </ul>
          </nav>
          {groups.map(([name, description, items]) => (
            <>
              <h2 id={`tag-${anchor(name)}`}>{name}</h2>
              {description === undefined ? null : <Prose text={description} />}
              {items.map((operation) => (
                <OperationView operation={operation} document={document} />
              ))}
            </>
          ))}
          <h2 id="schemas">Schemas</h2>
          {Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => (
            <section class="operation" id={`schema-${anchor(name)}`}>
              <h3>
                <code>{name}</code> <span class="type">{typeLabel(schema)}</span>
              </h3>
              {isRecord(schema) && typeof schema.description === 'string' ? (
                <Prose text={schema.description} />
              ) : null}
              <SchemaFields schema={schema} document={document} depth={0} />
            </section>
          ))}
        </main>
      </body>
    </html>
  );
};
