/**
 * A page whose site is not on the town's list sees every API call fail like a dropped connection: the
 * browser hides the reason (CORS) from scripts. When a call to another server fails while the browser
 * is online, one request for a file every site may read (munikit.js: any origin, any resource policy)
 * tells whether the server is there at all; if it is, the page is not allowed, and the webmaster gets a
 * console message naming the setting that fixes it. Once per server and page.
 */
const checked = new Set<string>();

export function settingToChange(pageOrigin: string, base: string): string {
  return (
    `MuniKit: this page (${pageOrigin}) may not use the MuniKit server at ${base}. ` +
    `Add ${pageOrigin} to the town's "Websites that may show the widgets" (staff console → Town settings), ` +
    `or to the server's MUNIKIT_ALLOWED_ORIGINS.`
  );
}

export async function explainBlockedOrigin(base: string): Promise<boolean> {
  const pageOrigin = location.origin;
  if (checked.has(base) || new URL(base).origin === pageOrigin || !navigator.onLine) return false;
  checked.add(base);
  try {
    const res = await fetch(`${base}/widgets/munikit.js`, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
    if (!res.ok) throw new Error(String(res.status));
  } catch {
    checked.delete(base); // really unreachable (or the page's CSP forbids it, which the browser reports)
    return false;
  }
  console.error(settingToChange(pageOrigin, base));
  return true;
}
