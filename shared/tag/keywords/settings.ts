/**
 * The key-phrase extractor's weights (../../data/keyword-settings.json, chosen on the dev half of the 24h
 * editors' keywords; see its README), checked at module load: a malformed file fails the cold start.
 */
import settingsFile from '../data/keyword-settings.json';

export interface KeywordSettings {
  /** Weight of one occurrence in each part of the article. */
  partWeights: { title: number; lede: number; body: number; caption: number };
  /** Early body text weighs more: `1 + bonus / (1 + syllables read / syllables)`. */
  earlyBody: { bonus: number; syllables: number };
  /** Score factor of a candidate of 1, 2, 3 and 4 or more syllables. */
  lengthBonus: [number, number, number, number];
  /** Score factor of a name. */
  nameBonus: number;
  /** A phrase gives way to a longer one containing it that scores at least this share of it. */
  dominance: number;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The settings file's value, checked field by field. */
export function keywordSettings(value: unknown): KeywordSettings {
  const fail = (why: string): never => {
    throw new Error(`keyword settings: ${why}`);
  };
  const v = value as Partial<KeywordSettings> | null;
  if (typeof v !== 'object' || v === null) return fail('not an object');
  const parts = v.partWeights;
  if (!parts || !['title', 'lede', 'body', 'caption'].every((k) => isNumber((parts as never)[k])))
    fail('partWeights needs title, lede, body and caption numbers');
  if (
    !v.earlyBody ||
    !isNumber(v.earlyBody.bonus) ||
    !isNumber(v.earlyBody.syllables) ||
    v.earlyBody.syllables === 0
  )
    fail('earlyBody needs a bonus and a positive syllables');
  if (!Array.isArray(v.lengthBonus) || v.lengthBonus.length !== 4 || !v.lengthBonus.every(isNumber))
    fail('lengthBonus needs four numbers (1, 2, 3, 4+ syllables)');
  if (!isNumber(v.nameBonus)) fail('nameBonus needs a number');
  if (!isNumber(v.dominance)) fail('dominance needs a number');
  return v as KeywordSettings;
}

export const KEYWORD_SETTINGS: KeywordSettings = keywordSettings(settingsFile);
