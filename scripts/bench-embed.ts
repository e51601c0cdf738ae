// `npm run bench:embed`: each resident element on its demo page over a rural line (400 ms latency,
// 50 KB/s, cold cache) in the system Chromium: the time from navigation to the element ready to use,
// every request on the way, and the round trips in sequence before ready (the critical path). Goal
// (issue 9): ≤ 3 s. Prints, never asserts. Run `npm run build` first. BENCH_ROUNDS (3) loads of each
// page; the median is the figure. The load average is printed: on a busy machine the figures swell.
import { loadavg } from 'node:os';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startServer } from '../tests/e2e/support/server.ts';
import { CASES, SLOW_LINE, formatPath, formatTiming, timeToReady, type Timing } from '../tests/e2e/support/slow-line.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const server = await startServer();
const browser = await launchBrowser();
try {
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`line: ${SLOW_LINE.latency} ms latency, ${SLOW_LINE.downloadThroughput / 1024} KB/s; ${ROUNDS} cold loads each, median shown\n`);
  const summary: string[] = [];
  for (const c of CASES) {
    const runs: Timing[] = [];
    for (let i = 0; i < ROUNDS; i++) runs.push(await timeToReady(browser, server.url, c));
    runs.sort((a, b) => a.readyMs - b.readyMs);
    const median = runs[Math.floor(runs.length / 2)]!;
    console.log(formatTiming(c, median) + '\n');
    summary.push(`${`<${c.tag}>`.padEnd(24)} ${(median.readyMs / 1000).toFixed(2)} s  (runs: ${runs.map((r) => (r.readyMs / 1000).toFixed(2)).join(', ')})\n    ${formatPath(median)}`);
  }
  console.log(summary.join('\n'));
  console.log(`\nload average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
} finally {
  await browser.close();
  await server.stop();
}
