// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { tourPages } from './page-tour.test-support.js';

// The page tour's public pages, and its check that STOPS (page-tour.test-support.ts) names every page.
tourPages(['public'], { everyRoute: true });
