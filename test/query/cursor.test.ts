import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CursorSealer, filterFingerprint } from '../../shared/query/cursor';
import { ProblemError } from '../../shared/query/problem';

const sealer = new CursorSealer('cursor-unit-test-secret-0123');
const storeCursor = { v: 1, p: 'p#phạm bình minh', k: '2024-05-01T10:00:00#a1', id: 'a1' };
const filter = { status: 'stored', person: 'Phạm Bình Minh' };

describe('CursorSealer', () => {
  it('opens what it sealed for the same scope and filter', () => {
    const token = sealer.seal(storeCursor, 'articles', filter);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealer.open(token, 'articles', { person: 'Phạm Bình Minh', status: 'stored' })).toEqual(
      storeCursor,
    );
  });

  it('refuses the cursor under another filter or scope', () => {
    const token = sealer.seal(storeCursor, 'articles', filter);
    expect(() => sealer.open(token, 'articles', { ...filter, person: 'Phạm Bình' })).toThrow(
      /different query/,
    );
    expect(() => sealer.open(token, 'other', filter)).toThrow(/different query/);
  });

  it('fingerprints filters regardless of key order and ignores absent values', () => {
    expect(filterFingerprint('s', { a: '1', b: '2' })).toBe(
      filterFingerprint('s', { b: '2', a: '1', c: undefined }),
    );
    expect(filterFingerprint('s', { a: '1' })).not.toBe(filterFingerprint('s', { a: '2' }));
  });

  it('refuses a cursor whose last character differs only in bits base64url decoding ignores', () => {
    const genuine = sealer.seal(storeCursor, 'articles', filter);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(genuine.at(-1)!);
    // 32 MAC bytes = 43 characters; the last one carries 4 bits, so its 2 low bits are spare.
    const sibling = alphabet[last ^ 1]!;
    expect(Buffer.from(`${genuine.slice(genuine.indexOf('.') + 1, -1)}${sibling}`, 'base64url')).toEqual(
      Buffer.from(genuine.slice(genuine.indexOf('.') + 1), 'base64url'),
    );
    expect(() => sealer.open(`${genuine.slice(0, -1)}${sibling}`, 'articles', filter)).toThrow(/modified/);
  });

  it('answers any string that is not a cursor it sealed with a 400 problem, never another error', () => {
    const genuine = sealer.seal(storeCursor, 'articles', filter);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}.${b}`),
          fc.integer({ min: 0, max: genuine.length - 1 }).map((i) => {
            const c = genuine[i] === 'x' ? 'y' : 'x';
            return `${genuine.slice(0, i)}${c}${genuine.slice(i + 1)}`;
          }),
        ),
        (token) => {
          try {
            sealer.open(token, 'articles', filter);
            return false;
          } catch (err) {
            return err instanceof ProblemError && err.status === 400 && err.kind === 'invalid-cursor';
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
