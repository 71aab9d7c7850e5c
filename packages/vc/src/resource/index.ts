export {
  createResourceMap,
  type ResourceCacheOptions,
  type ResourceMap,
  type ResourceMapOptions,
} from './create-resource-map.js';
export { createMapFetcher, type ResourceFetcher, refuseAllFetcher } from './resource-fetcher.js';
