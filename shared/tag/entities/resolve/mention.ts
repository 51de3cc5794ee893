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
  /** The text right before the mention (40 characters), when the reader has it. */
  lead?: string;
}
