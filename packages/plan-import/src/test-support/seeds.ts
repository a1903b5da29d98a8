/**
 * Where the seed documents are: `../shared/seeds/` beside the repository root. Tests that need
 * them are skipped when the folder is missing, except under `CI=true`, where a missing folder fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let guard = 0; guard < 10; guard++) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
}

export const REPO_ROOT = repositoryRoot();
export const SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');
export const SEEDS_PRESENT = existsSync(SEEDS_DIR);
export const IN_CI = process.env.CI === 'true';
/** Run the seed tests: the folder is there, or CI demands them (and then they fail without it). */
export const RUN_SEED_TESTS = SEEDS_PRESENT || IN_CI;

export const SEED_FILES = {
  '000': '000_f7f2992ca6234a2c.txt',
  '001': '001_db8bd46d2dd6e5b9.txt',
  '002': '002_84b893657160b16a.txt',
  '003': '003_be7d98821bed4f13.txt',
  '004': '004_3d958af6174669dc.txt',
} as const;
export type SeedId = keyof typeof SEED_FILES;
export const SEED_IDS = Object.keys(SEED_FILES) as SeedId[];

export function seedText(id: SeedId): string {
  const path = join(SEEDS_DIR, SEED_FILES[id]);
  if (!existsSync(path)) {
    throw new Error(`Seed ${SEED_FILES[id]} is missing from ${SEEDS_DIR} (CI=${String(IN_CI)}).`);
  }
  return readFileSync(path, 'utf8');
}
