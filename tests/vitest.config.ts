import { defineConfig } from 'vitest/config';

// End-to-end suites: each file starts the real server (fresh DATA_DIR, free port) and drives the
// demo pages in the system Chromium. Files run one at a time; the machine has two cores.
// tests/open311/: the Open311 GeoReport v2 conformance suite (app.request() on both dialects, and
// the real server).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts', 'tests/open311/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A page on a busy two-core machine can take seconds to load its widgets: poll for 10 s, not 1.
    expect: { poll: { timeout: 10_000 } },
  },
});
