#!/usr/bin/env node
// Adds up the Vitest JSON reports of every package (test-results/vitest*.json: the unit and
// integration run, and the browser run where there is one) and prints "passed failed".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
// The workspace packages: apps/*, packages/* and infra (the deployment manifests' tests).
const packages = [
  ...['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => ({ group, name })),
  ),
  { group: '.', name: 'infra' },
];
for (const { group, name } of packages) {
  const folder = join(root, group, name, 'test-results');
  if (!existsSync(folder)) continue;
  for (const file of readdirSync(folder).filter((entry) => /^vitest.*\.json$/.test(entry))) {
    const json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    passed += json.numPassedTests ?? 0;
    const failedTests = json.numFailedTests ?? 0;
    // A run that could not start (or a file that failed to load) has no failed test but must count.
    const brokenSuites =
      failedTests === 0
        ? Math.max(json.numFailedTestSuites ?? 0, json.success === false ? 1 : 0)
        : 0;
    failed += failedTests + brokenSuites;
    process.stderr.write(
      `${group}/${name} (${file}): ${json.numPassedTests} passed, ${failedTests + brokenSuites} failed\n`,
    );
  }
}
process.stdout.write(`${passed} ${failed}\n`);
