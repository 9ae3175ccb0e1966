import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

export default async function dbMigrate(ctx: Context): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config, { migrate: true });
  try {
    ctx.logger.info(`${config.database}: schema version ${store.schemaVersion()}, up to date`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
