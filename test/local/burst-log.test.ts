import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBurstLog } from '../../local/burst-log';
import type { FileResult } from '../../local/stack';

const stored = (i: number): FileResult =>
  ({ kind: 'stored', key: `incoming/${i}.txt`, title: `T${i}`, entities: 0, topics: 0 }) as FileResult;
const rejected = (i: number): FileResult =>
  ({
    kind: 'rejected',
    key: `incoming/bad${i}.txt`,
    code: 'empty_file',
    message: 'The file is empty.',
  }) as FileResult;

describe('npm start file lines', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints one line per file, then a summary a second during a burst of more than 20, then a closing line', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const files = createBurstLog({ log: (l) => lines.push(l), format: (r) => `${r.kind} ${r.key}` });
    for (let i = 0; i < 5; i++) files.onFile(stored(i));
    expect(lines).toHaveLength(5);
    vi.advanceTimersByTime(1000);
    lines.length = 0;
    for (let i = 0; i < 100; i++) files.onFile(i === 50 ? rejected(i) : stored(i));
    // 20 lines before the burst is known, the rejected file, then nothing per file.
    expect(lines.filter((l) => l.startsWith('stored'))).toHaveLength(20);
    expect(lines.filter((l) => l.startsWith('rejected'))).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(lines.at(-1)).toMatch(/^burst +\+80 in the last second \(79 stored, 1 rejected\); 80 so far/);
    vi.advanceTimersByTime(1000);
    expect(lines.at(-1)).toBe('burst     done: 80 files (1 rejected)');
    files.onFile(stored(999));
    expect(lines.at(-1)).toBe('stored incoming/999.txt');
    files.close();
  });
});
