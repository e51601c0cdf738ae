// Styles of an element's parts whose code arrives after the element is ready (kb-search's results
// and article, request-form's later steps): added to the element's shadow root after its own, as
// constructable style sheets, so no inline <style> is needed (a page's CSP may forbid one). An entry
// point of its own (@munikit/core/adopt-styles), fetched with that later code, not with core.
import type { CSSResult, LitElement } from 'lit';

export function adoptStyles(host: LitElement, style: CSSResult): void {
  const root = host.renderRoot as ShadowRoot;
  if (style.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, style.styleSheet];
  else {
    // No constructable style sheets in this browser: Lit put <style> elements in the root; so do we.
    const el = document.createElement('style');
    el.textContent = style.cssText;
    root.append(el);
  }
}
