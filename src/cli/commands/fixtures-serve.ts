import { startFixtureServer } from '../../fixture-site/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** Serves the fixture news site until SIGINT/SIGTERM. */
export default async function fixturesServe(ctx: Context, options: { port: number }): Promise<number> {
  const server = await startFixtureServer({ port: options.port });
  ctx.io.stdout.write(`fixture news site on ${server.url}/ — feeds:\n`);
  for (const feed of ['/steppe-herald/rss.xml', '/volga-monitor/atom.xml', '/eurasia-wire/index.rdf']) ctx.io.stdout.write(`  ${server.url}${feed}\n`);
  ctx.logger.info('press Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}
