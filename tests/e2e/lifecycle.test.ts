// The server's life as an operator sees it: /readyz says when to send traffic, and a SIGTERM in the middle
// of a resident's filing still answers that filing (and keeps it), refuses new connections, and exits 0.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'munikit-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const body = JSON.stringify({
  serviceCode: 'pothole',
  description: 'A pothole filed while the server was being stopped.',
  location: { text: '12 Shoreline Road' },
  answers: { 'pothole-size': 'medium' },
  lang: 'en',
});

/** Starts a filing whose body arrives in two parts; `finish()` sends the rest and resolves with the answer. */
function slowFiling(url: string) {
  const { hostname, port } = new URL(url);
  let resolveAnswer!: (a: { status: number; body: string; connection: string | undefined }) => void;
  const answer = new Promise<{ status: number; body: string; connection: string | undefined }>((r) => (resolveAnswer = r));
  const req = http.request({
    hostname,
    port,
    method: 'POST',
    path: '/api/v1/towns/lakeview/requests',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
  });
  req.on('response', (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d: string) => (text += d));
    res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return {
    finish: () => {
      req.end(body.slice(half));
      return answer;
    },
  };
}

describe('server lifecycle', () => {
  it('is ready once migrated; on SIGTERM answers the filing in flight, takes no new connection, exits 0; the filing survives', async () => {
    const first = await startServer({ LOG_LEVEL: 'info' }, { dataDir });
    const ready = await fetch(`${first.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });

    const filing = slowFiling(first.url);
    await new Promise((r) => setTimeout(r, 500)); // the server has the headers and waits for the body
    const exited = new Promise<number | null>((r) => first.process.once('exit', (code) => r(code)));
    first.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));

    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();
    const answer = await filing.finish();
    expect(answer.status, answer.body).toBe(201);
    expect(answer.connection).toBe('close');
    const { reference } = JSON.parse(answer.body) as { reference: string };
    expect(await exited, first.output()).toBe(0);

    const log = first.output();
    expect(log).toContain('shutting down');
    expect(log).toContain('shut down cleanly');
    // Logs are JSON lines.
    for (const line of log.split('\n').filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line) as unknown).not.toThrow();

    const second = await startServer({}, { dataDir });
    try {
      const found = await fetch(`${second.url}/api/v1/towns/lakeview/requests/${reference}`);
      expect(found.status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
