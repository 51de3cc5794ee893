/** A decoded mention, as the resolution policy (./index) and its hard constraints (./constraints) read it. */
export type MentionType = 'person' | 'organization' | 'place';

export interface Mention {
  type: MentionType;
  /** As written. */
  text: string;
  /** `nameKey` of the text. */
  key: string;
  /** In [0, 1]. */
  confidence: number;
  /** Key of the word before the mention ('' at the start), and the text right after it (16 characters). */
  before: string;
  after: string;
  /** The text right before the mention (`leadBefore`), when the reader has it. */
  lead?: string;
}

/** The 40 characters of `text` before offset `at`: enough for an event's opening words (`giải vô địch …`). */
export function leadBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - 40), at);
}
