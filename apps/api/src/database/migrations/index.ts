import { InitialSchema1764633600000 } from './1764633600000-initial-schema.js';
import { RefreshTokens1764720000000 } from './1764720000000-refresh-tokens.js';
import { Jobs1764806400000 } from './1764806400000-jobs.js';
import { CompositeScores1764892800000 } from './1764892800000-composite-scores.js';
import { ResultsImportIndexes1764979200000 } from './1764979200000-results-import-indexes.js';
import { DataChangeNotifications1765065600000 } from './1765065600000-data-change-notifications.js';

/** Every migration, in order. Applied once per deploy, under a lock (database/migrate.ts). */
export const MIGRATIONS = [
  InitialSchema1764633600000,
  RefreshTokens1764720000000,
  Jobs1764806400000,
  CompositeScores1764892800000,
  ResultsImportIndexes1764979200000,
  DataChangeNotifications1765065600000,
];
