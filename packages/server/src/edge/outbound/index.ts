export {
  createGuardedFetcher,
  type ExchangeAnswer,
  type FetchedResource,
  type FetchLogger,
  type GuardedFetcher,
  type GuardedFetcherOptions,
  type HostLookup,
  type PostAnswer,
  type ResolvedAddress,
} from './create-guarded-fetcher.js';
export { type AllowedHost, parseFetchAllowList } from './fetch-allow-list.js';
export { guardedLogWitnessSender } from './guarded-log-witness-sender.js';
