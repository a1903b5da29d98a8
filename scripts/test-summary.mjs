#!/usr/bin/env node
// Adds up the Vitest JSON reports of every package (test-results/vitest.json) and prints "passed failed".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
for (const group of ['apps', 'packages']) {
  for (const name of readdirSync(join(root, group))) {
    const report = join(root, group, name, 'test-results', 'vitest.json');
    if (!existsSync(report)) continue;
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    // A suite that failed to load has no failed tests but must count.
    const failedTests = json.numFailedTests ?? 0;
    // A run that could not start (or a file that failed to load) has no failed test but must count.
    const brokenSuites =
      failedTests === 0
        ? Math.max(json.numFailedTestSuites ?? 0, json.success === false ? 1 : 0)
        : 0;
    failed += failedTests + brokenSuites;
    process.stderr.write(
      `${group}/${name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed\n`,
    );
  }
}
process.stdout.write(`${passed} ${failed}\n`);
