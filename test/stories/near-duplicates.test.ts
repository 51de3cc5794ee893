import { describe, expect, it } from 'vitest';
import { findDuplicateOf, type StoryArticle } from '../../shared/stories/decide';
import {
  BANDS,
  bandKeys,
  bodySketch,
  decodeSketch,
  encodeSketch,
  sketchSimilarity,
} from '../../shared/stories/minhash';

// The team's own text: a made-up report, long enough to sketch.
const PARAGRAPHS = [
  'Sáng nay, Ủy ban nhân dân thành phố tổ chức hội nghị về kế hoạch chống ngập cho mùa mưa năm tới.',
  'Theo báo cáo, hệ thống thoát nước ở các quận trung tâm đã quá tải sau những trận mưa lớn kéo dài.',
  'Thành phố dự kiến xây thêm ba hồ điều hòa và nạo vét hơn hai mươi kilômét kênh rạch trong năm sau.',
  'Người dân ở những khu vực thường xuyên ngập được mời góp ý cho phương án trước khi trình hội đồng.',
  'Kinh phí cho giai đoạn đầu ước tính khoảng một nghìn tỷ đồng, lấy từ ngân sách và vốn xã hội hóa.',
];
const BODY = PARAGRAPHS.join('\n\n');
const OTHER = [
  'Đội tuyển bóng chuyền nữ vừa trở về sau giải đấu khu vực với tấm huy chương bạc đầy tự hào.',
  'Huấn luyện viên cho biết các cầu thủ trẻ đã tiến bộ rõ rệt qua từng trận đấu tại giải năm nay.',
  'Liên đoàn sẽ tổ chức thêm một đợt tập huấn dài ngày trước khi bước vào vòng loại châu lục.',
].join('\n\n');

const sketch = (text: string) => bodySketch(text)!;

describe('body sketch', () => {
  it('finds the same text under another byline, a dropped paragraph or other punctuation', () => {
    const edits = [
      `${BODY}\n\nNguyễn Văn Bình`,
      PARAGRAPHS.filter((_, i) => i !== 2).join('\n\n'),
      BODY.replace(/, /g, ' - ').replace(/\./g, ';'),
    ];
    for (const edited of edits) expect(sketchSimilarity(sketch(BODY), sketch(edited))).toBeGreaterThan(0.5);
  });

  it('tells an unrelated body apart', () => {
    expect(sketchSimilarity(sketch(BODY), sketch(OTHER))).toBeLessThan(0.2);
  });

  it('has no sketch for a body too short to call a copy', () => {
    expect(bodySketch('Tin ngắn.')).toBeNull();
  });

  it('gives the sketch it always gave (sketches are stored and compared across deployments)', () => {
    expect(encodeSketch(sketch(BODY))).toBe(
      'J0IzAiMK9wBf23kF9zxcBUNw2wEWRY0CraelAtUIKwKaP9MCJDRXALRimgQVUPUATt78BAkgzgEqIhIAS0RvBP3QzAAPXnkD73PHBBE5TAGtshQEs19DBEKAFgFF+JEB+KlpBWPvNQCj2QwAr29HAhBYewRiVCQCgNhKATR1+AL82QkAQKx2AFwtAQDldysCjlHpAFSWpwAqXN4E/TAwAUwJnQTf0G4BS39vAEEGegNl2pgAn/4fBB8fQwNVyhIAiMPBADwB0wFEvs4IBJX9AXT5HQbZvhQEvTReB82B5wHD3cUAKkxjAk3V6gC0rNYEDklkAIaZWgKohuAAoCkYAA==',
    );
  });

  it('shares a band for an identical body and survives being stored', () => {
    const s = sketch(BODY);
    expect(bandKeys(s)).toHaveLength(BANDS);
    expect(bandKeys(s)).toEqual(bandKeys(sketch(`${BODY} `)));
    expect(decodeSketch(encodeSketch(s))).toEqual(s);
  });
});

describe('findDuplicateOf', () => {
  const article = (id: string, time: number, body: string): StoryArticle => ({
    id,
    time,
    terms: {},
    sketch: bodySketch(body),
  });

  it('names the earliest article with the same text, never a later one or an unrelated one', () => {
    const self = article('b', 200, `${BODY}\n\nTrần An`);
    const candidates = [article('c', 300, BODY), article('a', 100, BODY), article('x', 50, OTHER)];
    expect(findDuplicateOf(self, candidates, 0.5)).toBe('a');
    expect(findDuplicateOf(article('a', 100, BODY), [article('c', 300, BODY)], 0.5)).toBeNull();
  });
});
