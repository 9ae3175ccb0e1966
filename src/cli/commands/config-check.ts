import { loadPipeline } from '../../config/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** Validates the config and every pipeline it names; errors reach main, which exits 2. */
export default async function configCheck(ctx: Context): Promise<number> {
  const config = ctx.loadConfig();
  const pipelines = config.pipelines.map((ref) => loadPipeline(ref));
  ctx.io.stdout.write(
    `${config.file ?? 'defaults (no config file)'}: ok — ${config.feeds.length} feeds, database ${config.database}, ` +
      `pipelines ${pipelines.map((p) => `${p.name} ${p.version}`).join(', ')}\n`,
  );
  return EXIT.ok;
}
