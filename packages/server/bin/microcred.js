#!/usr/bin/env node
// The CLI runs from TypeScript sources through tsx, so `npx microcred` works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// zod 4 copies prototype methods onto each schema when it is built, so the OpenAPI extension must be
// installed before any module creates a schema: load it first, at the entry point.
await import('@hono/zod-openapi');
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
