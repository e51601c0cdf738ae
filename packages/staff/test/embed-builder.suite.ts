// The embed builder: options → a live element and the snippet, colours checked for WCAG AA contrast.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import { contrastRatio, formatRatio } from '../src/embed-builder/contrast.ts';
import { snippet } from '../src/embed-builder/snippet.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const categories = (lang: string) => [{ id: 'c1', slug: lang === 'fr' ? 'dechets' : 'waste', name: lang === 'fr' ? 'Déchets' : 'Waste', articleCount: 3 }];
const services = (lang: string) => [
  { code: 'pothole', name: lang === 'fr' ? 'Nid-de-poule' : 'Pothole', description: '', group: '', keywords: [], anonymousAllowed: true, department: null, questions: [] },
];

describe('embed builder', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /towns/lakeview/kb/categories', (req) => ({ status: 200, body: { categories: categories(req.url.searchParams.get('lang') ?? 'en') } }))
      .on('GET /towns/lakeview/services', (req) => ({ status: 200, body: { lang: 'en', services: services(req.url.searchParams.get('lang') ?? 'en') } }))
      .on('GET /towns/lakeview/kb/index', (req) => ({ status: 200, body: { lang: req.url.searchParams.get('lang') ?? 'en', categories: [], articles: [] } }));
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  it('computes WCAG contrast ratios and writes the snippet', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.001);
    expect(contrastRatio('#fff', '#fff')).to.equal(1);
    expect(formatRatio(contrastRatio('#767676', '#ffffff')!)).to.equal('4.5');
    expect(formatRatio(contrastRatio('#777777', '#ffffff')!)).to.equal('4.4');
    expect(contrastRatio('red', '#fff')).to.equal(undefined);
    expect(
      snippet({ tag: 'muni-request-form', server: 'https://s.example', town: 'lakeview', lang: 'fr', category: 'x', service: 'pot"hole', colours: { '--muni-color-primary': '#0b5e4a' } }),
    ).to.equal(
      [
        '<script type="module" async src="https://s.example/widgets/munikit.js"></script>',
        '<style>',
        '  muni-request-form {',
        '    --muni-color-primary: #0b5e4a;',
        '  }',
        '</style>',
        '<muni-request-form town="lakeview" lang="fr" service="pot&quot;hole"></muni-request-form>',
      ].join('\n'),
    );
  });

  it('builds a snippet from the options, previews the real element, and warns about poor contrast', async function () {
    this.timeout(30_000);
    const app = await openConsole('/staff/settings/embed');
    const screen = await screenOf(app, 'muni-staff-embed-builder');
    expect($$(app, 'nav a').map((a) => a.getAttribute('href'))).to.include('/staff/settings/embed');
    const code = () => $<HTMLTextAreaElement>(screen, '#embed-code').value;
    expect(code()).to.contain(`<script type="module" async src="${location.origin}/widgets/munikit.js"></script>`);
    expect(code()).to.contain('<muni-kb-search town="lakeview"></muni-kb-search>');

    // The preview is the real element.
    await waitUntil(() => screen.shadowRoot!.querySelector('#preview muni-kb-search')?.shadowRoot, 'no live kb-search', { timeout: 10_000 });

    // A topic for the search.
    await waitUntil(() => $$(screen, '#embed-category option').length === 2, 'no categories');
    const category = $<HTMLSelectElement>(screen, '#embed-category');
    category.value = 'waste';
    category.dispatchEvent(new Event('change'));
    await (screen as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(code()).to.contain('<muni-kb-search town="lakeview" category="waste"></muni-kb-search>');
    expect(screen.shadowRoot!.querySelector('#preview muni-kb-search')!.getAttribute('category')).to.equal('waste');

    // The request form, French, a preselected service.
    $<HTMLInputElement>(screen, 'input[value="muni-request-form"]').click();
    await waitUntil(() => $$(screen, '#embed-service option').length === 2, 'no services');
    const lang = $<HTMLSelectElement>(screen, '#embed-lang');
    lang.value = 'fr';
    lang.dispatchEvent(new Event('change'));
    const service = $<HTMLSelectElement>(screen, '#embed-service');
    service.value = 'pothole';
    service.dispatchEvent(new Event('change'));
    await waitUntil(() => code().includes('<muni-request-form town="lakeview" lang="fr" service="pothole"></muni-request-form>'), 'form snippet');
    await waitUntil(() => screen.shadowRoot!.querySelector('#preview muni-request-form')?.shadowRoot, 'no live request form', { timeout: 10_000 });

    // Colours: good ones pass, the style block carries them and the preview shows them.
    type($<HTMLInputElement>(screen, '#colour-primary'), '#0b5e4a');
    await waitUntil(() => code().includes('--muni-color-primary: #0b5e4a;'), 'colour in snippet');
    const preview = screen.shadowRoot!.querySelector<HTMLElement>('#preview muni-request-form')!;
    expect(preview.style.getPropertyValue('--muni-color-primary')).to.equal('#0b5e4a');
    expect(screen.shadowRoot!.querySelector('#contrast-warning')).to.equal(null);
    await expect(screen).to.be.accessible();

    // Pale yellow buttons on white: fails for links (4.5:1) and for the buttons' edge (3:1).
    type($<HTMLInputElement>(screen, '#colour-primary'), '#ffeb99');
    await waitUntil(() => screen.shadowRoot!.querySelector('#contrast-warning'), 'no contrast warning');
    expect($<HTMLElement>(screen, '#contrast-warning').innerText).to.contain('3 pairs of colours fail');
    expect($$(screen, '.check--fail').map((li) => li.getAttribute('data-check'))).to.deep.equal(['button', 'link', 'ui']);
    // A colour that is not one is named and left out of the code.
    type($<HTMLInputElement>(screen, '#colour-text'), 'blue');
    await waitUntil(() => $<HTMLInputElement>(screen, '#colour-text').getAttribute('aria-invalid') === 'true', 'invalid colour not flagged');
    expect(code()).not.to.contain('--muni-color-text');
    // The preview shows the poor colours on purpose: contrast is what the warning is about.
    await expect(screen).to.be.accessible({ ignoredRules: ['color-contrast'] });
    type($<HTMLInputElement>(screen, '#colour-primary'), '');
    type($<HTMLInputElement>(screen, '#colour-text'), '');
    await waitUntil(() => !screen.shadowRoot!.querySelector('#contrast-warning'), 'warning stays');
    expect(code()).not.to.contain('<style>');
    await expect(screen).to.be.accessible();
  });

  it('is in French, and axe-clean', async function () {
    this.timeout(30_000);
    const app = await openConsole('/staff/settings/embed', 'fr');
    const screen = await screenOf(app, 'muni-staff-embed-builder');
    expect($<HTMLElement>(screen, 'h1').innerText).to.equal('Intégrer un widget');
    await waitUntil(() => $$(screen, '#embed-category option').map((o) => o.textContent).includes('Déchets'), 'French categories');
    type($<HTMLInputElement>(screen, '#colour-background'), '#000000');
    await waitUntil(() => screen.shadowRoot!.querySelector('#contrast-warning'), 'no contrast warning');
    expect($<HTMLElement>(screen, '#contrast-warning').innerText).to.match(/paires de couleurs n’atteignent pas/);
    expect($<HTMLElement>(screen, '.check').innerText).to.match(/1,2:1/);
    await expect(screen).to.be.accessible({ ignoredRules: ['color-contrast'] });
    type($<HTMLInputElement>(screen, '#colour-background'), '');
    await waitUntil(() => !screen.shadowRoot!.querySelector('#contrast-warning'), 'warning stays');
    await expect(screen).to.be.accessible();
  });
});
