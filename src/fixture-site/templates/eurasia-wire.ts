/**
 * Eurasia Wire: a news agency site. Metadata in `<meta name="article:published_time">` and
 * `<meta name="author">`; the byline is a `<span class="wire-byline__name">`; text in `<article>`.
 * No comments; a "more from the wire" rail and a licensing box instead.
 */
import { blockToHtml, escapeHtml as esc, parseMarkdown } from '../markdown.js';
import { sectionSlug } from '../outlets.js';
import { humanDate, type ArticlePageContext, type HomePageContext, type PageContext } from './context.js';

const DESKS = ['World', 'Politics', 'Economy', 'Markets', 'Society', 'Energy', 'Sport', 'Culture', 'Fact Check'];
const BUREAUS = ['Moscow', 'Brussels', 'Istanbul', 'Johannesburg'];
const TICKER = [
  'Brent crude edges higher in Asian trade',
  'EU foreign ministers meet in Brussels on Monday',
  'Istanbul stock exchange opens flat',
];

function head(ctx: PageContext, title: string, canonical: string, extra: string): string {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>${esc(title)} | Eurasia Wire</title>
<link rel="canonical" href="${esc(canonical)}">
<link rel="alternate" type="application/rdf+xml" href="${esc(ctx.baseUrl + ctx.outlet.feedPath)}">
${extra}
<link rel="stylesheet" href="/eurasia-wire/assets/wire.css">
</head>`;
}

function header(tickerItems: string[]): string {
  return `<div class="consent-overlay" aria-hidden="false"><div class="consent-box"><h2>Your privacy</h2><p>Eurasia Wire and its 142 partners store and access information on your device. You can change your choices at any time.</p><button>I agree</button><button>Manage options</button></div></div>
<header class="masthead">
  <div class="masthead__brand"><a href="/eurasia-wire/">EURASIA WIRE</a><span class="masthead__since">Independent news agency since 1998</span></div>
  <nav class="desk-nav">${DESKS.map((d) => `<a href="/eurasia-wire/${sectionSlug(d)}/">${d}</a>`).join(' ')}</nav>
  <nav class="bureau-nav">Bureaus: ${BUREAUS.map((b) => `<a href="/eurasia-wire/bureau/${b.toLowerCase()}/">${b}</a>`).join(' · ')}</nav>
</header>
<div class="wire-ticker" aria-live="polite"><strong>LATEST</strong> ${tickerItems.map((t) => `<a href="/eurasia-wire/latest/">${esc(t)}</a>`).join(' | ')}</div>
<div class="adv" id="adv-top">Sponsored content</div>`;
}

function footer(): string {
  return `<aside class="newsletter">Get the Eurasia Wire Daily Digest. <a href="/eurasia-wire/digest">Sign up for free</a></aside>
<footer class="wire-footer">
  <p>&copy; 2024 Eurasia Wire. All rights reserved. Republication or redistribution of Eurasia Wire content is expressly prohibited without prior written consent.</p>
  <p><a href="/eurasia-wire/terms">Terms of use</a> · <a href="/eurasia-wire/trust">Trust principles</a> · <a href="/eurasia-wire/index.rdf">RSS</a> · <a href="/eurasia-wire/contact">Contact a bureau</a></p>
</footer>
</body>
</html>
`;
}

export function renderHomePage(ctx: HomePageContext): string {
  return `${head(ctx, 'Breaking news and analysis', ctx.baseUrl + ctx.outlet.homePath, '<meta name="description" content="Eurasia Wire: news agency.">')}
<body class="wire-home">
${header([...ctx.articles.slice(0, 2).map((a) => a.title), ...TICKER])}
<main class="wire-list">
${ctx.articles.map((a) => `  <div class="wire-list__item"><span class="desk">${esc(a.section)}</span> <a href="${esc(a.path)}">${esc(a.title)}</a> <span class="stamp">${esc(a.publishedUtc.slice(0, 16).replace('T', ' '))} GMT</span></div>`).join('\n')}
</main>
${footer()}`;
}

export function renderArticlePage(ctx: ArticlePageContext): string {
  const a = ctx.article;
  const canonical = ctx.baseUrl + a.path;
  const meta = [
    `<meta name="description" content="${esc(a.summary)}">`,
    `<meta name="article:published_time" content="${esc(a.published)}">`,
    `<meta name="article:section" content="${esc(a.section)}">`,
    a.author ? `<meta name="author" content="${esc(a.author)}">` : '',
    `<meta name="robots" content="max-image-preview:large">`,
  ]
    .filter((m) => m !== '')
    .join('\n');
  const body = parseMarkdown(a.body).map(blockToHtml).join('\n      ');
  return `${head(ctx, a.title, canonical, meta)}
<body class="wire-story">
${header(TICKER)}
<main class="story-layout">
  <article class="story">
    <header class="story__header">
      <a class="story__desk" href="/eurasia-wire/${esc(sectionSlug(a.section))}/">${esc(a.section)}</a>
      <h1>${esc(a.title)}</h1>
      <div class="wire-byline">${a.author ? `<span class="wire-byline__name">${esc(a.author)}</span>` : ''}<span class="wire-byline__date">${esc(humanDate(a.published, 'month-first'))}</span></div>
    </header>
      ${body}
    <footer class="story__footer"><p class="editing-note">Editing by the Eurasia Wire desk. Our Standards: <a href="/eurasia-wire/trust">The Eurasia Wire Trust Principles</a>.</p>
      <p class="licensing">Purchase licensing rights, opens new tab</p></footer>
  </article>
  <aside class="rail">
    <section class="rail__block"><h2>Most read</h2><ol>
${ctx.mostRead.map((r) => `      <li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`).join('\n')}
    </ol></section>
    <div class="adv" id="adv-rail">Advertisement · Scroll to continue</div>
    <section class="rail__block"><h2>More from Eurasia Wire</h2><ul>
${ctx.related.map((r) => `      <li><a href="${esc(r.path)}">${esc(r.title)}</a><span class="desk">${esc(r.section)}</span></li>`).join('\n')}
    </ul></section>
  </aside>
</main>
${footer()}`;
}
