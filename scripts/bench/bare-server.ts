// The ceiling for a route: a bare Hono app on @hono/node-server answering one line. Run as a child
// process by scripts/bench-intake.ts, exactly as the MuniKit server is.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, () => console.log('listening'));
