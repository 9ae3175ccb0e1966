/**
 * Volga Monitor: a Russian regional news site. No JSON-LD, no Open Graph, no author meta: only a
 * `<time datetime>` and a visible "By …" byline. Text sits in nested divs, with an inline
 * "Read also:" block between paragraphs; a lively comment section follows.
 */
import { blockToHtml, escapeHtml as esc, parseMarkdown } from '../markdown.js';
import { humanDate, type ArticlePageContext, type HomePageContext, type PageContext } from './context.js';

const REGIONS = ['Kazan', 'Samara', 'Nizhny Novgorod', 'Yekaterinburg', 'Moscow region', 'Ulyanovsk', 'Saratov', 'Perm'];
const RUBRICS = ['Politics', 'Society', 'Economy', 'Incidents', 'Sport', 'Culture', 'Transport', 'Weather', 'Real estate'];
const TICKER = [
  'Ice drift on the Volga expected to begin next week',
  'Samara tram route 5 closed for repairs until April',
  'Kazan airport adds summer flights to Antalya',
];

function head(ctx: PageContext, title: string, canonical: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)} — Volga Monitor</title>
<link rel="canonical" href="${esc(canonical)}">
<link rel="alternate" type="application/atom+xml" href="${esc(ctx.baseUrl + ctx.outlet.feedPath)}">
<link rel="stylesheet" href="/volga-monitor/css/site.css?v=20240301">
<script src="/volga-monitor/js/counter.js" async></script>
</head>`;
}

function header(tickerItems: string[]): string {
  return `<div class="gdpr-bar">This site uses cookies and the Yandex.Metrica service. <a href="/volga-monitor/cookies">More</a> <span class="gdpr-bar__close">OK</span></div>
<div class="region-switch">Your region: <b>Kazan</b> ${REGIONS.map((r) => `<a href="/volga-monitor/region/${r.toLowerCase().replace(/ /g, '-')}/">${r}</a>`).join(' | ')}</div>
<div class="header"><div class="header__inner">
  <a class="header__logo" href="/volga-monitor/"><span>VOLGA</span>MONITOR</a>
  <ul class="header__menu">${RUBRICS.map((r) => `<li><a href="/volga-monitor/rubric/${r.toLowerCase().replace(/ /g, '-')}/">${r}</a></li>`).join('')}</ul>
  <a class="header__tips" href="/volga-monitor/tips">Send us news</a>
</div></div>
<div class="marquee"><b>Now:</b> ${tickerItems.map((t) => `<span class="marquee__item">${esc(t)}</span>`).join(' &bull; ')}</div>
<div class="banner banner--top"><a href="/volga-monitor/ads/click?id=4411"><img src="/volga-monitor/ads/banner-1000x120.gif" alt="Advertising" width="1000" height="120"></a></div>`;
}

function footer(): string {
  return `<div class="subscribe-box"><b>Volga Monitor on Telegram</b> — the main news of the region in one channel. <a href="https://t.me/volgamonitor">Subscribe</a></div>
<div class="footer"><div class="footer__inner">
  <p>Online publication "Volga Monitor". Registered as a mass medium. 18+</p>
  <p><a href="/volga-monitor/editorial">Editorial office</a> | <a href="/volga-monitor/advertising">Advertising</a> | <a href="/volga-monitor/rules">Rules for comments</a> | <a href="/volga-monitor/atom.xml">Atom</a></p>
  <p>When using materials of the site, an active link to Volga Monitor is required.</p>
</div></div>
</body>
</html>
`;
}

export function renderHomePage(ctx: HomePageContext): string {
  return `${head(ctx, 'News of the Volga region', ctx.baseUrl + ctx.outlet.homePath)}
<body>
${header([...ctx.articles.slice(0, 3).map((a) => a.title), ...TICKER])}
<div class="wrap"><div class="col-main">
  <div class="feed-list">
${ctx.articles.map((a) => `    <div class="feed-list__item"><time datetime="${esc(a.published)}">${esc(humanDate(a.published))}</time> <a href="${esc(a.path)}">${esc(a.title)}</a> <span class="rubric">${esc(a.section)}</span></div>`).join('\n')}
  </div>
