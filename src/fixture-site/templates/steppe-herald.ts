/**
 * The Steppe Herald: a busy regional portal. Metadata in JSON-LD `NewsArticle` (no articleBody) and
 * Open Graph; text in `<div class="article-body">` with a photo, caption and credit after the lede;
 * reader comments below.
 */
import { blockToHtml, escapeHtml as esc, parseMarkdown } from '../markdown.js';
import { humanDate, initials, type ArticlePageContext, type HomePageContext, type PageContext } from './context.js';

const NAV = [
  ['Kazakhstan', 'kazakhstan'], ['Tajikistan', 'tajikistan'], ['Kyrgyzstan', 'kyrgyzstan'], ['Uzbekistan', 'uzbekistan'],
  ['Diaspora', 'diaspora'], ['Economy', 'economy'], ['Society', 'society'], ['Sport', 'sport'], ['Culture', 'culture'],
  ['Opinion', 'opinion'], ['Video', 'video'], ['Podcasts', 'podcasts'],
] as const;

const TICKER = [
  'Tenge steady against the dollar in morning trading',
  'Almaty metro extends evening hours during Nauryz week',
  'Flood warning for North Kazakhstan region as snow melts',
];

function head(ctx: PageContext, title: string, canonical: string, extra: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | The Steppe Herald</title>
<link rel="canonical" href="${esc(canonical)}">
<link rel="alternate" type="application/rss+xml" title="The Steppe Herald" href="${esc(ctx.baseUrl + ctx.outlet.feedPath)}">
<link rel="stylesheet" href="/steppe-herald/static/main.css">
${extra}
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
</head>`;
}

function header(ctx: PageContext, tickerItems: string[]): string {
  return `<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>We use cookies to personalise content and ads and to analyse our traffic. By continuing to browse the site you agree to our use of cookies.</p>
  <button class="btn-accept">Accept all</button> <button class="btn-settings">Settings</button>
</div>
<div class="topbar"><span class="topbar__weather">Almaty +4&deg;C</span> <span class="topbar__rates">USD 449.10 &middot; EUR 487.35 &middot; RUB 4.86</span> <a href="/steppe-herald/subscribe">Subscribe</a> <a href="/steppe-herald/login">Sign in</a></div>
<header class="site-header">
  <a class="logo" href="${esc(ctx.outlet.homePath)}">The Steppe Herald</a>
  <nav class="main-nav"><ul>
${NAV.map(([label, slug]) => `    <li><a href="/steppe-herald/${slug}/">${label}</a></li>`).join('\n')}
  </ul></nav>
  <form class="search" action="/steppe-herald/search"><input name="q" placeholder="Search"></form>
</header>
<div class="breaking-ticker"><span class="breaking-ticker__label">Breaking</span><ul>
${tickerItems.map((t) => `  <li>${esc(t)}</li>`).join('\n')}
</ul></div>
<div class="ad-slot ad-slot--leaderboard" data-ad-unit="sh_top_728x90">Advertisement</div>`;
}

function footer(): string {
  return `<section class="newsletter-prompt">
  <h3>The Steppe Herald morning briefing</h3>
  <p>Five stories from across Central Asia in your inbox before breakfast.</p>
  <form action="/steppe-herald/newsletter"><input type="email" placeholder="Your e-mail"><button>Sign up</button></form>
</section>
<footer class="site-footer">
  <ul class="footer-links"><li><a href="/steppe-herald/about">About us</a></li><li><a href="/steppe-herald/contacts">Contacts</a></li><li><a href="/steppe-herald/advertising">Advertising</a></li><li><a href="/steppe-herald/privacy">Privacy policy</a></li><li><a href="/steppe-herald/rss.xml">RSS</a></li></ul>
  <p>&copy; 2024 The Steppe Herald, Almaty. Reproduction of materials is permitted only with a hyperlink to the source.</p>
  <p class="footer-social"><a href="https://t.me/steppeherald">Telegram</a> <a href="https://x.com/steppeherald">X</a> <a href="https://instagram.com/steppeherald">Instagram</a></p>
</footer>
<script src="/steppe-herald/static/app.js" async></script>
</body>
</html>
`;
}

export function renderHomePage(ctx: HomePageContext): string {
  const canonical = ctx.baseUrl + ctx.outlet.homePath;
  const [lead, ...rest] = ctx.articles;
  return `${head(ctx, 'News from Central Asia', canonical, `<meta property="og:site_name" content="The Steppe Herald">`)}
<body class="home">
${header(ctx, [...ctx.articles.slice(0, 2).map((a) => a.title), ...TICKER])}
<main class="home-grid">
${lead ? `  <section class="top-story"><h1><a href="${esc(lead.path)}">${esc(lead.title)}</a></h1><p>${esc(lead.summary)}</p></section>` : ''}
  <section class="latest"><h2>Latest</h2><ul>
${rest.map((a) => `    <li><a href="${esc(a.path)}">${esc(a.title)}</a> <span class="section">${esc(a.section)}</span> <time>${esc(humanDate(a.published))}</time></li>`).join('\n')}
  </ul></section>
  <aside class="ad-slot ad-slot--sidebar" data-ad-unit="sh_home_300x600">Advertisement</aside>
</main>
${footer()}`;
}

export function renderArticlePage(ctx: ArticlePageContext): string {
  const a = ctx.article;
  const canonical = ctx.baseUrl + a.path;
  const image = `${ctx.baseUrl}/steppe-herald/media/${a.slug}.svg`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.summary,
    datePublished: a.published,
    dateModified: a.published,
    ...(a.author ? { author: { '@type': 'Person', name: a.author } } : {}),
    publisher: { '@type': 'Organization', name: 'The Steppe Herald', logo: { '@type': 'ImageObject', url: `${ctx.baseUrl}/steppe-herald/static/logo.png` } },
    mainEntityOfPage: canonical,
    image: [image],
    articleSection: a.section,
    inLanguage: 'en',
  };
  const meta = [
    `<meta name="description" content="${esc(a.summary)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="The Steppe Herald">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:description" content="${esc(a.summary)}">`,
    `<meta property="og:url" content="${esc(canonical)}">`,
    `<meta property="og:image" content="${esc(image)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  ].join('\n');

  const blocks = parseMarkdown(a.body).map(blockToHtml);
  const figure = `<figure class="article-photo">
  <img src="/steppe-herald/media/${esc(a.slug)}.svg" alt="${esc(a.section)} illustration" width="800" height="450">
  <figcaption>${esc(a.section)}: an archive photo. <span class="credit">Photo: Steppe Herald / Aida Nurlanova</span></figcaption>
</figure>`;
  const body = [blocks[0] ?? '', figure, ...blocks.slice(1)].join('\n');

  const comments = ctx.comments.length
    ? `<section class="comments" id="comments">
  <h3>Comments (${ctx.comments.length})</h3>
${ctx.comments.map((c) => `  <div class="comment"><span class="avatar">${esc(initials(c.name))}</span><b class="comment__author">${esc(c.name)}</b><p>${esc(c.text)}</p><a class="reply" href="#comments">Reply</a></div>`).join('\n')}
  <p class="comments-rules">Comments are pre-moderated. Please read our <a href="/steppe-herald/rules">rules</a>.</p>
</section>`
    : `<section class="comments" id="comments"><h3>Comments</h3><p>Be the first to comment.</p></section>`;

  return `${head(ctx, a.title, canonical, meta)}
<body class="article">
${header(ctx, TICKER)}
<div class="breadcrumbs"><a href="/steppe-herald/">Home</a> &rsaquo; <a href="/steppe-herald/${esc(a.section.toLowerCase())}/">${esc(a.section)}</a></div>
<main class="layout">
  <div class="content">
    <h1 class="headline">${esc(a.title)}</h1>
    <p class="standfirst">${esc(a.summary)}</p>
    <div class="meta-line">${a.author ? `<span class="author-name">${esc(a.author)}</span> &middot; ` : ''}<span class="date">${esc(humanDate(a.published))}</span> &middot; <span class="views">${1000 + (a.slug.length * 137) % 9000} views</span></div>
    <div class="share-bar"><a href="https://www.facebook.com/sharer/sharer.php?u=${esc(encodeURIComponent(canonical))}">Facebook</a> <a href="https://t.me/share/url?url=${esc(encodeURIComponent(canonical))}">Telegram</a> <a href="https://wa.me/?text=${esc(encodeURIComponent(canonical))}">WhatsApp</a> <button class="copy-link">Copy link</button></div>
    <div class="article-body">
${body}
    </div>
    <div class="tags">Tags: <a href="/steppe-herald/${esc(a.section.toLowerCase())}/">${esc(a.section)}</a> <a href="/steppe-herald/central-asia/">Central Asia</a></div>
    <p class="typo-notice">Found a mistake? Select it and press Ctrl+Enter.</p>
    <section class="related"><h3>Related stories</h3><ul>
${ctx.related.map((r) => `      <li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`).join('\n')}
    </ul></section>
    ${comments}
  </div>
  <aside class="sidebar">
    <div class="ad-slot ad-slot--mpu" data-ad-unit="sh_article_300x250">Advertisement</div>
    <section class="most-read"><h3>Most read</h3><ol>
${ctx.mostRead.map((r) => `      <li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`).join('\n')}
    </ol></section>
    <div class="ad-slot ad-slot--mpu" data-ad-unit="sh_article_300x250_2">Advertisement</div>
  </aside>
</main>
${footer()}`;
}
