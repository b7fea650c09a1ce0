// The response cache lives in src/run/responseCache.ts: the judge uses it too.
export { cachedFetch } from '../../src/public/index.ts';
