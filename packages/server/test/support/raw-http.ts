import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** Sends raw bytes to a local port and reads everything the server writes until it closes the connection. */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('close', () => resolve(received));
    // A reset after the response (the server drops the unread rest of the request) still leaves the response.
    socket.on('error', (error) => (received === '' ? reject(error) : resolve(received)));
    socket.write(request);
  });
}

/**
 * Serves `server` on a free local port for the tests of the enclosing `describe`, closing it after them.
 * Returns the port, known once the tests run.
 */
export function listenDuringTests(server: Server): () => number {
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return () => port;
}
