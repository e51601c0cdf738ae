// Real parts for the notifications tests: an SMTP server (smtp-server) whose messages are parsed by
// mailparser, and an HTTP receiver for webhooks. Both on free loopback ports, closed by the test.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DbOrTx, Lang } from '../../src/platform/database/schema.ts';
import { newId, nowIso } from '../../src/platform/database/schema.ts';
import { sha256Hex } from '../../src/notifications/tokens.ts';
import { subscriptionSecret, unsubscribeTokenFor } from '../../src/notifications/subscriptions-store.ts';

export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  close(): Promise<void>;
}

/** `refuseFirst`: how many messages to refuse with a temporary error (451) before accepting. */
export async function startSmtp(opts: { refuseFirst?: number } = {}): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  let refuse = opts.refuseFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (refuse > 0) {
        refuse--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((m) => {
          mails.push(m);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver answering each POST with the next status of `statuses` (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/munikit`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A subscriber row as the tracker's subscriptions module makes it (the unsubscribe token's SHA-256,
 * the token being the subscriptions module's unsubscribeTokenFor). Returns its id and token.
 */
export async function addSubscriber(
  db: DbOrTx,
  s: { townId: string; requestId: string; email: string; lang: Lang; status: 'pending' | 'confirmed' | 'unsubscribed' },
): Promise<{ id: string; unsubscribeToken: string }> {
  const id = newId();
  const token = unsubscribeTokenFor(await subscriptionSecret(db), id);
  await db
    .insertInto('request_subscribers')
    .values({
      id,
      town_id: s.townId,
      request_id: s.requestId,
      email: s.email,
      lang: s.lang,
      source: 'tracker',
      status: s.status,
      confirm_token_hash: null,
      unsubscribe_token_hash: sha256Hex(token),
      created_at: nowIso(),
      confirmed_at: s.status === 'confirmed' ? nowIso() : null,
      unsubscribed_at: s.status === 'unsubscribed' ? nowIso() : null,
    })
    .execute();
  return { id, unsubscribeToken: token };
}
