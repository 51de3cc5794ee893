/**
 * One case per rule unit of shared/tag/entities/rules/ (its id, as in RULE_IDS), through the whole rule
 * tagger: with the rule on the article's entities hold the name (`finds`) or do not (`prevents`), and with
 * only that rule turned off they are the other way round, so each case shows what its rule adds.
 * Hand-written sentences.
 */
import { describe, expect, it } from 'vitest';
import { parsedArticle } from '../../../shared/parse/types';
import { extractRuleEntities, RULE_IDS, ruleMentions } from '../../../shared/tag/entities/index';

type Case = [
  id: string,
  body: string,
  type: 'person' | 'organization' | 'place',
  name: string,
  effect?: 'finds' | 'prevents',
];

const CASES: Case[] = [
  ['scan/credit', 'Ngọn hải đăng sáng rực (Ảnh: Hải Đăng).', 'person', 'Hải Đăng'],
  ['scan/person-cue', 'Hôm qua, bà Hoa đã đến thăm trường.', 'person', 'Hoa'],
  [
    'scan/sponsor-club-in-result',
    'Đội khách thắng 3-2 trước Sông Hồng Phú Thọ ở vòng 16.',
    'organization',
    'Sông Hồng Phú Thọ',
  ],
  ['scan/place-cue', 'Gia đình bà sống ở xóm Bến Vạn.', 'place', 'xóm Bến Vạn'],
  [
    'scan/lower-org-head',
    'Anh làm việc cho công ty Minh Phát từ năm ngoái.',
    'organization',
    'công ty Minh Phát',
  ],
  ['scan/sentence-opener', 'Theo Bộ Y tế, số ca mắc đã giảm.', 'organization', 'Bộ Y tế'],
  ['scan/glued-code', 'Các nhà khoa học giải mã virus SARS-CoV-2.', 'organization', 'SARS', 'prevents'],
  ['scan/known-org-span', 'Theo Thể thao Việt Nam, trận đấu bị hoãn.', 'organization', 'Thể thao Việt Nam'],
  ['scan/club-fc', 'Tối qua, Quảng Nam FC thắng đậm.', 'organization', 'Quảng Nam FC'],
  ['scan/highland-name', 'Người sáng lập Y Đam Ayun cho biết thêm.', 'person', 'Y Đam Ayun'],
  ['scan/source-tag', '(Tổ Quốc) - Hạ tầng du lịch đã hoàn thiện.', 'organization', 'Tổ Quốc'],
  [
    'scan/world-place-span',
    'Hàng sang Các Tiểu vương quốc Ả Rập Thống nhất tăng.',
    'place',
    'Các Tiểu vương quốc Ả Rập Thống nhất',
  ],
  ['scan/body-with-country', 'Chính phủ Peru đã phê duyệt gói hỗ trợ.', 'organization', 'Chính phủ Peru'],
  ['scan/org-head', 'Sở Y tế vừa công bố kết quả.', 'organization', 'Sở Y tế'],
  [
    'scan/standalone-org',
    'Thông báo của Văn Phòng Chính phủ nêu rõ điều này.',
    'organization',
    'Văn Phòng Chính phủ',
  ],
  ['scan/short-place-pair', 'Quan hệ Việt - Trung được cải thiện.', 'place', 'Việt'],
  ['scan/dashed-place', 'Mưa lớn ở Bà Rịa - Vũng Tàu kéo dài.', 'place', 'Bà Rịa - Vũng Tàu'],
  [
    'run/sentence-opener',
    'Visa được cấp trong ba ngày. Thủ tục xin visa đơn giản.',
    'organization',
    'Visa',
    'prevents',
  ],
  ['run/weather-name', 'Bão Yagi đổ bộ vào Quảng Ninh.', 'person', 'Bão Yagi', 'prevents'],
  [
    'run/non-entity-name',
    'Tết Canh Tý sắp đến. Ai cũng mong năm Canh Tý bình an.',
    'person',
    'Canh Tý',
    'prevents',
  ],
  ['run/nationality', 'Anh ấy nói tiếng Pháp rất giỏi.', 'place', 'Pháp', 'prevents'],
  ['run/country-compound', 'Học sinh cần hiểu Pháp luật giao thông.', 'place', 'Pháp', 'prevents'],
  ['run/house-number-street', 'Cửa hàng ở số 18 Hoàng Diệu đã đóng cửa.', 'place', 'Hoàng Diệu'],
  ['run/region-list', 'Bản đồ gồm Pháp Đức Tây Ban Nha.', 'place', 'Đức'],
  ['run/actor-character', 'Nhân vật Sơn (Hà Việt Dũng) gây ấn tượng.', 'person', 'Sơn'],
  ['run/code-before-name', 'Năm nay, U70 Dương Lệ Bình vẫn chạy bộ mỗi sáng.', 'person', 'Dương Lệ Bình'],
  ['run/age-group-team', 'Tối qua, U23 Việt Nam thắng đậm.', 'organization', 'U23 Việt Nam'],
  ['run/acronym-with-name', 'Trang VTC News đưa tin sáng nay.', 'organization', 'VTC News'],
  ['run/known-org', 'Trận đấu giữa Chelsea và đội khách diễn ra tối qua.', 'organization', 'Chelsea'],
  ['run/known-person', 'Cuộc gặp giữa Putin và các nhà lãnh đạo châu Âu.', 'person', 'Putin'],
  ['run/initials', 'Nạn nhân được xác định là T.T.V. (20 tuổi).', 'person', 'T.T.V.'],
  ['run/acronym', 'Bà ấy là thành viên của VASEP.', 'organization', 'VASEP'],
  ['run/team-in-result', 'Hải Phòng thắng Nam Định 2-1 ở vòng 5.', 'organization', 'Nam Định'],
  ['run/gazetteer-place', 'Họ đã bay tới Singapore hôm qua.', 'place', 'Singapore'],
  ['run/standalone-org', 'Nhân dịp Noel Liên Hợp Quốc kêu gọi ngừng bắn.', 'organization', 'Liên Hợp Quốc'],
  ['run/the-name', 'Bài hát của The Beatles vẫn được yêu thích.', 'organization', 'The Beatles'],
  ['run/org-suffix', 'Lao Airlines vừa mở đường bay mới.', 'organization', 'Lao Airlines'],
  ['run/east-asian-name', 'Phim của Song Joong Ki rất ăn khách.', 'person', 'Song Joong Ki'],
  ['run/person-shape', 'Sáng nay, anh ấy gặp Nguyễn Văn Hùng ở cơ quan.', 'person', 'Nguyễn Văn Hùng'],
  ['run/country-before-official', 'Đại diện của Mỹ Jeff Sessions phát biểu.', 'person', 'Jeff Sessions'],
  ['run/multi-word-place', 'Du khách đến Quảng Ninh Vân Đồn ngày càng đông.', 'place', 'Quảng Ninh'],
  ['run/foreign-name', 'Khuôn viên Menlo Park rất rộng.', 'place', 'Menlo Park'],
  ['run/place-after-preposition', 'Gia đình chuyển về Khe Rỗ sinh sống.', 'place', 'Khe Rỗ'],
  ['run/place-in-cued-list', 'Mực nước các sông Kiến Giang, Thạch Hãn đang lên.', 'place', 'Thạch Hãn'],
  [
    'run/one-letter',
    'Học sinh lớp A Một học rất giỏi. Cô giáo khen lớp A Một.',
    'person',
    'A Một',
    'prevents',
  ],
  [
    'run/sentence-start-pair',
    'Giá Vàng tăng mạnh. Giá Vàng lại giảm. Người mua lo vì giá vàng thay đổi.',
    'person',
    'Giá Vàng',
    'prevents',
  ],
  ['run/given-name', 'Tối nay Chí Bảo hát. Khán giả rất yêu Chí Bảo.', 'person', 'Chí Bảo'],
  ['stage/listed-persons', 'Đội hình: Smalling, Luke Shaw, Darmian, Young.', 'person', 'Darmian'],
  ['stage/signatures', 'Nội dung bài viết.\nTHÀNH ĐỒNG - LÊ PHONG', 'person', 'LÊ PHONG'],
];

const names = (body: string, type: Case[2], off: string[] = []) =>
  extractRuleEntities(parsedArticle({ body }), { rulesOff: new Set(off) })[type].map((e) => e.name);

describe('the rule units', () => {
  it('each have one case here, and every case names a rule the tagger has', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(CASES)('%s: %s', (id, body, type, name, effect = 'finds') => {
    const found = effect === 'finds';
    expect(names(body, type).includes(name), `with ${id} on`).toBe(found);
    expect(names(body, type, [id]).includes(name), `with ${id} off`).toBe(!found);
  });

  it('stamp each mention with the id of the rule that read it', () => {
    expect(ruleMentions(parsedArticle({ body: 'Hôm qua, ông Nguyễn Văn Hùng đến tỉnh Khánh Hòa.' }))).toEqual(
      [
        { rule: 'scan/person-cue', type: 'person', text: 'Nguyễn Văn Hùng' },
        { rule: 'scan/place-cue', type: 'place', text: 'Khánh Hòa' },
      ],
    );
  });
});
