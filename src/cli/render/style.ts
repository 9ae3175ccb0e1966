/** Colour only on a TTY and never with NO_COLOR. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  highlight(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOUR: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  highlight: (text) => `\u001b[1;30;43m${text}\u001b[0m`,
};

const identity = (text: string) => text;
export const PLAIN: Style = { bold: identity, dim: identity, red: identity, green: identity, yellow: identity, highlight: identity };

export function pickStyle(isTTY: boolean, env: NodeJS.ProcessEnv): Style {
  return isTTY && !env.NO_COLOR && env.TERM !== 'dumb' ? COLOUR : PLAIN;
}
