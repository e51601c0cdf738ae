// Reads a raw request body into memory with a hard limit that holds while streaming: a declared
// Content-Length over the limit is refused before any byte is read, and a chunked (or lying) body is
// cancelled as soon as the running count passes the limit, so at most `max` bytes are ever buffered.
export type LimitedBody = { ok: true; data: Buffer } | { ok: false; reason: 'too_large' };

export async function readLimitedBody(req: Request, max: number): Promise<LimitedBody> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
    await req.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (!req.body) return { ok: true, data: Buffer.alloc(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  return { ok: true, data: Buffer.concat(chunks, size) };
}
