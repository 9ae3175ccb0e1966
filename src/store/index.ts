export { openStore, Store, type OpenStoreOptions } from './store.js';
export { SCHEMA_VERSION } from './migrations/index.js';
export type * from './types.js';
export { STORY_MAX_DISTANCE, STORY_WINDOW_DAYS } from './story-bands.js';
