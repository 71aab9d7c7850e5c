// The `microcred` command: bin/microcred.js runs this module, compiled (dist/main-entry.js, as `npm start`
// does) or from source through tsx. zod 4 copies prototype methods onto each schema when it is built, so
// the OpenAPI extension must be installed before any module creates a schema: it is loaded first.
await import('@hono/zod-openapi');
const { main } = await import('./cli/main.js');
process.exitCode = await main(process.argv);
