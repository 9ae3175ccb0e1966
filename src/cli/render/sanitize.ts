/**
 * Untrusted text (titles, article bodies, feed errors) never reaches the terminal raw: escape sequences
 * could move the cursor, rewrite earlier lines or set the window title.
 */

// CSI, OSC, DCS/PM/APC strings and two-byte escapes, then every other C0/C1 control except tab and newline,
// and the bidirectional overrides that can reorder what a reader sees.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** One line: newlines and tabs folded to spaces too. */
export function sanitizeLine(text: string | null | undefined): string {
  return sanitizeForTerminal(text ?? '').replace(/\s+/g, ' ').trim();
}
