import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // Each kustomization is rendered once by kubectl (kubectl 1.20 takes a few seconds to start).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
