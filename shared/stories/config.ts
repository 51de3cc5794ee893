/** Settings of story and near-duplicate finding; read from the environment once, at cold start. */
import { DEFAULT_THRESHOLDS, type StoryThresholds } from './decide';

/** Stories gather the articles of this many hours either side of an article's time. */
export const DEFAULT_WINDOW_HOURS = 72;
const MAX_WINDOW_HOURS = 24 * 30;

/** Candidates read per look-up term (newest in the window first) and per sketch band (earliest first). */
export const TERM_LOOKUP_LIMIT = 40;
export const BAND_LOOKUP_LIMIT = 20;

export interface StoryConfig {
  windowHours: number;
  thresholds: StoryThresholds;
}

export const DEFAULT_STORY_CONFIG: Readonly<StoryConfig> = {
  windowHours: DEFAULT_WINDOW_HOURS,
  thresholds: DEFAULT_THRESHOLDS,
};

/** The story settings with another window (the thresholds stay the shipped ones). */
export function storyConfig(windowHours: number = DEFAULT_WINDOW_HOURS): StoryConfig {
  return { ...DEFAULT_STORY_CONFIG, windowHours };
}

/** The window from its setting (`STORY_WINDOW_HOURS`), or the default; throws on a bad value. */
export function parseWindowHours(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_WINDOW_HOURS;
  const hours = Number(value);
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_WINDOW_HOURS) {
    throw new Error(
      `STORY_WINDOW_HOURS must be a whole number of hours from 1 to ${MAX_WINDOW_HOURS}, not ${JSON.stringify(value)}`,
    );
  }
  return hours;
}

/** Event time of an article (ms): its publication (a bare day counts as noon in Vietnam), else processing. */
export function storyTime(record: { publishedAt: string | null; processedAt: string }): number {
  const p = record.publishedAt;
  if (p) {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(p) ? `${p}T12:00:00+07:00` : p);
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.parse(record.processedAt);
}
