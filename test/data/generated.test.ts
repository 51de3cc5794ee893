import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, ROOT, tableFiles } from '../../scripts/data/build';
import { readList, readPairs, readSections } from '../../scripts/data/lists';

const committed = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const STALE = 'is stale: run `npm run build:data` and commit what it writes';

describe('generated data files', () => {
  it.each([...dataFiles()])(`%s is what data/ builds (else it ${STALE})`, (path, built) => {
    expect(committed(path) === built, `${path} ${STALE}`).toBe(true);
  });

  it.each([...tableFiles()])(`%s is the table file built (else it ${STALE})`, (path, built) => {
    expect(readFileSync(join(ROOT, path)).equals(built), `${path} ${STALE}`).toBe(true);
  });
});

describe('data file readers', () => {
  it('skip comment and blank lines, trim and NFC-normalise entries', () => {
    expect(readList('# heading\n\n  và \ncu\u0309a\n')).toEqual(['và', 'của']);
  });

  it('read name<TAB>value pairs and refuse a line without a value', () => {
    expect(readPairs('# x\nTP.HCM\t79\nSài Gòn\t79\n')).toEqual({ 'TP.HCM': '79', 'Sài Gòn': '79' });
    expect(() => readPairs('TP.HCM 79\n')).toThrow(/name<TAB>value/);
  });

  it('read [section] lists in file order and refuse an entry before the first section', () => {
    expect(Object.entries(readSections('[sport]\nbóng đá\n[arts]\nca sĩ\nnhạc sĩ\n'))).toEqual([
      ['sport', ['bóng đá']],
      ['arts', ['ca sĩ', 'nhạc sĩ']],
    ]);
    expect(() => readSections('bóng đá\n[sport]\n')).toThrow(/before the first/);
  });
});
