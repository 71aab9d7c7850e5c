// First: zod 4 copies prototype methods at schema creation, so the OpenAPI extension must load before any schema.
import '@hono/zod-openapi';
import { tourPages } from './page-tour.test-support.js';

// The page tour's issuer console and platform administration pages (STOPS: page-tour-stops.test-support.ts).
tourPages(['console', 'admin'], { everyRoute: false });
