// Puts the `{town}` of the path on the context (c.var.town), or answers 404 for an unknown town.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-types.ts';
import type { TownDirectory } from '../../towns/directory.ts';
import { townNotFound } from './errors.ts';

export function townContext(towns: TownDirectory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('town');
    const town = id ? await towns.get(id) : undefined;
    if (!town) return townNotFound(c);
    c.set('town', town);
    await next();
  };
}
