import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { ConnectedApp } from '../ports/index.js';

/** The apps an earner allowed to use their backpack through the OB 3.0 API. */
export async function listConnectedApps(context: PlatformContext, earnerId: string): Promise<ConnectedApp[]> {
  return context.storage.obApi.listConnected({ earnerId });
}

/** Ends every grant the earner gave this app: its tokens stop working at once. */
export async function disconnectApp(
  context: PlatformContext,
  earnerId: string,
  clientId: string,
): Promise<void> {
  const revoked = await context.storage.obApi.revokeClient({ earnerId, clientId, at: context.now() });
  if (revoked === 0) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such connected app');
}
