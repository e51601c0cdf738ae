import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from './platform/config.ts';
import type { Logger } from './platform/http/logger.ts';
import type { Db } from './platform/database/schema.ts';
import type { SessionRow } from './accounts/sessions-store.ts';

export interface AppEnv {
  Variables: {
    session: SessionRow | undefined;
  };
}

export type App = OpenAPIHono<AppEnv>;

export interface StaticPaths {
  /** Built widget bundle: `<repo>/dist/widgets`. */
  widgetsDir: string;
  /** Demo town site: `<repo>/demo`. */
  demoDir: string;
}

export interface AppDeps {
  db: Db;
  config: Config;
  logger?: Logger;
  staticPaths?: Partial<StaticPaths>;
}

export interface RouteDeps {
  db: Db;
  config: Config;
  logger: Logger;
  staticPaths: StaticPaths;
}
