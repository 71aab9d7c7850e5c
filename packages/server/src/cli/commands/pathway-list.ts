import pino from 'pino';
import { loadConfig } from '../../config.js';
import { openPlatform } from '../../main.js';
import { presentPathway } from '../../presenters/present-pathway.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

/** `microcred pathway list`: the pathways on the configured database, with their ids. */
export async function pathwayList(options: { readonly json?: boolean }, io: Io): Promise<number> {
  const running = await openPlatform(loadConfig(process.env), pino({ level: 'warn' }));
  try {
    const found = await running.platform.pathways.list({ kind: 'admin' }, { limit: 500 });
    const presented = found.map((item) => presentPathway(running.platform.publicUrl, item));
    if (options.json === true) io.stdout(`${JSON.stringify(presented)}\n`);
    else
      for (const item of presented)
        io.stdout(`${item.id}  ${item.name} (${item.status}, version ${item.version})\n`);
    return 0;
  } finally {
    await running.close();
  }
}
