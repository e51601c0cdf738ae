// A resident's phone on a rural line, for the embed timings (tests/e2e/slow-line.test.ts and
// `npm run bench:embed`): Chromium throttled through the DevTools protocol to 400 ms latency and
// 50 KB/s each way, a cold cache, and the time from navigation to an element ready to use.
import type { Browser } from 'playwright-core';

export const SLOW_LINE = { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 };

export interface Case {
  tag: 'muni-kb-search' | 'muni-request-form' | 'muni-request-status';
  page: string;
  /** What "ready" means for a resident: they can type and get an answer. */
  what: string;
}

export const CASES: Case[] = [
  { tag: 'muni-kb-search', page: '/', what: 'search box with its index loaded' },
  { tag: 'muni-request-form', page: '/report.html', what: 'form with its services listed' },
  { tag: 'muni-request-status', page: '/track.html', what: 'reference box' },
];

export interface Timing {
  /** Milliseconds from the start of navigation to the element ready (the page's performance clock). */
  readyMs: number;
  /** Bytes over the wire (compressed, headers included) and requests, up to that moment. */
  bytes: number;
  requests: number;
  /** Each request: when it started and finished (ms from navigation), its URL path and DevTools resource type. */
  waterfall: Request[];
}

export interface Request {
  path: string;
  start: number;
  end: number;
  bytes: number;
  /** Document, Script, Fetch, Stylesheet, Image… */
  type: string;
}

export async function timeToReady(browser: Browser, baseURL: string, c: Case): Promise<Timing> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_LINE);
    const started = new Map<string, { url: string; at: number; type: string }>();
    const done: { url: string; start: number; end: number; bytes: number; type: string }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { url: e.request.url, at: e.timestamp, type: e.type ?? 'Other' }));
    cdp.on('Network.loadingFinished', (e) => {
      const s = started.get(e.requestId);
      if (s) done.push({ url: s.url, start: s.at, end: e.timestamp, bytes: e.encodedDataLength, type: s.type });
    });
    await page.goto(c.page, { waitUntil: 'commit' });
    const readyMs = await page.waitForFunction(
      (tag) => {
        // Reads the elements' own state (runtime fields, private in TypeScript).
        const el = document.querySelector(tag) as (HTMLElement & { state?: string; loadState?: string }) | null;
        const root = el?.shadowRoot;
        if (!el || !root?.querySelector('input')) return false;
        if (tag === 'muni-kb-search' && el.state !== 'ready') return false;
        if (tag === 'muni-request-form' && el.loadState !== 'ready') return false;
        return performance.now();
      },
      c.tag,
      { polling: 'raf', timeout: 60_000 },
    );
    const ms = (await readyMs.jsonValue()) as number;
    // Network timestamps are monotonic seconds; the navigation request is the first one sent.
    const origin = Math.min(...[...started.values()].map((s) => s.at));
    const waterfall = done
      .map((d) => ({ path: new URL(d.url).pathname + new URL(d.url).search, start: (d.start - origin) * 1000, end: (d.end - origin) * 1000, bytes: d.bytes, type: d.type }))
      .filter((d) => d.end <= ms + 50)
      .sort((a, b) => a.start - b.start);
    return { readyMs: ms, bytes: waterfall.reduce((s, d) => s + d.bytes, 0), requests: waterfall.length, waterfall };
  } finally {
    await context.close();
  }
}

/**
 * The round trips in sequence before ready: the last request to finish, the page or script that had
 * finished just before it started (what asked for it), and so on back to the page. Only the page and
 * scripts start requests here; a request that starts after another ended did not have to wait for it
 * unless it is that kind, so this is the chain a shorter time has to cut.
 */
export function criticalPath(t: Timing): Request[] {
  const last = t.waterfall.reduce<Request | undefined>((a, d) => (!a || d.end > a.end ? d : a), undefined);
  const chain = last ? [last] : [];
  for (let at = last; at && at.start > 0; ) {
    at = t.waterfall
      .filter((d) => (d.type === 'Document' || d.type === 'Script') && d.end <= at!.start)
      .reduce<Request | undefined>((a, d) => (!a || d.end > a.end ? d : a), undefined);
    if (at) chain.unshift(at);
  }
  return chain;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const file = (path: string) => path.replace(/^\/widgets\/(chunks\/)?/, '').replace(/-[\w-]{8}\.js$/, '.js');

/** One line: each round trip on the critical path with the time it ended, then ready. */
export const formatPath = (t: Timing): string => {
  const chain = criticalPath(t);
  return `${chain.map((d) => `${file(d.path)} ${seconds(d.end)}`).join(' → ')} → ready ${seconds(t.readyMs)} (${chain.length} round trips in sequence)`;
};

export const formatTiming = (c: Case, t: Timing): string =>
  [
    `<${c.tag}> on ${c.page}: ${c.what} at ${(t.readyMs / 1000).toFixed(2)} s (${t.requests} requests, ${(t.bytes / 1024).toFixed(1)} KB)`,
    ...t.waterfall.map((d) => `    ${(d.start / 1000).toFixed(2).padStart(5)} → ${(d.end / 1000).toFixed(2).padStart(5)} s ${String(Math.round(d.bytes / 102.4) / 10).padStart(6)} KB  ${d.path}`),
    `  critical path: ${formatPath(t)}`,
  ].join('\n');
