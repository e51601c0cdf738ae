import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from './platform/config.ts';
import type { Logger } from './platform/http/logger.ts';
import type { Db } from './platform/database/schema.ts';
import type { SessionRow } from './accounts/sessions-store.ts';
import type { Access } from './accounts/permissions.ts';
import type { TownDirectory } from './towns/directory.ts';
import type { Town } from './towns/store.ts';

export interface AppEnv {
  Variables: {
    session: SessionRow | undefined;
    /** Set by townContext on every /towns/{town} route. */
    town: Town;
    /** The database, for shared middleware (permissions, audit). */
    db: Db;
    /** Set by requirePermission on a town route: the signed-in user's role there. */
    access: Access | undefined;
  };
}

export type App = OpenAPIHono<AppEnv>;

export interface StaticPaths {
  /** Built widget bundle: `<repo>/dist/widgets`. */
  widgetsDir: string;
  /** Demo town site: `<repo>/demo`. */
  demoDir: string;
}

/** What the process tells the app about its life: `draining` once it is shutting down (then /readyz says 503). */
export interface Lifecycle {
  draining: boolean;
}

export interface AppDeps {
  db: Db;
  config: Config;
  logger?: Logger;
  staticPaths?: Partial<StaticPaths>;
  lifecycle?: Lifecycle;
}

export interface RouteDeps {
  db: Db;
  towns: TownDirectory;
  config: Config;
  logger: Logger;
  staticPaths: StaticPaths;
  lifecycle: Lifecycle;
}
