// The HTTP layer's request schemas call `.openapi()` on zod schemas, which exists only once
// `@hono/zod-openapi` has extended zod. Test files share one module graph per worker (`isolate: false`), so
// whichever file loads zod first must not decide whether the extension is there: it is loaded first, always.
import '@hono/zod-openapi';
