import { storyFingerprint } from '../../analyze/index.js';
import { loadAnalyzers } from '../../pipeline/index.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

const BATCH = 200;

/** Re-runs analysis on every stored article (earlier analyses stay in the database as history) and regroups stories. */
export default async function reanalyze(ctx: Context, options: { pipeline?: string; json?: boolean }): Promise<number> {
  const config = ctx.loadConfig();
  const store = ctx.openStore(config);
  try {
    const analyzers = loadAnalyzers({ pipelines: options.pipeline ? [options.pipeline] : config.pipelines }, ctx.io.clock);
    let done = 0;
    let flagged = 0;
    let lastId = 0;
    for (let ids = store.articleIds(0, BATCH); ids.length > 0; ids = store.articleIds(lastId, BATCH)) {
      const fingerprints: { id: number; simhash: string | null }[] = [];
      for (const id of ids) {
        const article = store.getArticle(id);
        if (!article) continue;
        fingerprints.push({ id, simhash: storyFingerprint(article.title, article.text) });
        for (const stored of analyzers.run(article.title, article.text, article.lang)) {
          store.saveAnalysis(id, stored);
          if (stored.analysis.flagged) flagged++;
        }
        done++;
        lastId = id;
      }
      store.setSimhashes(fingerprints);
      ctx.logger.info(`reanalysed ${done} articles`);
    }
    const stories = store.reassignStories();
    const summary = { articles: done, flagged, stories: stories.stories };
    if (options.json) ctx.io.stdout.write(JSON.stringify(summary) + '\n');
    else ctx.io.stderr.write(`reanalysed ${done} articles; ${flagged} flagged; ${stories.stories} stories\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
