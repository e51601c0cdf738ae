import { defineConfig } from 'vitest/config';

// End-to-end suites: each file starts the real server (fresh DATA_DIR, free port) and drives the
// demo pages in the system Chromium. Files run one at a time; the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
