import type { Actor } from '../../src/domain/auth/actor.js';
import type { TestApp } from './test-app.js';
import { WebSession } from './web-session.js';

// Type imports only, and the administrator written out: a value import of the domain (or of
// test-platform.ts) from here would load it before the test app installs the OpenAPI extension.
const ADMIN: Actor = { kind: 'admin' };

/** The people an employer workspace test signs in as. */
export interface EmployerSessions {
  /** The demo employer's owner. */
  readonly owner: WebSession;
  /** A viewer of the demo employer (`viewer@example.com`). */
  readonly viewer: WebSession;
  /** The owner of another employer, "Other Co" (`boss@other.example`). */
  readonly otherOwner: WebSession;
  readonly anonymous: WebSession;
}

/**
 * Adds a viewer to the demo employer and another employer with its owner, and signs each in. (The owner's
 * address comes from the caller: importing the demo module here would build the domain's request schemas
 * before the test app installs the OpenAPI extension.)
 */
export async function employerSessions(
  test: TestApp,
  demo: { readonly employerId: string; readonly ownerEmail: string },
): Promise<EmployerSessions> {
  const demoEmployerId = demo.employerId;
  await test.platform.employers.invite(ADMIN, demoEmployerId, {
    email: 'viewer@example.com',
    role: 'viewer',
  });
  await test.platform.employers.create(ADMIN, {
    slug: 'other-co',
    name: 'Other Co',
    ownerEmail: 'boss@other.example',
  });
  const owner = new WebSession(test);
  await owner.signIn(demo.ownerEmail);
  const viewer = new WebSession(test);
  await viewer.signIn('viewer@example.com');
  const otherOwner = new WebSession(test);
  await otherOwner.signIn('boss@other.example');
  return { owner, viewer, otherOwner, anonymous: new WebSession(test) };
}
