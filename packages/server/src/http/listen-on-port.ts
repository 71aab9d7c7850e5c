import type { Server } from 'node:http';

function explain(error: NodeJS.ErrnoException, port: number, variable: string): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(`port ${port} is already in use (set ${variable} to another port)`, { cause: error });
  }
  if (error.code === 'EACCES') {
    return new Error(
      `port ${port} needs privileges this user does not have (set ${variable} to 1024 or above)`,
      {
        cause: error,
      },
    );
  }
  return error;
}

/**
 * Binds the server to `port` on every interface, and resolves once it listens. A port that is taken or
 * privileged rejects with one line an operator can act on, rather than an unhandled `error` event.
 */
export function listenOnPort(
  server: Server,
  port: number,
  /** The setting that chose the port, named in the message. */
  variable = 'PORT',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(explain(error, port, variable));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port);
  });
}
