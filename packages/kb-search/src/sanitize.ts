// Article bodies are rendered and sanitised by the server, but the element does not rely on it: an
// allow-list pass in an inert <template> (nothing in it runs or loads) before it becomes the body's innerHTML.

const ALLOWED = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 blockquote pre code ul ol li dl dt dd strong em b i u s sub sup small abbr mark a img table caption thead tbody tfoot tr th td span div figure figcaption'.split(
    ' ',
  ),
);
/** Removed with everything inside them. */
const DROPPED = new Set('script style template iframe frame frameset object embed applet form input button textarea select option svg math link meta base noscript audio video source track canvas dialog'.split(' '));
const ATTRIBUTES: Record<string, string[]> = {
  '*': ['title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  abbr: [],
};

/** http(s), mailto, tel, or a relative or fragment link; never javascript:, data: or vbscript:. */
function safeUrl(value: string, images: boolean): boolean {
  // Browsers ignore control characters and spaces in a scheme ("java\tscript:").
  const v = [...value]
    .filter((ch) => ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1];
  if (!scheme) return true;
  return images ? scheme === 'https' || scheme === 'http' : ['https', 'http', 'mailto', 'tel'].includes(scheme);
}

function clean(node: ParentNode): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (child.nodeType !== Node.ELEMENT_NODE) {
      child.remove(); // comments, processing instructions
      continue;
    }
    const el = child as Element;
    const tag = el.localName;
    if (DROPPED.has(tag)) {
      el.remove();
      continue;
    }
    clean(el);
    if (!ALLOWED.has(tag)) {
      el.replaceWith(...el.childNodes); // keep the text of an unknown element
      continue;
    }
    const allowed = [...ATTRIBUTES['*']!, ...(ATTRIBUTES[tag] ?? [])];
    for (const attr of [...el.attributes]) {
      const ok = allowed.includes(attr.name) && ((attr.name !== 'href' && attr.name !== 'src') || safeUrl(attr.value, attr.name === 'src'));
      if (!ok) el.removeAttribute(attr.name);
    }
    if (tag === 'a' && /^https?:/i.test(el.getAttribute('href') ?? '')) el.setAttribute('rel', 'noopener noreferrer');
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level) {
      // The article's title is the element's h2: the body's headings go under it (h1, h2 → h3, …).
      const heading = document.createElement(`h${Math.min(6, Math.max(3, Number(level) + 1))}`);
      for (const attr of [...el.attributes]) heading.setAttribute(attr.name, attr.value);
      heading.append(...el.childNodes);
      el.replaceWith(heading);
    }
  }
}

/** The HTML with only allowed elements, attributes and URLs left. */
export function sanitizeHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  clean(template.content);
  const box = document.createElement('div');
  box.append(template.content);
  return box.innerHTML;
}
