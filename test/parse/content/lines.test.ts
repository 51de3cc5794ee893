import { describe, expect, it } from 'vitest';
import { lineKind } from '../../../shared/parse/content/boilerplate';
import { pageRecord, prose } from './helpers';

describe('lines of the article container that are not body', () => {
  it.each([
    ['The new footbridge over the river at dawn on Monday. (AP Photo/Jane Roe)', 'caption'],
    ['Workers fit the last span of the bridge. (credit: City of Riverton)', 'caption'],
    ['Associated Press writers Jane Roe and John Doe contributed to this report.', 'credit'],
    ['(Reporting by Jane Roe; editing by John Doe.)', 'credit'],
    ['Updated 12:24 am EST, Wednesday, November 20, 2019', 'timestamp'],
    ['The Associated Press Published Monday, November 18, 2019 8:22AM EST', 'timestamp'],
    ['Follow Riverton News on Instagram, Facebook and YouTube.', 'pitch'],
    ['Image 1of/5', 'label'],
    ['The council published its plan on Monday, after 8:30 in the evening, with costs for each year.', null],
    ['Residents who follow the river path on foot can reach the bridge in ten minutes.', null],
  ])('%j is %s', (line, kind) => {
    expect(lineKind(line)).toBe(kind);
  });

  it('sets a caption told by its credit apart and drops a credit line and a time stamp', () => {
    const a = pageRecord(
      `<article><div class="story"><p>Updated 9:05 am, Monday, May 4, 2026</p><p>${prose(1)}</p><p>The bridge at dawn. (AP Photo/Jane Roe)</p><p>${prose(2)}</p><p>${prose(3)}</p><p>Jane Roe contributed to this report.</p></div></article>`,
    );
    expect(a.body.split('\n\n')).toEqual([1, 2, 3].map(prose));
    expect(a.captions).toEqual(['The bridge at dawn. (AP Photo/Jane Roe)']);
  });

  it('reads the text beside an image in a small block named like an image as its caption', () => {
    const a = pageRecord(
      `<article><div class="story"><div class="image top"><img src="b.jpg"><p>In this file photo, the old bridge before the flood.</p></div><p>${prose(1)}</p><p>${prose(2)}</p><p>${prose(3)}</p></div></article>`,
    );
    expect(a.body.split('\n\n')).toEqual([1, 2, 3].map(prose));
    expect(a.captions).toEqual(['In this file photo, the old bridge before the flood.']);
  });
});
