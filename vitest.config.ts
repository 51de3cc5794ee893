import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start emulators; forks keep their native modules isolated.
    pool: 'forks',
    // A guard against hangs, not a speed check (speed lives in npm run bench): synth and bundling tests
    // take ~30 s when the 2 cores are shared with other jobs.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The JSON report is what .ci/run counts; the default reporter is for humans.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
