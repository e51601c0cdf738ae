// Theming from the host page: ::part rules and --muni-* properties reach inside; the page's font and
// text colour are inherited by default so the element looks native.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.ts';
import type { MuniRequestStatus } from '../src/request-status.ts';
import { clearTownCache } from '@munikit/core';
import { $, stubFetch, stubTown } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';

const PAGE_CSS = `
.themed-page { font-family: Georgia, serif; color: rgb(40, 50, 60); font-size: 18px; }
.themed-page muni-request-status::part(button) { border-radius: 0px; text-transform: uppercase; }
`;

describe('theming <muni-request-status>', () => {
  let stub: FetchStub;
  let sheet: HTMLStyleElement;

  beforeEach(() => {
    clearTownCache();
    stub = stubTown(stubFetch());
    sheet = document.createElement('style');
    sheet.textContent = PAGE_CSS;
    document.head.append(sheet);
    // The themed page is the body itself: a plain wrapper element would make fixture() wait for an
    // animation frame, which never comes while the runner shows another test file's page.
    document.body.classList.add('themed-page');
  });
  afterEach(() => {
    stub.restore();
    sheet.remove();
    document.body.classList.remove('themed-page');
  });

  const mount = (style = '') => fixture<MuniRequestStatus>(html`<muni-request-status lang="en" style=${style}></muni-request-status>`);

  it("inherits the page's font and text colour by default", async () => {
    const el = await mount();
    await el.updateComplete;
    const label = $<HTMLElement>(el, 'label');
    const css = getComputedStyle(label);
    expect(css.fontFamily).to.contain('Georgia');
    expect(css.color).to.equal('rgb(40, 50, 60)');
    expect(css.fontSize).to.equal('18px');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('lets the page style a part', async () => {
    const el = await mount();
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="button"]');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(button).textTransform).to.equal('uppercase');
  });

  it('changes colours, font, radius and spacing through the custom properties', async () => {
    const el = await mount(
      '--muni-color-primary: rgb(11, 94, 74); --muni-color-on-primary: rgb(255, 255, 240); --muni-color-text: rgb(1, 2, 3); --muni-font-family: Verdana; --muni-radius: 9px; --muni-spacing: 2em; --muni-focus-ring: 4px dashed rgb(200, 0, 0)',
    );
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, '[part="button"]');
    const b = getComputedStyle(button);
    expect(b.backgroundColor).to.equal('rgb(11, 94, 74)');
    expect(b.color).to.equal('rgb(255, 255, 240)');
    const input = $<HTMLInputElement>(el, '#reference');
    expect(getComputedStyle(input).borderTopLeftRadius).to.equal('9px');
    const label = $<HTMLElement>(el, 'label');
    expect(getComputedStyle(label).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(label).fontFamily).to.contain('Verdana');
    // 1.5 × 2em × 18px
    expect(getComputedStyle($<HTMLElement>(el, '[part="form"]')).marginBottom).to.equal('54px');
    input.focus();
    // :focus-visible from a script focus follows the keyboard heuristics; check the rule's value instead.
    expect(getComputedStyle(el).getPropertyValue('--_muni-focus-ring').trim()).to.equal('4px dashed rgb(200, 0, 0)');
  });
});
