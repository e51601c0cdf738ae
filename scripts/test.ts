// `npm test`: every suite in turn (build, bundle size, type check, lint, server, components, end to end).
// Each step runs even when an earlier one failed, so one run shows every problem; the last line sums
// the test counts as `N passed, N failed` (type check, lint and build count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  name: string;
  command: string[];
  /** Where the step writes its test counts; absent for a step that is one check. */
  report?: string;
  read?: (json: unknown) => Counts;
}

const readVitest = (json: unknown): Counts => {
  const r = json as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};
const readPlain = (json: unknown): Counts => json as Counts;

const vitest = (config: string, name: string): string[] => [
  'npx', 'vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`,
];

const steps: Step[] = [
  { name: 'build', command: ['npm', 'run', 'build'] },
  { name: 'bundle size', command: ['node', '--experimental-strip-types', 'scripts/bundle-size.ts', '--check'] },
  { name: 'webmaster guide up to date', command: ['node', '--experimental-strip-types', 'scripts/webmaster-docs.ts', '--check'] },
  { name: 'api types up to date', command: ['node', '--experimental-strip-types', 'scripts/api-types.ts', '--check'] },
  { name: 'type check', command: ['npx', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'server (vitest)', command: vitest('server/vitest.config.ts', 'vitest-server'), report: 'vitest-server.json', read: readVitest },
  { name: 'components (web-test-runner)', command: ['npx', 'web-test-runner', '--config', 'web-test-runner.config.mjs'], report: 'web-test-runner.json', read: readPlain },
  { name: 'end to end (playwright)', command: vitest('tests/vitest.config.ts', 'vitest-e2e'), report: 'vitest-e2e.json', read: readVitest },
];

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
let anyFailed = false;

for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const [cmd, ...args] = step.command as [string, ...string[]];
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let ok = result.status === 0;
  let counts: Counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  const reportPath = step.report ? join(reports, step.report) : undefined;
  if (reportPath && step.read && existsSync(reportPath)) {
    counts = step.read(JSON.parse(readFileSync(reportPath, 'utf8')));
    // A runner that exits non-zero without a failing test (a crash, a suite that did not load) is a failure.
    if (!ok && counts.failed === 0) counts.failed = 1;
  } else if (reportPath) {
    // A test runner that wrote no report has not shown that anything passed.
    console.error(`${step.name}: no report at ${reportPath}`);
    counts = { passed: 0, failed: 1, skipped: 0 };
    ok = false;
  }
  anyFailed ||= !ok;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name.padEnd(30)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed ${String(counts.skipped).padStart(3)} skipped  ${seconds}s`);
}

const summary = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
writeFileSync(join(reports, 'summary.txt'), summary + '\n');
console.log('\n' + lines.join('\n'));
console.log(summary);
process.exit(anyFailed || total.failed > 0 ? 1 : 0);
