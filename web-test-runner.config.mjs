import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, chromiumPath } from './tests/chromium.ts';

const REPORT_FILE = 'reports/web-test-runner.json';

/** Writes {"passed","failed","skipped"} for the top-level test script to sum with other suites. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) walk(session.testResults);
        // A file that failed to load (syntax error, 404 import, browser crash) has no test results.
        if (!session.passed && counts.failed === before && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      mkdirSync(dirname(REPORT_FILE), { recursive: true });
      writeFileSync(REPORT_FILE, `${JSON.stringify(counts)}\n`);
    },
  };
}

export default {
  files: ['packages/*/test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time (about 20 s slower than two). A page whose tests ended while its elements'
  // later code was still loading sometimes never reported back: the munikit.js loader tests, which
  // load every element's real code on one page, now run end to end instead (tests/e2e/loader.test.ts).
  concurrency: 1,
  // Generous: a busy two-core machine can take seconds to resize a photo or load a lazy chunk.
  testFramework: { config: { timeout: 30000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), countsReporter()],
};
