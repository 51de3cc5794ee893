/**
 * The stages one article goes through from bytes to record, in order. A `StageClock` is called as each
 * ends, so the time since its previous call is that stage's: bench row 1 prints where the CPU time goes.
 */
export const STAGES = [
  'parse',
  'language',
  'tokens',
  'rules',
  'model',
  'resolve',
  'topics',
  'keywords',
  'record',
] as const;
export type Stage = (typeof STAGES)[number];

/** Called at the end of each stage that runs (an article in a language the entity tagger skips has no `tokens`, `rules`, `model`). */
export type StageClock = (ended: Stage) => void;
