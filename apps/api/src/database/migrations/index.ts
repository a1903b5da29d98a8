import { InitialSchema1764633600000 } from './1764633600000-initial-schema.js';
import { RefreshTokens1764720000000 } from './1764720000000-refresh-tokens.js';

/** Every migration, in order. The API applies pending ones at start. */
export const MIGRATIONS = [InitialSchema1764633600000, RefreshTokens1764720000000];
