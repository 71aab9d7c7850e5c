import type { Logger } from 'pino';
import type { Actor } from '../domain/auth/actor.js';

/** What every request carries, set by the app's first middleware. */
export interface PublicEnv {
  Variables: {
    requestId: string;
    /** The app logger bound to this request's id. */
    logger: Logger;
  };
}

/** Routes behind bearer authentication also know who is asking. */
export interface ApiEnv {
  Variables: PublicEnv['Variables'] & { actor: Actor };
}