</div>
<div class="col-side"><div class="banner banner--side">Advertising</div></div></div>
${footer()}`;
}

export function renderArticlePage(ctx: ArticlePageContext): string {
  const a = ctx.article;
  const canonical = ctx.baseUrl + a.path;
  const blocks = parseMarkdown(a.body);
  const readAlso = ctx.related.slice(0, 2);
  const parts: string[] = [];
  let paragraphs = 0;
  blocks.forEach((block, i) => {
    parts.push(`        ${blockToHtml(block)}`);
    if (block.kind === 'paragraph') paragraphs++;
    // "Read also:" after the second paragraph and again after the fifth, never at the end of the text.
    const pick = block.kind !== 'paragraph' ? undefined : paragraphs === 2 ? readAlso[0] : paragraphs === 5 ? readAlso[1] : undefined;
    if (pick && i < blocks.length - 1) {
      parts.push(`        <div class="read-also"><span class="read-also__label">Read also:</span> <a href="${esc(pick.path)}">${esc(pick.title)}</a></div>`);
    }
  });

  const comments = `<div class="comments-block">
  <div class="comments-block__title">Comments <span class="count">${ctx.comments.length}</span></div>
${ctx.comments.map((c, i) => `  <div class="comment" id="c${i + 1}"><div class="comment__head"><span class="comment__nick">${esc(c.name)}</span> <span class="comment__rating">${(i * 7) % 13 - 3}</span></div><div class="comment__text">${esc(c.text)}</div></div>`).join('\n')}
  <form class="comment-form" action="/volga-monitor/comment"><textarea placeholder="Your comment"></textarea><button>Send</button></form>
</div>`;

  return `${head(ctx, a.title, canonical)}
<body>
${header(TICKER)}
<div class="wrap">
  <div class="col-main">
    <div class="crumbs"><a href="/volga-monitor/">Main</a> / <a href="/volga-monitor/rubric/${esc(a.section.toLowerCase())}/">${esc(a.section)}</a></div>
    <div class="news-item">
      <h1 class="news-item__title">${esc(a.title)}</h1>
      <div class="news-item__info">
        <time datetime="${esc(a.published)}">${esc(humanDate(a.published))}</time>
        ${a.author ? `<div class="news-item__author">By ${esc(a.author)}</div>` : ''}
        <span class="news-item__views">&#128065; ${300 + (a.slug.length * 53) % 4000}</span>
      </div>
      <div class="news-item__lead"><b>${esc(a.summary)}</b></div>
      <div class="news-item__content">
        <div class="text-block">
${parts.join('\n')}
        </div>
      </div>
      <div class="news-item__share">Share: <a href="https://vk.com/share.php?url=${esc(encodeURIComponent(canonical))}">VK</a> <a href="https://connect.ok.ru/offer?url=${esc(encodeURIComponent(canonical))}">OK</a> <a href="https://t.me/share/url?url=${esc(encodeURIComponent(canonical))}">Telegram</a></div>
      <div class="news-item__error">Noticed an error? Highlight it and press Ctrl+Enter.</div>
    </div>
    <div class="banner banner--inline">Advertising</div>
    ${comments}
  </div>
  <div class="col-side">
    <div class="side-block side-block--popular"><div class="side-block__title">Popular</div>
${ctx.mostRead.map((r) => `      <div class="side-block__item"><a href="${esc(r.path)}">${esc(r.title)}</a></div>`).join('\n')}
    </div>
    <div class="banner banner--side">Advertising</div>
    <div class="side-block side-block--more"><div class="side-block__title">More news</div>
${ctx.related.map((r) => `      <div class="side-block__item"><time datetime="${esc(r.published)}">${esc(r.published.slice(11, 16))}</time> <a href="${esc(r.path)}">${esc(r.title)}</a></div>`).join('\n')}
    </div>
  </div>
</div>
${footer()}`;
}
