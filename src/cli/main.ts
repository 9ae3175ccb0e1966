import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, LockedError, StoreError, UsageError, XenoscopeError } from '../errors.js';
import { createContext, type Context, type GlobalOptions, type Io } from './context.js';
import { sanitizeForTerminal } from './render/sanitize.js';

import { EXIT } from './exit-codes.js';

export { EXIT };

type Action = (ctx: Context, ...args: never[]) => Promise<number>;

/** Commands are loaded when run, so `xenoscope --help` and a cron run load only what they need. */
const lazy =
  (load: () => Promise<{ default: Action }>) =>
  (state: State) =>
  async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = createContext(state.io, command.optsWithGlobals() as GlobalOptions);
    const { default: run } = await load();
    state.code = await (run as (ctx: Context, ...rest: unknown[]) => Promise<number>)(ctx, ...args.slice(0, -1));
  };

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, received \`${value}\``);
  return n;
};
const isoDate = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, received \`${value}\``);
  return value;
};

interface State {
  ctx: Context | null;
  code: number;
  io: Io;
}

function buildProgram(state: State, io: Io): Command {
  const program = new Command('xenoscope')
    .description('Monitor xenophobia in the news: crawl feeds, extract and tag articles, count trends, review the strongest cases.')
    .version('0.1.0', '-V, --version')
    .option('-c, --config <file>', 'config file (default: $XENOSCOPE_CONFIG or ./config.yaml)')
    .option('--db <file>', 'database file (overrides config and $XENOSCOPE_DATABASE)')
    .option('-q, --quiet', 'no progress or info lines on stderr')
    .option('-v, --verbose', 'debug lines on stderr')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  const run = (load: () => Promise<{ default: Action }>) => lazy(load)(state);

  program
    .command('crawl')
    .description('fetch every configured feed and its new articles; extract, analyze and store them')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--all', 'fetch every feed now, whether due or not (feeds are otherwise fetched on their adaptive schedule)')
    .addHelpText('after', '\nExit codes: 0 all feeds fetched, 3 finished but some feeds or pages failed, 2 bad config.\nCron: */30 * * * * cd /srv/xenoscope && npx xenoscope crawl --quiet')
    .action(run(() => import('./commands/crawl.js')));

  program
    .command('schedule')
    .description('crawl on the cron expression in config (schedule.cron) in one long-lived process')
    .option('--run-now', 'crawl once at start, then on schedule')
    .action(run(() => import('./commands/schedule.js')));

  program
    .command('extract')
    .description('extract article text and metadata from saved HTML files')
    .argument('<files...>', 'HTML files')
    .option('--jsonl', 'one JSON line per file: {file, title, text, author, published, lang}')
    .option('--url <url>', 'page URL, to resolve relative links')
    .action(run(() => import('./commands/extract.js')));

  program
    .command('analyze')
    .description('analyze texts: JSON lines {id, title?, text} on stdin → JSON lines with flags, categories, targets, entities, matches')
    .option('--jsonl', 'read JSON lines on stdin, write JSON lines on stdout')
    .option('-p, --pipeline <name>', 'pipeline name or YAML file', 'xenophobia')
    .argument('[files...]', 'plain-text files to explain (instead of --jsonl)')
    .action(run(() => import('./commands/analyze.js')));

  program
    .command('reanalyze')
    .description('re-run analysis and story fingerprints on stored articles after a pipeline change, without fetching again')
    .option('-p, --pipeline <name>', 'pipeline to run (default: every configured pipeline)')
    .option('--json', 'print the summary as JSON')
    .action(run(() => import('./commands/reanalyze.js')));

  const byOption = new Option('--by <period>', 'bucket size').choices(['day', 'week', 'month']).default('week');
  const formatOption = new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table');
  program
    .command('trends')
    .description('count flagged articles per day, week or month')
    .option('--category <id>', 'only articles with this category')
    .option('--term <term>', 'only articles where this lexicon term counted')
    .option('--entity <name>', 'only articles mentioning this entity')
    .option('--source <name>', 'only this outlet (feed name)')
    .option('--target <id>', 'only articles about this target group')
    .addOption(byOption)
    .option('--since <date>', 'from this date (YYYY-MM-DD, inclusive)', isoDate)
    .option('--until <date>', 'to this date (YYYY-MM-DD, exclusive)', isoDate)
    .option('--normalize', 'show counts as a share of all articles from the same sources in the period')
    .option('--all-articles', 'count every article with the evidence, flagged or not')
    .addOption(new Option('--count <unit>', 'count articles, or stories (copies of one story from several outlets count once)').choices(['articles', 'stories']).default('articles'))
    .option('-p, --pipeline <name>', 'pipeline whose analyses to count', 'xenophobia')
    .option('--pipeline-version <version>', 'count only analyses made by this pipeline version')
    .addOption(formatOption)
    .action(run(() => import('./commands/trends.js')));

  program
    .command('compare')
    .description('flagged coverage before and after an event, in total and per category')
    .requiredOption('--event <date>', 'the event date (YYYY-MM-DD), e.g. 2024-03-22', isoDate)
    .option('--days <n>', 'length of each window in days', positiveInt, 28)
    .option('--category <id>', 'only articles with this category')
    .option('--term <term>', 'only articles where this lexicon term counted')
    .option('--entity <name>', 'only articles mentioning this entity')
    .option('--source <name>', 'only this outlet (feed name)')
    .option('--target <id>', 'only articles about this target group')
    .addOption(new Option('--count <unit>', 'count articles, or stories (copies counted once)').choices(['articles', 'stories']).default('articles'))
    .option('--all-articles', 'count every article with the evidence, flagged or not')
    .option('-p, --pipeline <name>', 'pipeline whose analyses to count', 'xenophobia')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(run(() => import('./commands/compare.js')));

  const top = program.command('top').description('rank entities mentioned in flagged articles');
  top
    .command('entities')
    .description('entities by the number of flagged articles that mention them')
    .addOption(new Option('--type <type>', 'entity type').choices(['person', 'organization', 'location', 'other']))
    .option('--since <date>', 'from this date (YYYY-MM-DD)', isoDate)
    .option('--until <date>', 'to this date (YYYY-MM-DD, exclusive)', isoDate)
    .option('--source <name>', 'only this outlet')
    .option('--all-articles', 'count every article, flagged or not')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .option('-p, --pipeline <name>', 'pipeline', 'xenophobia')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(run(() => import('./commands/top-entities.js')));

  const review = program.command('review').description('the review queue: flagged articles → confirmed | dismissed | followup');
  review
    .command('list')
    .description('flagged articles not yet reviewed, highest score first')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .option('--all', 'include articles already reviewed')
    .addOption(new Option('--label <label>', 'only articles whose current label is this').choices(['confirmed', 'dismissed', 'followup']))
    .option('-p, --pipeline <name>', 'pipeline', 'xenophobia')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(run(() => import('./commands/review.js').then((m) => ({ default: m.list }))));
  review
    .command('show')
    .description('one article with its score, reasons and highlighted matches')
    .argument('<id>', 'article id', positiveInt)
    .option('-p, --pipeline <name>', 'pipeline', 'xenophobia')
    .option('--json', 'print the article, analysis and decisions as JSON')
    .action(run(() => import('./commands/review.js').then((m) => ({ default: m.show }))));
  review
    .command('label')
    .description('record a decision (decisions are kept; the latest is the label)')
    .argument('<id>', 'article id', positiveInt)
    .addArgument(new Argument('<label>', 'the decision').choices(['confirmed', 'dismissed', 'followup']))
    .option('--note <text>', 'a note for colleagues')
    .option('--reviewer <name>', 'who decided (default: $USER)')
    .action(run(() => import('./commands/review.js').then((m) => ({ default: m.label }))));
  review
    .command('export')
    .description('every review decision with its article, as CSV or JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .action(run(() => import('./commands/review.js').then((m) => ({ default: m.exportDecisions }))));

  const stories = program.command('stories').description('copies of one story (syndicated, rewritten, mirrored) grouped by story fingerprint');
  stories
    .command('list')
    .description('stories with several articles, newest first: story id, size, outlets, first title')
    .option('--since <date>', 'stories that began on or after this date (YYYY-MM-DD)', isoDate)
    .option('--until <date>', 'stories that began before this date (YYYY-MM-DD, exclusive)', isoDate)
    .option('--min-size <n>', 'only stories with at least this many articles', positiveInt, 2)
    .option('-n, --limit <n>', 'how many', positiveInt, 50)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .action(run(() => import('./commands/stories.js').then((m) => ({ default: m.list }))));
  stories
    .command('show')
    .description("a story's articles: outlet, date, title, URL and how far each is from the first")
    .argument('<id>', 'story id (the id of its first article)', positiveInt)
    .option('--json', 'as JSON')
    .action(run(() => import('./commands/stories.js').then((m) => ({ default: m.show }))));
  stories
    .command('rebuild')
    .description('fingerprint every stored article again and regroup the stories (reanalyze does this too)')
    .option('--json', 'print the summary as JSON')
    .action(run(() => import('./commands/stories.js').then((m) => ({ default: m.rebuild }))));

  program
    .command('search')
    .description('full-text search over stored articles (SQLite FTS5 syntax)')
    .argument('<query>', 'e.g. raid AND Kazan')
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .action(run(() => import('./commands/search.js')));

  const feeds = program.command('feeds').description('feeds from config.yaml and those added here: list, add, remove, import, export, health, revive, discover');
  feeds
    .command('list')
    .description('the feeds a crawl uses, with source, last fetch, failures, article count and schedule')
    .option('--json', 'as JSON')
    .option('--all', 'include disabled feeds and feeds no longer in config.yaml')
    .action(run(() => import('./commands/feeds.js')));
  feeds
    .command('add')
    .description('store a feed beside those of config.yaml; the next crawl fetches it')
    .argument('<url>', 'feed URL (RSS, RDF or Atom)')
    .requiredOption('--name <name>', 'outlet name, unique (shown in trends and review)')
    .option('--country <code>', 'ISO 3166 country code of the outlet, e.g. RU')
    .option('--language <tag>', 'language the outlet writes in, e.g. en')
    .option('--tags <list>', 'comma-separated labels, e.g. regional,russia')
    .action(run(() => import('./commands/feeds-add.js')));
  feeds
    .command('remove')
    .description('forget a feed added with `feeds add` or `feeds import`; its articles stay in the database')
    .argument('<url>', 'feed URL')
    .action(run(() => import('./commands/feeds-remove.js')));
  feeds
    .command('import')
    .description("store the feeds of an OPML file (a feed reader's export); folders become tags")
    .argument('<file>', 'OPML file')
    .option('--dry-run', 'show what would be added, add nothing')
    .action(run(() => import('./commands/feeds-import.js')));
  feeds
    .command('export')
    .description('the feeds a crawl uses as OPML 2.0 on stdout, for feed readers or `feeds import`')
    .option('--title <text>', 'title of the OPML document', 'xenoscope feeds')
    .action(run(() => import('./commands/feeds-export.js')));
  feeds
    .command('health')
    .description('per feed: status, last success, last new item, failures, items per day, duplicate share, next due')
    .option('--json', 'as JSON')
    .option('--failing-after <hours>', 'hours without a success before a failing feed counts as failing', positiveInt, 24)
    .addHelpText(
      'after',
      '\nA feed is failing when its last fetch failed (1 or more failures in a row) and it has had no successful\n' +
        'fetch for --failing-after hours, or never; dead when that has lasted\n' +
        'more than crawl.schedule.deadAfterDays days (default 3).\n' +
        'Exit codes: 0 no feed failing, 3 some feed failing (for monitoring checks), 2 bad config.',
    )
    .action(run(() => import('./commands/feeds-health.js')));
  feeds
    .command('revive')
    .description('reset the failures of a feed (or of every failing feed) so the next crawl fetches it')
    .argument('[url]', 'feed URL')
    .option('--all', 'every feed with failures')
    .action(run(() => import('./commands/feeds-revive.js')));
  feeds
    .command('disable')
    .description('stop crawling a feed but keep it and its history')
    .argument('<url>', 'feed URL')
    .action(run(() => import('./commands/feeds-disable.js').then((m) => ({ default: m.disable }))));
  feeds
    .command('enable')
    .description('crawl a disabled feed again')
    .argument('<url>', 'feed URL')
    .action(run(() => import('./commands/feeds-disable.js').then((m) => ({ default: m.enable }))));
  feeds
    .command('discover')
    .description("fetch a page and list the feeds it announces or links to")
    .argument('<url>', 'page URL, e.g. an outlet\'s front page')
    .option('--json', 'as JSON')
    .action(run(() => import('./commands/feeds-discover.js')));

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending schema migrations to the database')
    .action(run(() => import('./commands/db-migrate.js')));

  const config = program.command('config').description('configuration');
  config
    .command('check')
    .description('validate the config file and the pipelines it names; exit 2 on any problem')
    .action(run(() => import('./commands/config-check.js')));

  const fixtures = program.command('fixtures').description('the bundled fixture news site');
  fixtures
    .command('serve')
    .description('serve the fixture news site on 127.0.0.1 until interrupted')
    .option('--port <n>', 'port (0 = any free port)', (v) => (v === '0' ? 0 : positiveInt(v)), 8470)
    .action(run(() => import('./commands/fixtures-serve.js')));

  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const state: State = { ctx: null, code: EXIT.ok, io };
  const program = buildProgram(state, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander has printed the message and the usage hint
  }
  const say = (text: string) => io.stderr.write(`xenoscope: ${sanitizeForTerminal(text)}\n`);
  if (error instanceof ConfigError) {
    say(`invalid configuration (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):`);
    io.stderr.write(error.message.split('\n').map((l) => `  - ${sanitizeForTerminal(l)}`).join('\n') + '\n');
    return EXIT.usage;
  }
  if (error instanceof LockedError) {
    say(`${error.message}; this run did nothing`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    say(error.message);
    return EXIT.usage;
  }
  if (error instanceof StoreError) {
    say(`database error: ${error.message}`);
    return EXIT.internal;
  }
  if (error instanceof XenoscopeError) {
    say(`${error.code}: ${error.message}`);
    return EXIT.internal;
  }
  say(`internal error (please report it): ${(error as Error)?.stack ?? String(error)}`);
  return EXIT.internal;
}

function defaultIo(): Io {
  process.stdout.on('error', exitOnClosedPipe);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), clock: { now: () => new Date() } };
}

/**
 * A reader that stops early (`xenoscope analyze --jsonl < texts.jsonl | head`) closes the pipe:
 * stop quietly, as Unix tools do, rather than die on the next write with a stack trace. Whatever a
 * command had stored is committed already. Any other error on stdout stays an error.
 */
function exitOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
}
