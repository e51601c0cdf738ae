import { expect } from '@open-wc/testing';
import { ApiClient, ApiError, NetworkError, resolveApiBase } from '../src/api-client.ts';
import type { Service } from '../src/api-types.ts';
import { normaliseLang, resolveLang, translate } from '../src/i18n.ts';
import { clearTownCache, resolveTown, TownNotConfiguredError } from '../src/town.ts';
import { json, stubFetch, lakeview } from './fetch-stub.ts';
import type { FetchStub } from './fetch-stub.ts';
import { services as fetchServices } from '../src/services-api.ts';

describe('core', () => {
  let stub: FetchStub;
  beforeEach(() => {
    clearTownCache();
    stub = stubFetch();
  });
  afterEach(() => stub.restore());

  it('resolves the API base from the attribute or the script origin', () => {
    expect(resolveApiBase('https://services.lakeview.ca/')).to.equal('https://services.lakeview.ca');
    expect(resolveApiBase(undefined)).to.equal(location.origin);
  });

  it('parses the contract error body into an ApiError', async () => {
    stub.on('POST /towns/lakeview/requests', {
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Check the form', field: 'location.text', fields: [{ field: 'location.text', message: 'Required' }] } },
    });
    const client = new ApiClient(location.origin);
    const err = await client
      .post('/towns/lakeview/requests', { serviceCode: 'x', description: 'd', location: { text: 't' }, lang: 'en' }, { headers: { 'Idempotency-Key': 'k' } })
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ApiError);
    expect((err as ApiError).status).to.equal(400);
    expect((err as ApiError).code).to.equal('validation_failed');
    expect((err as ApiError).fields).to.deep.equal([{ field: 'location.text', message: 'Required' }]);
    expect(stub.calls[0]!.headers.get('Idempotency-Key')).to.equal('k');
  });

  it('retries a GET once, but never a POST, on network failure', async () => {
    stub.on('GET /towns', 'network-error').on('POST /auth/login', 'network-error');
    const client = new ApiClient(location.origin);
    expect(await client.listTowns().catch((e: unknown) => e)).to.be.instanceOf(NetworkError);
    expect(stub.calls).to.have.length(2);
    expect(await client.post('/auth/login', { email: 'a@b.c', password: 'x' }).catch((e: unknown) => e)).to.be.instanceOf(NetworkError);
    expect(stub.calls).to.have.length(3);
  });

  it('resolves the only town, and refuses to guess among several', async () => {
    stub.on('GET /towns', { status: 200, body: { towns: [lakeview] } });
    const client = new ApiClient(location.origin);
    expect(await resolveTown(client)).to.equal('lakeview');
    expect(await resolveTown(client)).to.equal('lakeview');
    expect(stub.calls).to.have.length(1);
    expect(await resolveTown(client, 'other')).to.equal('other');
    clearTownCache();
    stub.on('GET /towns', { status: 200, body: { towns: [lakeview, { ...lakeview, id: 'b' }] } });
    expect(await resolveTown(client).catch((e: unknown) => e)).to.be.instanceOf(TownNotConfiguredError);
  });

  it('takes the town munikit.js was served with, without asking the server', async () => {
    const registry = Symbol.for('munikit.towns');
    const g = globalThis as Record<symbol, unknown>;
    g[registry] = { 'https://services.lakeview.ca': [{ id: 'lakeview', defaultLanguage: 'en', languages: ['en', 'fr'] }] };
    try {
      expect(await resolveTown(new ApiClient('https://services.lakeview.ca'))).to.equal('lakeview');
      expect(await resolveTown(new ApiClient('https://services.lakeview.ca'), 'other')).to.equal('other');
      expect(stub.calls).to.have.length(0);
      // Another server on the same page is asked as before.
      stub.on('GET /towns', { status: 200, body: { towns: [{ ...lakeview, id: 'b' }] } });
      expect(await resolveTown(new ApiClient(location.origin))).to.equal('b');
      expect(stub.calls).to.have.length(1);
    } finally {
      delete g[registry];
    }
  });

  it('takes the answer munikit.js already asked for, once, as a fetch would have given it', async () => {
    const key = Symbol.for('munikit.prefetched');
    const g = globalThis as Record<symbol, unknown>;
    const prefetched = new Map<string, Promise<Response>>();
    g[key] = prefetched;
    const codes = (services: Service[]) => services.map((s) => s.code);
    const client = new ApiClient(location.origin);
    const services = client.url('/towns/lakeview/services', { lang: 'fr' });
    stub.on('GET /towns/lakeview/services', { status: 200, body: { services: [{ code: 'asked' }] } }).on('GET /towns/lakeview', { status: 200, body: lakeview });
    try {
      prefetched.set(services, Promise.resolve(json(200, { services: [{ code: 'early' }] })));
      expect(codes(await fetchServices(client, 'lakeview', 'fr'))).to.deep.equal(['early']);
      expect(stub.calls).to.have.length(0);
      // Taken once: the next call asks the server.
      expect(codes(await fetchServices(client, 'lakeview', 'fr'))).to.deep.equal(['asked']);
      // An error answer is the same ApiError; a prefetch that never got an answer is asked again.
      prefetched.set(services, Promise.resolve(json(404, { error: { code: 'not_found', message: 'No such town' } })));
      expect(await fetchServices(client, 'lakeview', 'fr').catch((e: unknown) => (e as ApiError).code)).to.equal('not_found');
      const dropped = Promise.reject(new TypeError('Failed to fetch'));
      dropped.catch(() => undefined);
      prefetched.set(client.url('/towns/lakeview'), dropped);
      expect((await client.getTown('lakeview')).id).to.equal('lakeview');
      expect(stub.calls.map((c) => c.url.pathname)).to.deep.equal(['/api/v1/towns/lakeview/services', '/api/v1/towns/lakeview']);
      // It was asked without credentials: a client that sends them (the staff console) asks itself.
      prefetched.set(services, Promise.resolve(json(200, { services: [{ code: 'early' }] })));
      expect(codes(await fetchServices(new ApiClient(location.origin, 'same-origin'), 'lakeview', 'fr'))).to.deep.equal(['asked']);
    } finally {
      delete g[key];
    }
  });

  it('normalises languages and resolves them across shadow roots', async () => {
    expect(normaliseLang('fr-CA')).to.equal('fr');
    expect(normaliseLang('FR')).to.equal('fr');
    expect(normaliseLang('de')).to.equal('en');
    expect(normaliseLang(undefined)).to.equal('en');
    const host = document.createElement('div');
    host.lang = 'fr';
    const inner = host.appendChild(document.createElement('span'));
    document.body.append(host);
    const shadow = inner.attachShadow({ mode: 'open' });
    const deep = document.createElement('b');
    shadow.append(deep);
    expect(resolveLang(deep)).to.equal('fr');
    expect(translate('fr', 'core', 'retry')).to.equal('Réessayer');
    host.remove();
  });
});
