#!/usr/bin/env node
// In a checkout with its dev dependencies (after `npm ci`), the command runs the TypeScript sources through
// tsx, so that it always runs the code as it stands. Without tsx (`npm ci --omit=dev` after
// `npm run build`), it runs the compiled JavaScript in dist/, as `npm start` does.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const sources = new URL('../src/main-entry.ts', import.meta.url);
const compiled = new URL('../dist/main-entry.js', import.meta.url);

// From source, workspace packages (@microcred/vc) must resolve to their sources too: their exports map
// them under this condition, which tsc (customConditions) and vitest are given as well.
const SOURCE_CONDITION_HOOK = `export function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: ['@microcred/source', ...context.conditions] });
}`;

async function importTsx() {
  try {
    return await import('tsx/esm/api');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

const tsx = existsSync(sources) ? await importTsx() : undefined;
if (tsx !== undefined) {
  register(`data:text/javascript,${encodeURIComponent(SOURCE_CONDITION_HOOK)}`);
  tsx.register();
  await import(sources.href);
} else if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  process.stderr.write('microcred: run `npm run build` first (or install the dev dependencies, with tsx)\n');
  process.exitCode = 1;
}
