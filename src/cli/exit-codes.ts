/** Exit codes: 0 success; 1 internal error (a bug); 2 usage or config error; 3 finished, but some items failed. */
export const EXIT = { ok: 0, internal: 1, usage: 2, partial: 3 } as const;
