import { type DoctorFinding, ok, problem, warning } from './doctor-finding.js';
import type { SmtpGreeting } from './greet-smtp.js';

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/**
 * Sign-in links and claim mails depend on SMTP. Without SMTP_URL, mail goes to files and the development
 * mailbox, which nobody outside reads.
 */
export async function checkSmtp(options: {
  readonly smtpUrl: string | undefined;
  readonly greet: (url: string) => Promise<SmtpGreeting>;
}): Promise<DoctorFinding> {
  if (options.smtpUrl === undefined)
    return warning(
      'smtp',
      'SMTP_URL is not set: mail is written to DATA_DIR/outbox and shown at /dev/mailbox, not for production (earners get no sign-in or claim mail)',
      'set SMTP_URL=smtps://user:password@smtp.example.org:465',
    );
  const shown = withoutPassword(options.smtpUrl);
  try {
    const answer = await options.greet(options.smtpUrl);
    return ok('smtp', `${shown} answers: ${answer.greeting}`);
  } catch (error) {
    return problem(
      'smtp',
      `${shown} is not reachable: ${error instanceof Error ? error.message : String(error)}`,
      'check the host and port in SMTP_URL, and that this machine may reach it (firewall, smtps on 465 or smtp on 587)',
    );
  }
}
