import { describe, expect, it } from 'vitest';
import {
  currentFingerprints,
  type Fingerprints,
  fingerprintProblems,
  recordedFingerprints,
} from '../../scripts/data/fingerprint';

describe('parser and tagger versions', () => {
  it('change whenever the output on the fixed sample changes (test/fingerprint/samples, the seeds)', () => {
    const problems = fingerprintProblems(recordedFingerprints(), currentFingerprints());
    expect(problems.length === 0, problems.join('\n')).toBe(true);
  });

  const base: Fingerprints = {
    parserVersion: 'parse-1',
    taggerVersion: 'tag-1',
    parser: { a: '1', b: '2' },
    tagger: { a: '3', b: '4' },
  };

  it('tells to bump the version when an output changes under the same version', () => {
    const [problem] = fingerprintProblems(base, { ...base, tagger: { a: '3', b: '5' } });
    expect(problem).toMatch(
      /tagger's output changed on b but TAGGER_VERSION is still 'tag-1'.*bump TAGGER_VERSION/,
    );
  });

  it('tells to record the output after a version bump', () => {
    expect(
      fingerprintProblems(base, { ...base, parserVersion: 'parse-2', parser: { a: '9', b: '2' } }),
    ).toEqual([
      "PARSER_VERSION is 'parse-2' (recorded: 'parse-1') and the output changed on a: run `npm run fingerprint` to record it.",
    ]);
  });

  it('finds nothing wrong when output and versions are as recorded', () => {
    expect(fingerprintProblems(base, structuredClone(base))).toEqual([]);
  });
});
