import type { Actor } from '../domain/auth/actor.js';
import type { PublicEnv } from '../edge/public-env.js';

/** Routes behind bearer authentication also know who is asking. */
export interface ApiEnv {
  Variables: PublicEnv['Variables'] & { actor: Actor };
}
