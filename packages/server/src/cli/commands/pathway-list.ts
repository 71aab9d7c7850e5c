import { presentPathway } from '../../presenters/present-pathway.js';
import { withPlatform } from '../with-platform.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

/** `microcred pathway list`: the pathways on the configured database, with their ids. */
export async function pathwayList(options: { readonly json?: boolean }, io: Io): Promise<number> {
  return withPlatform(async (platform) => {
    const found = await platform.pathways.list({ kind: 'admin' }, { limit: 500 });
    const presented = found.map((item) => presentPathway(platform.publicUrl, item));
    if (options.json === true) io.stdout(`${JSON.stringify(presented)}\n`);
    else
      for (const item of presented)
        io.stdout(`${item.id}  ${item.name} (${item.status}, version ${item.version})\n`);
    return 0;
  });
}
