/** One template module per outlet; the server picks by outlet id. */
import type { OutletId } from '../outlets.js';
import type { ArticlePageContext, HomePageContext } from './context.js';
import * as eurasiaWire from './eurasia-wire.js';
import * as steppeHerald from './steppe-herald.js';
import * as volgaMonitor from './volga-monitor.js';

export { pickComments, pickMostRead, pickRelated, type ArticlePageContext, type HomePageContext, type PageContext } from './context.js';

export interface OutletTemplate {
  renderHomePage(ctx: HomePageContext): string;
  renderArticlePage(ctx: ArticlePageContext): string;
  /** Whether pages show reader comments. */
  hasComments: boolean;
}

export const TEMPLATES: Record<OutletId, OutletTemplate> = {
  'steppe-herald': { ...steppeHerald, hasComments: true },
  'volga-monitor': { ...volgaMonitor, hasComments: true },
  'eurasia-wire': { ...eurasiaWire, hasComments: false },
};
