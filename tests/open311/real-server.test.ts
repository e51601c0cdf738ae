// Open311 against the real server, as a 311 app meets it: `npm start`'s process on a free port with
// the demo town, a key given by MUNIKIT_OPEN311_KEYS, a form-encoded POST read back as XML (the
// format FixMyStreet reads), and nothing secret or personal in the server's output.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../e2e/support/server.ts';

const KEY = 'e2e-open311-key-0123456789abcdef';
const parser = new XMLParser({ isArray: (name) => ['request', 'error', 'service'].includes(name), parseTagValue: false });

describe('Open311 on the real server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ MUNIKIT_OPEN311_KEYS: KEY });
  });
  afterAll(() => server.stop());

  const readXml = async (res: Response) => {
    const text = await res.text();
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(XMLValidator.validate(text)).toBe(true);
    return parser.parse(text) as Record<string, { request?: Record<string, string>[]; error?: Record<string, string>[]; service?: Record<string, string>[] }>;
  };

  it('serves the demo town’s services and files a request with the environment’s key', async () => {
    const services = await readXml(await fetch(`${server.url}/open311/v2/services.xml`));
    expect(services.services!.service!.map((s) => s.service_code)).toContain('pothole');

    const body = new URLSearchParams({
      api_key: KEY,
      service_code: 'pothole',
      description: 'Deep pothole, call me at 613-555-0142',
      lat: '44.1',
      long: '-77.3',
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace.hopper@example.com',
      'attribute[pothole-size]': 'large',
    });
    const res = await fetch(`${server.url}/open311/v2/requests.xml`, { method: 'POST', body });
    expect(res.status).toBe(201);
    const [filed] = (await readXml(res)).service_requests!.request!;
    expect(filed!.service_request_id).toMatch(/^LKV-/);

    const one = await fetch(`${server.url}/open311/v2/requests/${filed!.service_request_id}.json`);
    const [request] = (await one.json()) as Record<string, unknown>[];
    expect(request).toMatchObject({ service_request_id: filed!.service_request_id, status: 'open', lat: 44.1, long: -77.3 });
    expect(JSON.stringify(request)).not.toMatch(/Grace|Hopper|grace\.hopper|613-555-0142|Deep pothole/);

    const refused = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams({ api_key: 'wrong-key-wrong-key-wrong-key', service_code: 'pothole' }) });
    expect(refused.status).toBe(403);
  });

  it('never writes the key or the resident’s details to its output', () => {
    const log = server.output();
    expect(log).toMatch(/added 1 Open311 API key/);
    for (const secret of [KEY, 'grace.hopper@example.com', 'Hopper', '613-555-0142']) expect(log).not.toContain(secret);
  });
});
