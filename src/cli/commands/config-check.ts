import { loadPipeline } from '../../config/index.js';
import { ConfigError } from '../../errors.js';
import type { PipelineDef } from '../../model/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** Validates the config and every pipeline it names, reporting the problems of all of them at once; errors reach main, which exits 2. */
export default async function configCheck(ctx: Context): Promise<number> {
  const config = ctx.loadConfig();
  const pipelines: PipelineDef[] = [];
  const errors: ConfigError[] = [];
  for (const ref of config.pipelines) {
    try {
      pipelines.push(loadPipeline(ref));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw ConfigError.combine(errors);
  ctx.io.stdout.write(
    `${config.file ?? 'defaults (no config file)'}: ok — ${config.feeds.length} feeds, database ${config.database}, ` +
      `pipelines ${pipelines.map((p) => `${p.name} ${p.version}`).join(', ')}\n`,
  );
  return EXIT.ok;
}
