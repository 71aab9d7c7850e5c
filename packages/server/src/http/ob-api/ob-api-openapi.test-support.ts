import { readFileSync } from 'node:fs';
import { validateAchievementCredentialSchema } from '@microcred/vc';
import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with `exports.default` (see the vc package's schema validator).
const Ajv = AjvModule.default ?? (AjvModule as unknown as typeof AjvModule.default);
const addFormats =
  addFormatsModule.default ?? (addFormatsModule as unknown as typeof addFormatsModule.default);

/** The official 1EdTech OpenAPI description of the OB 3.0 API, bundled verbatim (see spec/README.md). */
const DOCUMENT_ID = 'urn:1edtech:ob:v3p0:openapi';
const description = JSON.parse(
  readFileSync(new URL('./spec/ob_v3p0_openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

interface Reference {
  readonly $ref: string;
}
interface MediaType {
  readonly schema?: unknown;
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: { readonly type?: string };
}
interface Header {
  readonly required?: boolean;
  readonly schema?: { readonly type?: string };
}
interface Response {
  readonly content?: Readonly<Record<string, MediaType>>;
  readonly headers?: Readonly<Record<string, Header | Reference>>;
  readonly links?: Readonly<Record<string, unknown>>;
}
interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly (Parameter | Reference)[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Readonly<Record<string, MediaType>>;
  };
  readonly responses: Readonly<Record<string, Response | Reference>>;
}
interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
}

/** The responses and messages a test hands over: a status, headers and the body as text. */
export interface HttpMessage {
  readonly status?: number;
  readonly headers: Headers;
  readonly text: string;
}

// OpenAPI 3.0 Schema Objects are a JSON Schema draft-04/07 subset: Ajv's draft-07 reads them, `nullable`
// is one of Ajv's own keywords, and `strict: false` lets it pass over the `x-…` annotations.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(description as object, DOCUMENT_ID);
const compiled = new Map<string, ValidateFunction>();

function pointer(...tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Follows a `#/components/...` reference inside the description. */
function resolve<T>(value: T | Reference): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value as T;
  let node: unknown = description;
  for (const token of value.$ref.replace(/^#\//, '').split('/'))
    node = (node as Record<string, unknown>)[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  if (node === undefined) throw new Error(`the description has no ${value.$ref}`);
  return resolve(node as T | Reference);
}

/** The operation with this operationId, and where it sits in the description. */
export function operation(operationId: string): { path: string; method: string; operation: Operation } {
  for (const [path, item] of Object.entries(description.paths))
    for (const [method, candidate] of Object.entries(item))
      if (candidate.operationId === operationId) return { path, method, operation: candidate };
  throw new Error(`the OB 3.0 description has no operation ${operationId}`);
}

/** The errors of `value` against the Schema Object at `at` (a JSON Pointer into the description). */
function schemaErrors(at: string, value: unknown): string[] {
  let validate = compiled.get(at);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${at}` });
    compiled.set(at, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}

/** A header or query value as its schema's type reads it (OpenAPI "simple"/"form" style, one value). */
function typed(raw: string, schema: { readonly type?: string } | undefined): unknown {
  if ((schema?.type === 'integer' || schema?.type === 'number') && /^-?\d+(\.\d+)?$/.test(raw))
    return Number(raw);
  if (schema?.type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function mediaTypeOf(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Credentials in the description's `AchievementCredential` require VC 1.1's `issuanceDate`; OB 3.0 as
 * published moved to the VC 2.0 data model, whose date is `validFrom` and whose context does not define
 * `issuanceDate`, so a signed VC 2.0 credential cannot carry it. For a credential on the VC 2.0 context that
 * one rule gives way to the official OB 3.0 AchievementCredential JSON Schema (which requires `validFrom`):
 * its errors, if any, stand in the place of the waived one; every other rule of the description stands.
 */
function withVc2Dates(error: string, value: unknown): string[] {
  const match = /^(\/credential\/\d+|\/) must have required property 'issuanceDate'$/.exec(error);
  if (match === null) return [error];
  const path = match[1] === '/' ? '' : (match[1] ?? '');
  let node: unknown = value;
  for (const token of path.split('/').filter(Boolean)) node = (node as Record<string, unknown>)[token];
  const contexts = [(node as { '@context'?: unknown } | undefined)?.['@context']].flat();
  if (contexts[0] !== 'https://www.w3.org/ns/credentials/v2') return [error];
  return validateAchievementCredentialSchema(node).errors.map(
    (problem) =>
      `${`${path}${problem.path === '/' ? '' : problem.path}` || '/'} ${problem.message} (OB 3.0 JSON Schema)`,
  );
}

function bodyErrors(
  content: Readonly<Record<string, MediaType>> | undefined,
  at: string,
  message: HttpMessage,
): string[] {
  const type = mediaTypeOf(message.headers);
  if (content === undefined) return message.text === '' ? [] : [`a body (${type}) where none is described`];
  const media = content[type];
  if (media === undefined) return [`content type "${type}" is not one of ${Object.keys(content).join(', ')}`];
  if (media.schema === undefined) return [];
  let value: unknown = message.text;
  if (type.endsWith('json'))
    try {
      value = JSON.parse(message.text);
    } catch {
      return ['the body is not JSON'];
    }
  const schemaAt = `${at}${pointer('content', type, 'schema')}`;
  return schemaErrors(schemaAt, value).flatMap((error) => withVc2Dates(error, value));
}

/** The query of `url` against the parameters `operationId` describes. */
function queryErrors(operationId: string, url: URL): string[] {
  const { path, method, operation: described } = operation(operationId);
  const parameters = (described.parameters ?? []).map((parameter) => resolve<Parameter>(parameter));
  const errors: string[] = [];
  for (const name of new Set(url.searchParams.keys())) {
    const parameter = parameters.find((item) => item.in === 'query' && item.name === name);
    if (parameter === undefined) {
      errors.push(`query parameter ${name} is not one ${operationId} takes`);
      continue;
    }
    const at = `${pointer('paths', path, method)}/parameters/${parameters.indexOf(parameter)}/schema`;
    errors.push(
      ...schemaErrors(at, typed(url.searchParams.get(name) ?? '', parameter.schema)).map(
        (error) => `query ${name}: ${error}`,
      ),
    );
  }
  for (const parameter of parameters)
    if (parameter.in === 'query' && parameter.required === true && !url.searchParams.has(parameter.name))
      errors.push(`query parameter ${parameter.name} is required`);
  return errors;
}

/** RFC 8288 links of a `Link` header: each target and relation. */
function parseLinks(header: string): { target: string; rel: string }[] {
  return [...header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)].map((match) => ({
    target: match[1] ?? '',
    rel: /;\s*rel="?([^";,]+)"?/.exec(match[2] ?? '')?.[1] ?? '',
  }));
}

/**
 * What is wrong with `response` as an answer of `operationId`, read from the 1EdTech description: the
 * response its status selects (or `default`), its content type and body schema, its declared headers
 * (`X-Total-Count`), and, where it declares `links`, every RFC 8288 `Link` the server sends (a declared
 * relation, to the linked operation, with query parameters it takes). Empty when it conforms.
 */
export function responseErrors(operationId: string, response: HttpMessage): string[] {
  const { path, method, operation: described } = operation(operationId);
  const status = String(response.status);
  const key = status in described.responses ? status : 'default';
  const declared = described.responses[key];
  if (declared === undefined) return [`${operationId} describes no ${status} response`];
  const at = pointer('paths', path, method, 'responses', key);
  const resolved = resolve<Response>(declared);
  const errors = bodyErrors(resolved.content, at, response);
  for (const [name, header] of Object.entries(resolved.headers ?? {})) {
    const value = response.headers.get(name);
    const { schema, required } = resolve<Header>(header);
    if (value === null) {
      if (required === true) errors.push(`header ${name} is missing`);
      continue;
    }
    const headerAt = `${pointer('components', 'headers', name)}/schema`;
    const target = '$ref' in header ? headerAt : `${at}${pointer('headers', name, 'schema')}`;
    errors.push(...schemaErrors(target, typed(value, schema)).map((error) => `header ${name}: ${error}`));
  }
  const link = response.headers.get('link');
  if (link !== null) {
    if (resolved.links === undefined) errors.push('a Link header where no links are described');
    else
      for (const { target, rel } of parseLinks(link)) {
        const declaredLink = resolved.links[rel];
        if (declaredLink === undefined) {
          errors.push(`Link rel="${rel}" is not one of ${Object.keys(resolved.links).join(', ')}`);
          continue;
        }
        const linked = resolve<{ operationId: string }>(declaredLink as { operationId: string });
        const url = new URL(target);
        if (!url.pathname.endsWith(operation(linked.operationId).path))
          errors.push(`Link rel="${rel}" leads to ${url.pathname}, not to ${linked.operationId}`);
        errors.push(...queryErrors(linked.operationId, url).map((error) => `Link rel="${rel}": ${error}`));
      }
  }
  return errors;
}

/** What is wrong with a request body sent to `operationId` (its content type and schema). */
export function requestErrors(operationId: string, request: { headers: Headers; text: string }): string[] {
  const { path, method, operation: described } = operation(operationId);
  if (described.requestBody === undefined)
    return request.text === '' ? [] : [`${operationId} takes no request body`];
  return bodyErrors(
    described.requestBody.content,
    pointer('paths', path, method, 'requestBody'),
    request as HttpMessage,
  );
}
