/**
 * The topic tagger's settings (../data/topic-settings.json, chosen on the dev halves; see its README),
 * checked at module load: a malformed file fails the cold start.
 */
import settingsFile from '../data/topic-settings.json';
import { IPTC, type IptcTopicName } from './iptc';

export interface BroadSection {
  /** Subjects the broad section's pages also carry. */
  carries: IptcTopicName[];
  /** Share of the section's weight each carried subject gets (0..1). */
  weight: number;
}

export interface TopicSettings {
  /** Per topic whose newsroom section is a broad catch-all (`Xã hội`). */
  broadSections: Partial<Record<IptcTopicName, BroadSection>>;
}

const isTopic = (v: unknown): v is IptcTopicName => typeof v === 'string' && Object.hasOwn(IPTC, v);

/** The settings file's value, checked field by field. */
export function topicSettings(value: unknown): TopicSettings {
  const fail = (why: string): never => {
    throw new Error(`topic settings: ${why}`);
  };
  const v = value as Partial<TopicSettings> | null;
  if (typeof v !== 'object' || v === null) return fail('not an object');
  if (typeof v.broadSections !== 'object' || v.broadSections === null) fail('broadSections needs an object');
  for (const [topic, broad] of Object.entries(v.broadSections ?? {})) {
    if (!isTopic(topic)) fail(`broadSections: unknown topic ${topic}`);
    if (!Array.isArray(broad?.carries) || !broad.carries.every(isTopic))
      fail(`broadSections.${topic}.carries needs topic names`);
    const w = broad?.weight;
    if (typeof w !== 'number' || !(w >= 0 && w <= 1))
      fail(`broadSections.${topic}.weight needs a number in 0..1`);
  }
  return v as TopicSettings;
}

export const TOPIC_SETTINGS: TopicSettings = topicSettings(settingsFile);
