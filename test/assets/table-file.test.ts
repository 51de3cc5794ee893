import { describe, expect, it } from 'vitest';
import { decodeTableFile, encodeTableFile } from '../../shared/assets/table-file';

describe('table file', () => {
  const file = encodeTableFile(
    'test-table-1',
    { labels: ['a', 'b'] },
    {
      weights: Float64Array.of(0.1, -2.5, Math.PI),
      ids: Int32Array.of(7, -1),
      bytes: Uint8Array.of(1, 2, 3),
      keys: 'hà nộihuế',
    },
  );

  it('reads back its meta, arrays and strings as written', () => {
    const read = decodeTableFile<{ labels: string[] }>(file, 'test-table-1');
    expect(read.meta).toEqual({ labels: ['a', 'b'] });
    expect([...read.array('weights', 'f64')]).toEqual([0.1, -2.5, Math.PI]);
    expect([...read.array('ids', 'i32')]).toEqual([7, -1]);
    expect([...read.array('bytes', 'u8')]).toEqual([1, 2, 3]);
    expect(read.text('keys')).toBe('hà nộihuế');
  });

  it('reads a copy that does not start on an 8-byte boundary', () => {
    const shifted = new Uint8Array(file.byteLength + 3);
    shifted.set(file, 3);
    const read = decodeTableFile(shifted.subarray(3), 'test-table-1');
    expect([...read.array('weights', 'f64')]).toEqual([0.1, -2.5, Math.PI]);
  });

  it('refuses another format, a section of another type and bytes that are no table file', () => {
    expect(() => decodeTableFile(file, 'test-table-2')).toThrow(
      /is test-table-1, this code reads test-table-2/,
    );
    expect(() => decodeTableFile(file, 'test-table-1').array('ids', 'u32')).toThrow(/no u32 section ids/);
    expect(() => decodeTableFile(Buffer.from('{"format":"x"}'), 'x')).toThrow(/not a newsdrop table file/);
  });
});
