/**
 * `npm run fingerprint`: records the parser's and the tagger's output fingerprints on the fixed sample
 * (test/fingerprint/fingerprints.json). Refuses when an output changed while its version did not: bump
 * PARSER_VERSION / TAGGER_VERSION first.
 */
import { writeFileSync } from 'node:fs';
import {
  currentFingerprints,
  fingerprintProblems,
  RECORD_FILE,
  recordedFingerprints,
} from './data/fingerprint';

const current = currentFingerprints();
let recorded: ReturnType<typeof recordedFingerprints> | undefined;
try {
  recorded = recordedFingerprints();
} catch {
  // first recording
}
const refused = recorded ? fingerprintProblems(recorded, current).filter((p) => p.includes('bump')) : [];
if (refused.length > 0) {
  process.stderr.write(`fingerprint: not recorded.\n${refused.join('\n')}\n`);
  process.exit(1);
}
writeFileSync(RECORD_FILE, `${JSON.stringify(current, null, 2)}\n`);
process.stdout.write(
  `fingerprint: recorded ${current.parserVersion} and ${current.taggerVersion} on ${Object.keys(current.parser).length} samples\n`,
);
