// Calendar dates as the sources state them: ISO-like strings become ranges of day numbers (days since
// 1970-01-01 in the proleptic Gregorian calendar). Pure arithmetic on the written year, month and day: no
// `new Date(string)`, no time zone, so "2024-11-30T23:30-05:00" stays on 30 November.

/**
 * @typedef {{ start: number, end: number, grain: string, label: string }} DayRange
 *   Days [start, end) covered by a date; `label` is the date as written (calendar part only).
 */

/**
 * Day number of a calendar date.
 * @param {number} y
 * @param {number} m 1-12
 * @param {number} d 1-31
 */
export function dayNumber(y, m, d) {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

/**
 * The calendar date of a day number as `YYYY-MM-DD` (UTC arithmetic only).
 * @param {number} day
 */
export function dayString(day) {
  const dt = new Date(Math.floor(day) * 86400000);
  const y = dt.getUTCFullYear();
  const ys = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
}

/** @param {number} day */
export function dayParts(day) {
  const dt = new Date(Math.floor(day) * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), weekday: dt.getUTCDay() };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A short human label of a day, e.g. "30 Nov 2024".
 * @param {number} day
 */
export function dayLabel(day) {
  const { y, m, d } = dayParts(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** @param {number} m 1-12 */
export function monthName(m) {
  return MONTHS[m - 1] ?? '';
}

/**
 * Parses an ISO/TIMEX-like date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-Qn`, `YYYYs`/`YYYX`
 * decades, a datetime whose calendar part is kept, or `A/B` ranges of any of these).
 * @param {unknown} value
 * @returns {DayRange | null} null when the value is not a date
 */
export function parseDate(value) {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!s) return null;
  const slash = s.indexOf('/');
  if (slash > 0) {
    const a = parseDate(s.slice(0, slash));
    const b = parseDate(s.slice(slash + 1));
    if (!a || !b) return a ?? b;
    return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), grain: 'range', label: `${a.label} – ${b.label}` };
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const start = dayNumber(y, mo, d);
    return { start, end: start + 1, grain: 'day', label: `${m[1]}-${m[2]}-${m[3]}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { start: dayNumber(y, mo, 1), end: dayNumber(y, mo + 1, 1), grain: 'month', label: s };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (m) {
    // ISO week: week 1 holds the year's first Thursday.
    const y = Number(m[1]);
    const jan4 = dayNumber(y, 1, 4);
    const monday = jan4 - ((dayParts(jan4).weekday + 6) % 7);
    const start = monday + (Number(m[2]) - 1) * 7;
    return { start, end: start + 7, grain: 'week', label: s };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { start: dayNumber(y, q * 3 - 2, 1), end: dayNumber(y, q * 3 + 1, 1), grain: 'quarter', label: s };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return { start: dayNumber(y, 1, 1), end: dayNumber(y + 1, 1, 1), grain: 'year', label: s };
  }
  m = /^(\d{3})(?:X|0s)$/.exec(s);
  if (m) {
    const y = Number(m[1]) * 10;
    return { start: dayNumber(y, 1, 1), end: dayNumber(y + 10, 1, 1), grain: 'decade', label: `${y}s` };
  }
  return null;
}

/**
 * Whether a date range meets the inclusive day filter [from, to] (`YYYY-MM-DD` strings or '').
 * @param {DayRange | null} r
 * @param {string} from
 * @param {string} to
 */
export function inDayFilter(r, from, to) {
  if (!from && !to) return true;
  if (!r) return false;
  const f = from ? parseDate(from) : null;
  const t = to ? parseDate(to) : null;
  if (f && r.end <= f.start) return false;
  if (t && r.start >= t.end) return false;
  return true;
}
