import { createServer, maxHeaderSize, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import { PROBLEM_MEDIA_TYPE } from '../edge/problem/problem-schema.js';
import { toProblem } from '../edge/problem/to-problem.js';

type FetchCallback = Parameters<typeof getRequestListener>[0];

// What Node's parser refuses before any request exists for the app to answer, by Node's error code.
const CLIENT_ERRORS: Readonly<Record<string, ServerError>> = {
  HPE_HEADER_OVERFLOW: new ServerError(
    ServerErrorCode.HEADERS_TOO_LARGE,
    `the request header fields are over the limit of ${maxHeaderSize} bytes`,
  ),
  HPE_CHUNK_EXTENSIONS_OVERFLOW: new ServerError(
    ServerErrorCode.PAYLOAD_TOO_LARGE,
    'the chunk extensions are over the size limit',
  ),
};
const MALFORMED = new ServerError(ServerErrorCode.PARSING_ERROR, 'the request is not valid HTTP/1.1');

/** The raw HTTP/1.1 response for a request Node refused to parse: problem+json, like every other error. */
function clientErrorResponse(error: ServerError): string {
  const { problem } = toProblem(error, {});
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    `Content-Type: ${PROBLEM_MEDIA_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

function respondToClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's default handler: answer only while no response of this connection has started, so that
  // ours never lands in the middle of another one.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    // The client was too slow to send its headers: nothing about the request to describe.
    socket.write('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  } else {
    socket.write(clientErrorResponse(CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED));
  }
  // Destroyed, not ended: the parser has given up on this connection, and the rest of what the client
  // sends (the remainder of an oversized header) must not be read as another request.
  socket.destroy();
}

/**
 * The Node HTTP server for the app. Requests Node's parser refuses before the app sees them (header
 * fields over `--max-http-header-size`, malformed HTTP) are answered as problem+json too: 431 or 400.
 */
export function createHttpServer(options: { readonly fetch: FetchCallback }): Server {
  const server = createServer(getRequestListener(options.fetch));
  server.on('clientError', respondToClientError);
  return server;
}
