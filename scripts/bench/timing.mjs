// Timing helpers of the benchmark: warm-up, repetitions, median and spread, and the per-peer cap.
//
// A task is a pass over a list of items; the pass checks the deadline between items, so a peer that would run
// for hours is stopped at the cap and reported as "capped" with how far it got, never as a figure.

/** Thrown by a pass that reached its deadline. */
export class Capped extends Error {
  /** @param {number} done @param {number} total */
  constructor(done, total) {
    super(`capped after ${done} of ${total} items`);
    this.done = done;
    this.total = total;
  }
}

/**
 * Runs `fn` on each item, stopping with `Capped` when `deadline` (performance.now() ms) has passed.
 * @template T
 * @param {T[]} items
 * @param {(item: T, i: number) => unknown} fn
 * @param {number} deadline
 * @returns {unknown[]}
 */
export function eachUntil(items, fn, deadline) {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (performance.now() > deadline) throw new Capped(i, items.length);
    out[i] = fn(items[i], i);
  }
  return out;
}

/**
 * @typedef {{status: 'ok', median: number, min: number, max: number, reps: number, result: unknown}
 *   | {status: 'capped', capMs: number, done: number, total: number}
 *   | {status: 'unavailable', why: string}
 *   | {status: 'failed', why: string}} Measurement
 */

/**
 * Measures a pass: one warm-up pass, then repetitions until `minReps` and `budgetMs` are both reached (at most
 * `maxReps`), never past `capMs` in all. A pass that alone takes more than half the cap is measured once
 * (its warm-up is its only sample, reps = 1).
 * @param {(deadline: number) => unknown} pass
 * @param {{capMs?: number, budgetMs?: number, minReps?: number, maxReps?: number}} [opts]
 * @returns {Measurement}
 */
export function measure(pass, opts = {}) {
  const { capMs = 60_000, budgetMs = 3_000, minReps = 3, maxReps = 15 } = opts;
  const t0 = performance.now();
  const deadline = t0 + capMs;
  /** @type {number[]} */
  const times = [];
  let result;
  try {
    let s = performance.now();
    result = pass(deadline);
    const warm = performance.now() - s;
    while (times.length < maxReps) {
      const elapsed = performance.now() - t0;
      const last = times.length ? times[times.length - 1] : warm;
      if (times.length >= minReps && elapsed > budgetMs) break;
      if (elapsed + last > capMs * 0.9) break;
      s = performance.now();
      result = pass(deadline);
      times.push(performance.now() - s);
    }
    if (times.length === 0) times.push(warm);
  } catch (e) {
    if (e instanceof Capped) return { status: 'capped', capMs, done: e.done, total: e.total };
    return { status: 'failed', why: String(/** @type {any} */ (e)?.message ?? e) };
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { status: 'ok', median, min: times[0], max: times[times.length - 1], reps: times.length, result };
}

/** Median of numbers. @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Least-squares slope of log(y) over log(x): the growth exponent. @param {number[]} xs @param {number[]} ys */
export function growthExponent(xs, ys) {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return den ? num / den : NaN;
}
