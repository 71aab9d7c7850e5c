// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { tourPages } from './page-tour.test-support.js';

// The page tour's pages for the signed-in: earners, issuers' consoles, employers, the platform's administrators
// (STOPS: page-tour.test-support.ts). The public pages, about as long a visit, are the other file's.
tourPages(['earner', 'console', 'employer', 'admin'], { everyRoute: false });
