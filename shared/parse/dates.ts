/**
 * Publish dates as Vietnamese newsrooms write them, normalised to ISO 8601 in Vietnam time (+07:00),
 * or `YYYY-MM-DD` when only the day is known.
 */

const VN_OFFSET_MIN = 7 * 60;

export interface FoundDate {
  value: string;
  hasTime: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function formatDay(y: number, m: number, d: number): string | null {
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

export function formatLocal(y: number, m: number, d: number, hh: number, mm: number): string | null {
  if (!validDay(y, m, d) || hh > 23 || mm > 59) return null;
  return `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:00+07:00`;
}

/** An instant (any offset) shown in Vietnam time. */
export function toVietnamTime(date: Date): string {
  const local = new Date(date.getTime() + VN_OFFSET_MIN * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO-like strings from metadata (JSON-LD, meta tags, front matter, JSON fields). */
export function parseIsoLike(raw: string): FoundDate | null {
  const s = raw.trim();
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, hh, mi, ss, zone] = m;
    if (hh === undefined) {
      const day = formatDay(+y!, +mo!, +d!);
      return day ? { value: day, hasTime: false } : null;
    }
    if (zone === undefined) {
      // No offset: newsroom metadata without a zone is local (Vietnam) time.
      const v = formatLocal(+y!, +mo!, +d!, +hh, +mi!);
      return v ? { value: v, hasTime: true } : null;
    }
    const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : { value: toVietnamTime(date), hasTime: true };
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    const day = formatDay(+compact[1]!, +compact[2]!, +compact[3]!);
    return day ? { value: day, hasTime: false } : null;
  }
  // RSS and e-mail dates (RFC 822): `Tue, 01 Dec 2026 16:05:00 +0700`; only with their zone.
  if (RFC_822.test(s)) {
    const date = new Date(s);
    if (!Number.isNaN(date.getTime())) return { value: toVietnamTime(date), hasTime: true };
  }
  return parseVietnameseDate(s) ?? parseEnglishDate(s);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})`;
const RFC_822 = new RegExp(
  String.raw`^(?:(?:mon|tue|wed|thu|fri|sat|sun),?\s+)?\d{1,2}\s+${MONTH}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|gmt|ut|utc|z)$`,
  'i',
);

const TIME = String.raw`(\d{1,2})\s*[:hg]\s*(\d{2})`;
const DMY = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
const DATE_TIME = new RegExp(`${DMY}(?:\\s*[,|-]?\\s*(?:lúc\\s*)?${TIME})?`, 'u');
const TIME_DATE = new RegExp(`${TIME}\\s*(?:[,|-]\\s*)?(?:ngày\\s*)?${DMY}`, 'u');
/**
 * The month in words: `ngày 26 tháng 12 năm 2017`, and as apps write it, `1 tháng 12, 2026 15:30` (Notion),
 * `3 thg 12, 2026 lúc 16:42` (Gmail), with `SA`/`CH` (a.m./p.m.) after a 12-hour time.
 */
const WORDY = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})\s+(?:tháng|thg)\s+(\d{1,2})(?:\s+năm\s+|\s*,\s*)(\d{4})(?:\s*,?\s*(?:lúc\s*)?${TIME}(?:\s*(SA|CH|AM|PM)(?!\p{L}))?)?`,
  'iu',
);
/** English dates as apps and WordPress themes write them: `December 2, 2026 10:15 AM`, `Dec 3, 2026 at 9:45 pm`. */
const ENGLISH = new RegExp(
  String.raw`(?<!\p{L})${MONTH}[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?)?(?![\p{L}\d])`,
  'iu',
);

/** A 12-hour clock's hour on the 24-hour clock (`9 PM` → 21, `12 SA` → 0); without a marker, as written. */
function hour24(hour: number, marker: string | undefined): number {
  if (!marker) return hour;
  const pm = /^(?:p|ch|pm)$/i.test(marker);
  return (hour % 12) + (pm ? 12 : 0);
}

function dayAndTime(
  y: number,
  m: number,
  d: number,
  hh?: string,
  mm?: string,
  marker?: string,
): FoundDate | null {
  if (hh !== undefined) {
    const v = formatLocal(y, m, d, hour24(+hh, marker), +mm!);
    if (v) return { value: v, hasTime: true };
  }
  const day = formatDay(y, m, d);
  return day ? { value: day, hasTime: false } : null;
}

/** `December 2, 2026 10:15 AM`, `Wednesday, December 2, 2026 9:05 PM`: Vietnam time, as the app showed it. */
export function parseEnglishDate(text: string): FoundDate | null {
  const e = ENGLISH.exec(text);
  if (!e) return null;
  return dayAndTime(+e[3]!, MONTHS.indexOf(e[1]!.toLowerCase()) + 1, +e[2]!, e[4], e[5], e[6]);
}

/** Dates as written in Vietnamese text: `26/12/2017 14:03`, `14:03 26/12/2017`, `ngày 26 tháng 12 năm 2017`, `1 tháng 12, 2026 15:30`. */
export function parseVietnameseDate(text: string): FoundDate | null {
  const td = TIME_DATE.exec(text);
  if (td) {
    const v = formatLocal(+td[5]!, +td[4]!, +td[3]!, +td[1]!, +td[2]!);
    if (v) return { value: v, hasTime: true };
  }
  const dt = DATE_TIME.exec(text);
  if (dt) {
    const [, d, m, y, hh, mm] = dt;
    if (hh !== undefined) {
      const v = formatLocal(+y!, +m!, +d!, +hh, +mm!);
      if (v) return { value: v, hasTime: true };
    }
    const day = formatDay(+y!, +m!, +d!);
    if (day) return { value: day, hasTime: false };
  }
  const w = WORDY.exec(text);
  if (w) return dayAndTime(+w[3]!, +w[2]!, +w[1]!, w[4], w[5], w[6]);
  return null;
}

