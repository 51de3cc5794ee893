/**
 * A second opinion on a web page's article, as trafilatura takes one (trafilatura/external.py,
 * `_prefer_readability`): when our own extraction reads little, Readability.js is run over the page and its
 * text is taken instead if ours is empty or it reads more than twice as much. Readability.js and the DOM it
 * needs (linkedom) are too large for the ingest bundle, so they ship as a separate chunk beside it
 * (`readability.ts`, built by infra and bench/bundle.ts), loaded once per container for the first web page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SECOND_OPINION_CHUNK } from '../../assets/index';

/** Another extractor's paragraphs for a whole page (its HTML), [] when it finds none. */
export type SecondOpinion = (html: string) => string[];

/** Our text shorter than this, in characters, and the second opinion is asked (it costs ~4 of our parses). */
export const ASK_BELOW_CHARS = 500;
/** The other text is taken when it is more than this many times as long as ours (trafilatura's rule). */
const LONGER_BY = 2;

const chars = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

/** Whether our own extraction reads so little that another extractor is asked. */
export function asksSecondOpinion(ours: readonly string[]): boolean {
  return chars(ours) < ASK_BELOW_CHARS;
}

/** Whether the second opinion's text replaces ours: ours is empty, or it reads more than twice as much. */
export function prefersSecondOpinion(ours: readonly string[], theirs: readonly string[]): boolean {
  const mine = chars(ours);
  const other = chars(theirs);
  if (other === 0 || /^\s*[{[]/.test(theirs[0] ?? '')) return false; // nothing, or raw JSON
  return mine === 0 || other > LONGER_BY * mine;
}

let loading: Promise<SecondOpinion | undefined> | undefined;

/**
 * The second opinion, loaded once per container: the chunk beside the bundled code, or the module itself
 * when run from the source tree (tests, local stack, CLI, eval); undefined when neither is there.
 */
export function loadSecondOpinion(): Promise<SecondOpinion | undefined> {
  loading ??= (async () => {
    const beside = join(import.meta.dirname, SECOND_OPINION_CHUNK.name);
    const path = existsSync(beside) ? beside : SECOND_OPINION_CHUNK.entry;
    if (!existsSync(path)) return undefined;
    const chunk = (await import(pathToFileURL(path).href)) as { secondOpinion: SecondOpinion };
    return chunk.secondOpinion;
  })();
  return loading;
}
