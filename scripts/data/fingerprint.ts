/**
 * Output fingerprints of the parser and the tagger on a fixed sample (the seeds and the team-written
 * texts in test/fingerprint/samples): a hash of each sample's output, recorded in
 * test/fingerprint/fingerprints.json beside the
 * PARSER_VERSION and TAGGER_VERSION that produced it. The test fails when an output changes under an
 * unchanged version; `npm run fingerprint` (scripts/fingerprint.ts) records new outputs, and refuses to
 * while the version is unchanged.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../shared/parse/index';
import { parsedArticle } from '../../shared/parse/types';
import { PARSER_VERSION } from '../../shared/parse/version';
import { tagArticle } from '../../shared/tag/index';
import { TAGGER_VERSION } from '../../shared/tag/version';

const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const SEED_FILES = ['000_018482176d444e67.txt', '003_7e95508e90133d9c.txt'] as const;

const FINGERPRINT_DIR = join(import.meta.dirname, '..', '..', 'test', 'fingerprint');
export const RECORD_FILE = join(FINGERPRINT_DIR, 'fingerprints.json');
const SAMPLES_DIR = join(FINGERPRINT_DIR, 'samples');

export interface Fingerprints {
  parserVersion: string;
  taggerVersion: string;
  /** Sample name → sha256 of the parser's outcome as JSON. */
  parser: Record<string, string>;
  /** Sample name → sha256 of the tagger's tags as JSON. */
  tagger: Record<string, string>;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function samples(): [name: string, bytes: Buffer][] {
  return [
    ...SEED_FILES.map((name): [string, Buffer] => [`seeds/${name}`, readFileSync(join(SEEDS_DIR, name))]),
    ...readdirSync(SAMPLES_DIR)
      .sort()
      .map((name): [string, Buffer] => [name, readFileSync(join(SAMPLES_DIR, name))]),
  ];
}

/**
 * The tagger's input for a sample, made without the parser (so a parser change does not move the
 * tagger's fingerprint): first line the title, first paragraph after it the lede, all of them the body.
 */
function taggerInput(bytes: Buffer) {
  const paragraphs = bytes
    .toString('utf8')
    .replace(/<[^>]*>/g, ' ')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').replace(/^#+ /, '').trim())
    .filter(Boolean);
  const [title = null, lede = null] = paragraphs;
  return parsedArticle({ title, lede, body: paragraphs.slice(1).join('\n\n') });
}

export function currentFingerprints(): Fingerprints {
  const out: Fingerprints = {
    parserVersion: PARSER_VERSION,
    taggerVersion: TAGGER_VERSION,
    parser: {},
    tagger: {},
  };
  for (const [name, bytes] of samples()) {
    out.parser[name] = sha(parseArticle({ bytes, fileName: name }));
    out.tagger[name] = sha(tagArticle(taggerInput(bytes)));
  }
  return out;
}

export function recordedFingerprints(): Fingerprints {
  return JSON.parse(readFileSync(RECORD_FILE, 'utf8')) as Fingerprints;
}

const STAGES = [
  {
    stage: 'parser',
    key: 'parser',
    version: 'parserVersion',
    constant: 'PARSER_VERSION',
    file: 'shared/parse/version.ts',
  },
  {
    stage: 'tagger',
    key: 'tagger',
    version: 'taggerVersion',
    constant: 'TAGGER_VERSION',
    file: 'shared/tag/version.ts',
  },
] as const;

/** What is wrong with the recorded fingerprints, each with what to do; empty when they are current. */
export function fingerprintProblems(recorded: Fingerprints, current: Fingerprints): string[] {
  const problems: string[] = [];
  for (const s of STAGES) {
    const changed = Object.keys({ ...current[s.key], ...recorded[s.key] }).filter(
      (name) => current[s.key][name] !== recorded[s.key][name],
    );
    const bumped = current[s.version] !== recorded[s.version];
    if (changed.length > 0 && !bumped) {
      problems.push(
        `The ${s.stage}'s output changed on ${changed.join(', ')} but ${s.constant} is still ` +
          `'${current[s.version]}'. Records change, so: bump ${s.constant} in ${s.file} (stored records ` +
          'are then redone by `newsdrop reindex`), add a CHANGELOG line, and run `npm run fingerprint`. ' +
          'If the change was not meant, find what moved the output instead.',
      );
    } else if (changed.length > 0 || bumped) {
      problems.push(
        `${s.constant} is '${current[s.version]}' (recorded: '${recorded[s.version]}')` +
          `${changed.length > 0 ? ` and the output changed on ${changed.join(', ')}` : ''}: ` +
          'run `npm run fingerprint` to record it.',
      );
    }
  }
  return problems;
}
