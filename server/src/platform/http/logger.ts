// Structured logs: one JSON object per line on stdout (pino), so a log shipper or `jq` can read them.
// Every line written while a request is being answered carries that request's id (see request-log.ts),
// without call sites passing it around. Errors keep their type, message, code and stack only: a database
// error's `detail` can quote the values of the row (an email address), and those never reach a log.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

/** The request being answered, for the lines logged while answering it. */
export const requestScope = new AsyncLocalStorage<{ reqId: string }>();

function serializeError(err: Error & { code?: unknown }) {
  return { type: err.name, message: err.message, ...(err.code === undefined ? {} : { code: String(err.code) }), stack: err.stack };
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => requestScope.getStore() ?? {},
      serializers: { err: serializeError },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  const write = (l: Exclude<LogLevel, 'silent'>) => (msg: string, extra?: unknown) => {
    if (extra === undefined) log[l](msg);
    else if (extra instanceof Error) log[l]({ err: extra }, msg);
    else if (typeof extra === 'object' && extra !== null) log[l](extra as object, msg);
    else log[l]({ detail: extra }, msg);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
