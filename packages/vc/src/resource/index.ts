export { createMapFetcher, type ResourceFetcher, refuseAllFetcher } from './resource-fetcher.js';
