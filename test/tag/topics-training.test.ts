import { describe, expect, it } from 'vitest';
import { parseWrittenTopics, writtenExamples } from '../../shared/tag/build/topics-examples';
import { IPTC } from '../../shared/tag/topics/iptc';

describe('written text labelled with topics (data/topics/written-topics.txt)', () => {
  it('reads a whole file, one line or a range of lines, skipping comments', () => {
    const ranges = parseWrittenTopics(
      '# a comment\nw-40  all  arts\n\nw-72  5  conflict\nw-72  7-9  politics\n',
    );
    expect(ranges).toEqual([
      { file: 'w-40', first: 1, last: Number.POSITIVE_INFINITY, topic: 'arts' },
      { file: 'w-72', first: 5, last: 5, topic: 'conflict' },
      { file: 'w-72', first: 7, last: 9, topic: 'politics' },
    ]);
  });

  it('refuses a topic that is not an IPTC name and a malformed range', () => {
    expect(() => parseWrittenTopics('w-40  all  football')).toThrow(/line 1/);
    expect(() => parseWrittenTopics('w-40  3..5  sport')).toThrow(/line 1/);
  });

  it('turns the labelled lines of a file into examples, leaving out comments and blank lines', () => {
    const file = ['# written by the newsdrop team', 'Tuyển Việt Nam thắng 2-0', '', 'Giá vàng tăng mạnh'];
    const examples = writtenExamples(
      [
        { file: 'w-01', first: 1, last: 2, topic: 'sport' },
        { file: 'w-01', first: 4, last: 4, topic: 'economy' },
      ],
      () => file,
    );
    expect(examples).toEqual([
      { title: '', text: 'Tuyển Việt Nam thắng 2-0', topics: [IPTC.sport] },
      { title: '', text: 'Giá vàng tăng mạnh', topics: [IPTC.economy] },
    ]);
  });

  it('labels lines of the shipped file that exist', () => {
    expect(writtenExamples().length).toBeGreaterThan(5000);
  });
});
