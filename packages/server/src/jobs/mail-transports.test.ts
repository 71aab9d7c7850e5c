import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMail } from '../domain/ports/index.js';
import { folderTransport, smtpTransport } from './mail-transports.js';

/** The header section with folded lines joined again (RFC 5322 §2.2.3): nodemailer folds long fields. */
function unfolded(message: string): string {
  return message.replace(/\r?\n[ \t]+/g, ' ');
}

const MAIL: OutboxMail = {
  id: '5b0f0c1e-9f8a-4c1e-8d7b-2a1e3f4b5c6d',
  toAddress: 'earner@example.org',
  subject: 'Your credential expires in 7 days',
  textBody: 'It expires.',
  htmlBody: '<p>It expires.</p>',
  createdAt: new Date('2026-12-01T09:00:00Z'),
  attempts: 1,
  sentAt: null,
  lastError: null,
  announces: null,
  headers: {
    'List-Unsubscribe': '<https://badges.example.edu/notifications/unsubscribe/abc.expiry.sig>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

/**
 * The smallest SMTP server nodemailer will talk to (RFC 5321 without extensions): it keeps each message's
 * DATA, so the test sees the bytes a real server would receive.
 */
function startSmtpServer(received: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          received.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const line = buffer.indexOf('\r\n');
        if (line === -1) return;
        const command = buffer.slice(0, line).toUpperCase();
        buffer = buffer.slice(line + 2);
        if (command.startsWith('DATA')) {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (command.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    }),
  );
}

describe('mail transports pass an outbox mail’s header fields on', () => {
  let folder: string;
  let smtp: { server: Server; port: number };
  const received: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'microcred-headers-'));
    smtp = await startSmtpServer(received);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await new Promise((resolve) => smtp.server.close(resolve));
  });

  it('writes List-Unsubscribe and List-Unsubscribe-Post into the .eml file', async () => {
    await folderTransport({ folder, from: 'microcred <no-reply@example.org>' }).send(MAIL);
    const [file] = await readdir(folder);
    const eml = unfolded(await readFile(join(folder, file ?? ''), 'utf8'));
    expect(eml).toMatch(
      /^List-Unsubscribe: <https:\/\/badges\.example\.edu\/notifications\/unsubscribe\/abc\.expiry\.sig>$/m,
    );
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('sends them to an SMTP server', async () => {
    const transport = smtpTransport({
      url: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      from: 'microcred <no-reply@example.org>',
    });
    await transport.send(MAIL);
    expect(received).toHaveLength(1);
    const message = unfolded(received[0] ?? '');
    expect(message).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(message).toMatch(
      /^List-Unsubscribe: <https:\/\/badges\.example\.edu\/notifications\/unsubscribe\//m,
    );
    expect(message).toMatch(/^To: earner@example\.org\r?$/m);
  });
});
