import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `microcred ARGS…` in-process, capturing what it prints. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(['node', 'microcred', ...args], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}
