// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { tourPages } from './page-tour.test-support.js';

// The page tour's earner and employer pages (STOPS: page-tour-stops.test-support.ts).
tourPages(['earner', 'employer'], { everyRoute: false });