/** `4 tháng 12 năm 2026`, `1 tháng 12, 2026`: the day with its month in words, as a date line may write it. */
const DAY_IN_WORDS = /(?<![\p{L}\d])\d{1,2}\s+(?:tháng|thg)\s+\d{1,2}(?:\s+năm\s+|\s*,\s*)\d{4}(?!\d)/giu;

/** A line that is nothing but a date (optionally a weekday, time and zone): the article's date line. */
export function parseDateLine(line: string): FoundDate | null {
  if (line.length > 80) return null;
  const rest = line
    .replace(
      // Letter bounds, not `\b`: `\b` knows only ASCII letters, so `Thứ tư,` would keep its `tư`.
      /(?<!\p{L})(thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|t[2-7]|cn|chủ\s*nhật|cập nhật|đăng ngày|ngày đăng|đăng|xuất bản|ngày|lúc)(?!\p{L})/giu,
      ' ',
    )
    .replace(DAY_IN_WORDS, ' ')
    .replace(/\(?\s*(GMT|UTC)\s*[+-]?\s*\d{0,2}\s*\)?/giu, ' ')
    .replace(/\d{1,2}\s*[:hg]\s*\d{2}(\s*[:]\s*\d{2})?\s*(AM|PM|SA|CH)?/giu, ' ')
    .replace(/\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}/gu, ' ')
    // `Cập nhật: 04/12/2026 16:20`: the colon after a cue is no part of the date either.
    .replace(/[\s,|–—\-():]+/gu, '');
  if (rest.length > 0) return null;
  return parseIsoLike(line.trim().replace(/\s+/g, ' ')) ?? parseVietnameseDate(line);
}

/**
 * dantri-style timestamps in URLs: `...-20201001144758157.htm`. A whole stamp, down to the second, gives the
 * time too (Vietnam time, as the site stamps it); a shorter one only the day.
 */
export function dateFromUrl(url: string): FoundDate | null {
  const m = /[-/](20\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?\d*\.(?:htm|html|vov|chn|tpo|vn)?/u.exec(
    url,
  );
  if (!m) return null;
  if (m[4] !== undefined && +m[6]! <= 59) {
    const v = formatLocal(+m[1]!, +m[2]!, +m[3]!, +m[4], +m[5]!);
    if (v) return { value: v, hasTime: true };
  }
  const day = formatDay(+m[1]!, +m[2]!, +m[3]!);
  return day ? { value: day, hasTime: false } : null;
}

const DAY_WITHOUT_YEAR =
  /(?:^|[^\d/])(\d{1,2})\/(\d{1,2})(?![\d/])|(?<!\p{L})ngày\s+(\d{1,2})[-.](\d{1,2})(?![\d/.-])/iu;

/**
 * A day written without a year (`Sáng 17/1`, `Ngày 2-12`), resolved from the years the article names: the most
 * frequent plausible year. Null when the text names no year, or two years equally often. With `readAt`
 * (when the file is read), a year that would put the day after it is not counted: it is a plan's or a coming
 * event's (`quy hoạch đến năm 2045`, `thưởng Tết năm 2027`), and no article is published after it is read.
 */
export function dayWithoutYear(text: string, readAt?: Date): FoundDate | null {
  const found = DAY_WITHOUT_YEAR.exec(text.slice(0, 2000));
  if (!found) return null;
  // `17/1`, or `ngày 2-12` / `ngày 2.12` (after `ngày` only: `thắng 3-2` is a score).
  const m = [found[0], found[1] ?? found[3], found[2] ?? found[4]] as const;
  // The latest day the article can be from: the reading day in Vietnam, and one more for clocks and zones.
  const latest = readAt && toVietnamTime(new Date(readAt.getTime() + 86_400_000)).slice(0, 10);
  const years = new Map<number, number>();
  for (const y of text.matchAll(/\b(19[5-9]\d|20\d{2})\b/gu)) {
    const year = +y[1]!;
    const day = formatDay(year, +m[2]!, +m[1]!);
    if (latest && day && day > latest) continue;
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  let tied = false;
  for (const [year, n] of years) {
    if (best === undefined || n > years.get(best)!) {
      best = year;
      tied = false;
    } else if (n === years.get(best)) tied = true;
  }
  // Two years named equally often (`từ năm 2024 đến năm 2025`) do not say which the day is in, unless one
  // is the reading day's: a news file is read in the year it reports (`kể từ năm 2021 … đầu năm 2026`).
  const readYear = latest ? Number(toVietnamTime(readAt!).slice(0, 4)) : undefined;
  if (best !== undefined && tied && readYear !== undefined && years.get(readYear) === years.get(best)) {
    best = readYear;
    tied = false;
  }
  if (best === undefined || tied) return null;
  const day = formatDay(best, +m[2]!, +m[1]!);
  return day ? { value: day, hasTime: false } : null;
}
