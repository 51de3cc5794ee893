import { describe, expect, it } from 'vitest';
import { ruleTokens, tokenize } from '../../../shared/tag/entities/tokens';
import { tokenize as modelTokens } from '../../../shared/tag/entities/tokens/index';

/** Rule tokens as written, `^` marking a sentence start and `~` a token glued to the one before. */
const rules = (text: string) =>
  tokenize(text).map((t) => `${t.text}${t.sentenceStart ? '^' : ''}${t.spaced ? '' : '~'}`);
const model = (text: string) => {
  const t = modelTokens(text);
  return Array.from({ length: t.count }, (_, i) => t.spelling[i]?.word);
};

describe('the rule tagger reads its tokens off the model tokens of the same text', () => {
  it('joins a word across `&` and closes it with a `+`, which the model splits', () => {
    expect(rules('GD&ĐT và Vietnam+ nói')).toEqual(['GD&ĐT^', 'và', 'Vietnam+', 'nói']);
    expect(model('GD&ĐT và Vietnam+ nói')).toEqual(['GD', '&', 'ĐT', 'và', 'Vietnam', '+', 'nói']);
  });

  it('keeps a hyphenated name whole but cuts an acronym glued to a name', () => {
    expect(rules('ASEAN-Việt Nam, Kim Jong-un, COVID-19')).toEqual([
      'ASEAN^',
      '-~',
      'Việt~',
      'Nam',
      ',~',
      'Kim',
      'Jong-un',
      ',~',
      'COVID-19',
    ]);
    expect(model('Kim Jong-un')).toEqual(['Kim', 'Jong', '-', 'un']);
  });

  it('keeps `TP.HCM` one token and opens a sentence after a missing space (`Nam.Tuy`)', () => {
    expect(rules('TP.HCM và Việt Nam.Tuy vậy')).toEqual([
      'TP.HCM^',
      'và',
      'Việt',
      'Nam',
      '.~',
      'Tuy^~',
      'vậy',
    ]);
    expect(model('TP.HCM và Việt Nam.Tuy vậy')).toEqual(['TP.HCM', 'và', 'Việt', 'Nam.Tuy', 'vậy']);
  });

  it('opens a sentence after a line break and a quotation mark, and keys `Ð` as `đ`', () => {
    expect(rules('Ông nói\nBà Hà "Anh Ba"')).toEqual(['Ông^', 'nói', 'Bà^', 'Hà', '"', 'Anh^~', 'Ba', '"~']);
    expect(tokenize('Ấn Ðộ').map((t) => t.key)).toEqual(['ấn', 'độ']);
  });

  it('gives the same tokens from text and from model tokens made beforehand', () => {
    const text = 'Sở GD&ĐT TP.HCM - Vietnam+ đưa tin.';
    expect(ruleTokens(modelTokens(text))).toEqual(tokenize(text));
  });
});
