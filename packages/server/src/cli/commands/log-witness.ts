import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CosignedTree,
  createCosigner,
  formatCosignerVerifierKey,
  formatNoteSignerKey,
  generateEd25519KeyPair,
  isMicrocredError,
  type NoteVerifier,
  parseAddCheckpointRequest,
  parseNoteSignerKey,
  parseNoteVerifierKey,
  unverifiedCheckpointOf,
  witnessCheckpoint,
} from '@microcred/vc';
import { readStoredCheckpoint, storeCheckpoint } from '../checkpoint-state.js';
import { readBytes, UsageError, writeOutput } from '../cli-io.js';
import type { CliIo } from '../main.js';
import { readNoteKey } from '../read-note-key.js';

/** A checkpoint note with a hundred signature lines is about 10 KB; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

export interface WitnessResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface WitnessOptions {
  /** The witness's key: name and Ed25519 seed (`microcred log witness-key generate`). */
  readonly key: { readonly name: string; readonly secretKey: Uint8Array };
  /** The logs it witnesses: origin → the log's note verifiers. */
  readonly logs: ReadonlyMap<string, readonly NoteVerifier[]>;
  /** Where the last cosigned checkpoint of each log is kept, durably. */
  readonly state: string;
  readonly now?: () => Date;
}

function text(status: number, body: string, contentType = 'text/plain; charset=utf-8'): WitnessResponse {
  return { status, contentType, body };
}

/**
 * The add-checkpoint endpoint of C2SP tlog-witness, without HTTP: a request body in, a response out.
 * Requests for one log run one at a time (reading the last cosigned tree, deciding and storing the new
 * one), so two racing requests cannot roll it back (ADVERSARIAL L4); the new tree is stored durably
 * before the cosignature leaves. One process per state directory.
 */
export function createWitness(options: WitnessOptions): (body: Uint8Array) => Promise<WitnessResponse> {
  const now = options.now ?? (() => new Date());
  const queues = new Map<string, Promise<unknown>>();
  const serialized = <T>(origin: string, task: () => T): Promise<T> => {
    const run = (queues.get(origin) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => undefined);
    queues.set(origin, settled);
    void settled.then(() => {
      if (queues.get(origin) === settled) queues.delete(origin);
    });
    return run;
  };
  const lastCosigned = (origin: string): CosignedTree | undefined => {
    const stored = readStoredCheckpoint(options.state, origin);
    return stored === undefined ? undefined : unverifiedCheckpointOf(stored);
  };
  return async (bytes) => {
    if (bytes.length > MAX_BODY_BYTES) return text(413, 'the request is too large\n');
    let request: ReturnType<typeof parseAddCheckpointRequest>;
    let origin: string;
    try {
      request = parseAddCheckpointRequest(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      origin = unverifiedCheckpointOf(request.checkpoint).origin;
    } catch (error) {
      return text(400, `${error instanceof Error ? error.message : String(error)}\n`);
    }
    const logVerifiers = options.logs.get(origin);
    if (logVerifiers === undefined) return text(404, 'unknown log\n');
    return serialized(origin, () => {
      const cosigner = createCosigner({
        ...options.key,
        timestamp: Math.floor(now().getTime() / 1000),
      });
      const outcome = witnessCheckpoint({
        request,
        logVerifiers,
        lastCosigned: lastCosigned(origin),
        cosigners: [cosigner],
      });
      if (outcome.status === 409) return text(409, `${outcome.size}\n`, 'text/x.tlog.size');
      if (outcome.status !== 200) return text(outcome.status, `${outcome.message}\n`);
      storeCheckpoint(options.state, origin, request.checkpoint);
      return text(200, outcome.cosignatures);
    });
  };
}

function readBody(request: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? undefined : new Uint8Array(Buffer.concat(chunks))),
    );
    request.on('error', reject);
  });
}

/** Serves `POST /add-checkpoint` on `port` (0: any free port) and resolves once listening. */
export async function startWitnessServer(
  options: WitnessOptions & { readonly port: number; readonly host?: string },
): Promise<{ readonly url: string; readonly server: Server }> {
  const witness = createWitness(options);
  const server = createServer((request, response) => {
    const respond = ({ status, contentType, body }: WitnessResponse) => {
      response.writeHead(status, { 'content-type': contentType }).end(body);
    };
    if (request.url !== '/add-checkpoint') return respond(text(404, 'not found\n'));
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return respond(text(405, 'use POST\n'));
    }
    readBody(request)
      .then((body) => (body === undefined ? text(413, 'the request is too large\n') : witness(body)))
      .then(respond, (error: unknown) => {
        // The state could not be read or written: nothing was cosigned, the log may retry.
        process.stderr.write(`microcred log witness: ${String(error)}\n`);
        respond(text(500, 'internal error\n'));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, server };
}

/** `--log ORIGIN=KEY` (repeatable): the logs a witness accepts, each with its pinned note verifier key. */
export function parseWitnessedLogs(values: readonly string[]): Map<string, NoteVerifier[]> {
  if (values.length === 0) throw new UsageError('give at least one --log ORIGIN=VERIFIERKEY');
  const logs = new Map<string, NoteVerifier[]>();
  for (const value of values) {
    const split = value.indexOf('=');
    if (split <= 0) throw new UsageError(`--log ${value}: expected ORIGIN=VERIFIERKEY`);
    const origin = value.slice(0, split);
    const key = readNoteKey(value.slice(split + 1), '--log', parseNoteVerifierKey);
    logs.set(origin, [...(logs.get(origin) ?? []), parseNoteVerifierKey(key)]);
  }
  return logs;
}

/** Reads a witness key file (`PRIVATE+KEY+name+id+base64`, from `log witness-key generate`). */
export function readWitnessKey(path: string): { name: string; secretKey: Uint8Array } {
  try {
    return parseNoteSignerKey(new TextDecoder().decode(readBytes(path)).trim());
  } catch (error) {
    if (isMicrocredError(error)) throw new UsageError(`--key ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** `microcred log witness`: serves add-checkpoint until stopped; prints its URL and verifier key. */
export async function logWitness(
  options: { key: string; log: readonly string[]; port: number; host?: string; state: string },
  io: CliIo,
): Promise<void> {
  const key = readWitnessKey(options.key);
  const { url } = await startWitnessServer({
    key,
    logs: parseWitnessedLogs(options.log),
    state: options.state,
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  const { publicKey } = generateEd25519KeyPair(key.secretKey);
  io.stdout(
    `witness ${formatCosignerVerifierKey(key.name, publicKey)}\nlistening on ${url}/add-checkpoint\n`,
  );
}

/** `microcred log witness-key generate`: a new witness key; prints its cosigner verifier key. */
export function witnessKeyGenerate(
  options: { name: string; out?: string },
  stdout: (text: string) => void,
): void {
  const { publicKey, secretKey } = generateEd25519KeyPair();
  let signerKey: string;
  try {
    signerKey = formatNoteSignerKey(options.name, secretKey);
  } catch (error) {
    if (isMicrocredError(error)) throw new UsageError(`--name: ${error.message}`, { cause: error });
    throw error;
  }
  const verifierKey = formatCosignerVerifierKey(options.name, publicKey);
  if (options.out === undefined) {
    stdout(`${signerKey}\n${verifierKey}\n`);
  } else {
    writeOutput(options.out, `${signerKey}\n`, { secret: true });
    stdout(`wrote ${options.out} (keep it secret)\nwitness verifier key: ${verifierKey}\n`);
  }
}
