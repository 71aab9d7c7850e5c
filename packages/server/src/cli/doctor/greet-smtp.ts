import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** What an SMTP server answered: its greeting line and the first line of its EHLO reply. */
export interface SmtpGreeting {
  readonly greeting: string;
  readonly ehlo: string;
}

/**
 * Connects to the server of an `smtp://` or `smtps://` URL (TLS from the start for smtps), reads its 220
 * greeting and says EHLO, then QUITs. Rejects on a refused connection, a TLS failure, a reply that is
 * not 220 / 250, or silence past `timeoutMs`. Sends no mail and no credentials.
 */
export function greetSmtp(url: string, options: { readonly timeoutMs?: number } = {}): Promise<SmtpGreeting> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const port = parsed.port === '' ? (secure ? 465 : 25) : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const timeoutMs = options.timeoutMs ?? 3_000;
  return new Promise((resolve, reject) => {
    const socket: Socket = secure ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
    let buffer = '';
    let greeting: string | undefined;
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs);
    socket.on('timeout', () => fail(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('close', () => reject(new Error('the server closed the connection')));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply ends with a line whose code is followed by a space ("250 ok"), not a dash ("250-SIZE").
      const lines = buffer.split('\r\n');
      const last = lines.findIndex((line) => /^\d{3}(?: |$)/.test(line));
      if (last < 0) return;
      const reply = lines.slice(0, last + 1);
      buffer = lines.slice(last + 1).join('\r\n');
      const first = reply[0] ?? '';
      if (greeting === undefined) {
        if (!first.startsWith('220')) return fail(new Error(`greeted with "${first}", not 220`));
        greeting = first;
        socket.write('EHLO microcred-doctor\r\n');
        return;
      }
      if (!first.startsWith('250')) return fail(new Error(`answered EHLO with "${first}", not 250`));
      socket.end('QUIT\r\n');
      socket.removeAllListeners('close');
      resolve({ greeting, ehlo: first });
    });
  });
}
