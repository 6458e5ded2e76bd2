/**
 * Gives the event loop a turn. better-sqlite3 answers synchronously, so a background job made of many awaited
 * queries (the status catch-up, the figure warm-up) would otherwise run as one chain of microtasks and hold
 * every request — even the health check — until it ends; called between its steps, requests are served in
 * between.
 */
export const letRequestsIn = () => new Promise<void>((resolve) => setImmediate(resolve));
