import type { CallResult, TestApp } from './test-app.js';

const HTML = 'text/html,application/xhtml+xml';

/**
 * One browser's visit to the pages over HTTP, without a browser: it keeps its cookies, sends the form
 * token its pages carry, and signs in through the emailed link as a person would.
 */
export class WebSession {
  readonly #test: Pick<TestApp, 'call' | 'platform'>;
  readonly #cookies = new Map<string, string>();

  constructor(test: Pick<TestApp, 'call' | 'platform'>) {
    this.#test = test;
  }

  #remember(result: CallResult): CallResult {
    for (const header of result.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const split = pair.indexOf('=');
      const name = pair.slice(0, split).trim();
      const value = pair.slice(split + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return result;
  }

  /** A cookie this browser holds (the session's, to find who is signed in). */
  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  #cookieHeader(): Record<string, string> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return cookie === '' ? {} : { Cookie: cookie };
  }

  async get(path: string): Promise<CallResult> {
    return this.#remember(
      await this.#test.call(path, { headers: { Accept: HTML, ...this.#cookieHeader() } }),
    );
  }

  /** Posts a form as the page would, with its anti-CSRF token (fetched first if no page was seen yet). */
  async post(path: string, fields: Readonly<Record<string, string>>, options: { csrf?: boolean } = {}) {
    if (!this.#cookies.has('mc_csrf')) await this.get('/signin');
    const body = new URLSearchParams({
      ...fields,
      ...(options.csrf === false ? {} : { _csrf: this.#cookies.get('mc_csrf') ?? '' }),
    });
    return this.#remember(
      await this.#test.call(path, {
        body: body.toString(),
        headers: {
          Accept: HTML,
          'Content-Type': 'application/x-www-form-urlencoded',
          ...this.#cookieHeader(),
        },
      }),
    );
  }

  /**
   * Posts a form and, when it answers See Other (Post/Redirect/Get), opens the page it points to, as a
   * browser does; any other answer (a refusal shown on the form) comes back as it is.
   */
  async postAndFollow(path: string, fields: Readonly<Record<string, string>>): Promise<CallResult> {
    const posted = await this.post(path, fields);
    const location = posted.headers.get('location');
    if (posted.status !== 303 || location === null) return posted;
    // The fragment is the browser's own: it never reaches the server.
    const target = new URL(location, 'http://localhost');
    return this.get(`${target.pathname}${target.search}`);
  }

  /** Posts a form with files (`multipart/form-data`), as an upload form would, with its anti-CSRF token. */
  async postMultipart(path: string, fields: Readonly<Record<string, string | File>>) {
    if (!this.#cookies.has('mc_csrf')) await this.get('/signin');
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('_csrf', this.#cookies.get('mc_csrf') ?? '');
    // A Request encodes the form and picks its boundary, as a browser would.
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    return this.#remember(
      await this.#test.call(path, {
        body: new Uint8Array(await encoded.arrayBuffer()),
        headers: {
          Accept: HTML,
          'Content-Type': encoded.headers.get('Content-Type') ?? '',
          ...this.#cookieHeader(),
        },
      }),
    );
  }

  /** Asks for a sign-in link for `email`, opens it from the mailbox and confirms it. */
  async signIn(email: string): Promise<CallResult> {
    await this.post('/signin', { email });
    const mail = (await this.#test.platform.mail.list(500)).find(
      (item) => item.toAddress === email.toLowerCase() && item.textBody.includes('/signin/'),
    );
    const path = mail?.textBody.match(/https?:\/\/[^/\s]+(\/signin\/[A-Za-z0-9_-]{43})/)?.[1];
    if (path === undefined) throw new Error(`no sign-in mail to ${email}`);
    await this.get(path);
    return this.post(path, {});
  }
}
