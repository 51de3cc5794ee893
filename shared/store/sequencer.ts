/**
 * S3 `sequencer` values order the events of one object key. They are hex strings of varying length:
 * S3 documents comparing them after left-padding the shorter with zeros. We store them in that padded,
 * upper-case form so DynamoDB's byte-wise string comparison (`seq <= :seq`) orders them correctly.
 */

/** Width every stored sequencer is padded to; S3's are about 16-20 hex digits today. */
export const SEQUENCER_WIDTH = 40;

export class InvalidSequencerError extends Error {
  constructor(value: string) {
    super(`not an S3 sequencer (hex, at most ${SEQUENCER_WIDTH} digits): ${JSON.stringify(value)}`);
    this.name = 'InvalidSequencerError';
  }
}

/** Left-pads with zeros to a fixed width, upper-case: comparable as a plain string. */
export function normalizeSequencer(sequencer: string): string {
  const hex = sequencer.trim().toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex) || hex.length > SEQUENCER_WIDTH) throw new InvalidSequencerError(sequencer);
  return hex.padStart(SEQUENCER_WIDTH, '0');
}

/** Negative if a is older than b, 0 if the same event, positive if newer. */
export function compareSequencers(a: string, b: string): number {
  const x = normalizeSequencer(a);
  const y = normalizeSequencer(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The store's write rule, in one place: an event applies when nothing is stored for the key yet or
 * when it is not older than what is stored (re-applying the same event is allowed, so a retry after a
 * crash half-way through a write finishes the job). The store's condition expression mirrors this.
 */
export function shouldApply(stored: string | undefined, incoming: string): boolean {
  return stored === undefined || normalizeSequencer(stored) <= normalizeSequencer(incoming);
}
