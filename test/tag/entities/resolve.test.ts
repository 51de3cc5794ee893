import { describe, expect, it } from 'vitest';
import { applyConstraints } from '../../../shared/tag/entities/resolve/constraints';
import { type Mention, resolveEntities } from '../../../shared/tag/entities/resolve/index';
import { nameKey } from '../../../shared/text/vietnamese';

const m = (type: Mention['type'], text: string, confidence = 0.9, after = ''): Mention => ({
  type,
  text,
  key: nameKey(text),
  confidence,
  before: '',
  after,
});
const none = { rulePlaces: new Map(), authors: new Set<string>() };

describe('entity resolution', () => {
  it('reports a place inside an organisation head name, but none inside a club name', () => {
    const rulePlaces = new Map([
      ['phú yên', { name: 'Phú Yên' }],
      ['madrid', { name: 'Madrid' }],
    ]);
    const e = resolveEntities([m('organization', 'Sở Y tế tỉnh Phú Yên'), m('organization', 'Real Madrid')], {
      rulePlaces,
      authors: new Set(),
    });
    expect(e.place.map((p) => p.name)).toEqual(['Phú Yên']);
    expect(e.place[0]?.province?.code).toBeDefined();
  });

  it('merges a short person form into the one full name it ends, keeping the longest form', () => {
    const e = resolveEntities([m('person', 'Nguyễn Văn Hùng', 0.8), m('person', 'Hùng', 0.95)], none);
    expect(e.person).toEqual([{ name: 'Nguyễn Văn Hùng', aliases: ['Hùng'], mentions: 2, score: 0.95 }]);
  });

  it('keeps one type per name in an article, the one with the most confidence', () => {
    const e = resolveEntities(
      [m('place', 'Hà Tĩnh', 0.9), m('place', 'Hà Tĩnh', 0.8), m('person', 'Hà Tĩnh', 0.6)],
      none,
    );
    expect(e.person).toEqual([]);
    expect(e.place.map((p) => [p.name, p.mentions])).toEqual([['Hà Tĩnh', 2]]);
  });

  it('drops bylines and orders entities by mentions', () => {
    const e = resolveEntities(
      [
        m('organization', 'Bộ Y tế'),
        m('organization', 'VTV'),
        m('organization', 'VTV'),
        m('person', 'Minh Anh'),
      ],
      {
        rulePlaces: new Map(),
        authors: new Set(['minh anh']),
      },
    );
    expect(e.organization.map((o) => o.name)).toEqual(['VTV', 'Bộ Y tế']);
    expect(e.person).toEqual([]);
  });

  it('hard constraints drop a weather system read as a person and a code name part', () => {
    const kept = applyConstraints([
      m('person', 'Bão Yagi'),
      m('organization', 'SARS', 0.9, '-CoV-2 lan'),
      m('place', 'Hà Nội', 0.9, '-Hải Phòng'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Hà Nội']);
  });

  it('hard constraints drop a market index and a terminal or block code read as places', () => {
    const kept = applyConstraints([
      m('place', 'VN', 0.9, '-Index tă'),
      m('place', 'ga T2', 0.9, ' đã sẵn '),
      m('place', 'B1', 0.9, ' của khu'),
      m('place', 'Bà Rịa', 0.9, '-Vũng Tàu'),
      m('organization', 'G7', 0.9, ' họp tại'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Bà Rịa', 'G7']);
  });

  it('drops a person whose name ends inside a listed word, not one followed by a word of its own', () => {
    const kept = applyConstraints([
      m('person', 'Đoàn Nghệ', 0.9, ' thuật tỉnh Điện Biên'),
      m('person', 'Nguyễn Văn Hải', 0.9, ' quan tâm đến việc'),
      m('person', 'Lò Thị Mai', 0.9, ', diễn viên Đoàn'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Nguyễn Văn Hải', 'Lò Thị Mai']);
  });

  it("drops the model's organisation cut inside a word after a capital, not a rule name or a lower-case tail", () => {
    const decoded = [
      m('organization', 'Tập đoàn Dầu', 0.9, ' khí ký thỏa thuận'),
      m('organization', 'Cục Hàng không', 0.9, ' có văn bản gửi'),
      m('organization', 'Tập đoàn Dầu khí', 0.9, ' ký thỏa thuận'),
    ];
    expect(applyConstraints(decoded, true).map((k) => k.text)).toEqual([
      'Cục Hàng không',
      'Tập đoàn Dầu khí',
    ]);
    // the rules' cut name stays for the combiner, which takes the model's whole name instead
    expect(applyConstraints(decoded).map((k) => k.text)).toEqual(decoded.map((k) => k.text));
  });

  it('drops a generic office described in lower case before its place, not a capitalised one', () => {
    const kept = applyConstraints([
      m('organization', 'Cơ quan khí tượng Mông Cổ'),
      m('organization', 'Cơ quan thuế tỉnh Nghệ An'),
      m('organization', 'Cơ quan Khí tượng Nhật Bản'),
      m('organization', 'Cơ quan điều tra Bộ Công an'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Cơ quan Khí tượng Nhật Bản', 'Cơ quan điều tra Bộ Công an']);
  });

  it('drops a compass word joined to another by a dash, not a place named with one', () => {
    const kept = applyConstraints([
      { ...m('place', 'Bắc', 0.9, ' - Nam đoạn đầu'), lead: 'đường sắt tốc độ cao ' },
      { ...m('place', 'Nam', 0.9, ' đoạn đầu tiên'), lead: 'đường sắt tốc độ cao Bắc - ' },
      { ...m('place', 'Nam', 0.9, '-Trung'), lead: 'xe ' },
      { ...m('place', 'Bắc Ninh', 0.9, ' - Lạng Sơn'), lead: 'cao tốc ' },
      { ...m('place', 'Nam', 0.9, ' Mỹ.'), lead: 'Hà ' },
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Nam', 'Bắc Ninh', 'Nam']);
  });

  it('drops a half of the country named by a compass word, but not a named region', () => {
    const kept = applyConstraints([
      m('place', 'miền Trung'),
      m('place', 'Miền Tây'),
      m('place', 'Tây Nguyên'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Tây Nguyên']);
  });

  it('drops an organisation whose name ends in a unit word with no name after it', () => {
    const kept = applyConstraints([
      m('organization', 'UBND tỉnh'),
      m('organization', 'Sở Nội vụ tỉnh'),
      m('organization', 'HĐND TP'),
      m('organization', 'UBND tỉnh Nghệ An'),
      m('organization', 'Tân Hoa xã'),
      m('organization', 'Bệnh viện Nhi đồng Thành phố'),
    ]);
    expect(kept.map((k) => k.text)).toEqual([
      'UBND tỉnh Nghệ An',
      'Tân Hoa xã',
      'Bệnh viện Nhi đồng Thành phố',
    ]);
  });

  it('drops a department every province has when no scope is written in or right after it', () => {
    const kept = applyConstraints([
      m('organization', 'Sở Tài chính', 0.9, ' đề xuất'),
      m('organization', 'Ban Thường vụ Thành ủy', 0.9, ' quyết'),
      m('organization', 'Sở GD&ĐT Hà Nội'),
      m('organization', 'Sở Y tế tỉnh Phú Yên'),
      m('organization', 'Sở Y tế', 0.9, ' tỉnh Ph'),
      m('organization', 'Ban Thường vụ Tỉnh ủy Cao Bằng'),
      m('organization', 'Bộ Tài chính'),
    ]);
    expect(kept.map((k) => k.text)).toEqual([
      'Sở GD&ĐT Hà Nội',
      'Sở Y tế tỉnh Phú Yên',
      'Sở Y tế',
      'Ban Thường vụ Tỉnh ủy Cao Bằng',
      'Bộ Tài chính',
    ]);
  });

  it('drops a place that ends the name of a contest, and a road named by its number', () => {
    const at = (text: string, lead: string): Mention => ({ ...m('place', text), lead });
    const kept = applyConstraints([
      at('châu Á', 'huy chương vàng tại giải vô địch cờ tướng '),
      at('Đông Nam Á', 'dự giải bóng đá '),
      at('châu Á', 'xuất khẩu gạo đứng đầu '),
      at('Huế', 'dự lễ hội ở '),
      at('Sài Gòn', 'kỷ niệm ngày giải phóng '),
      m('place', 'quốc lộ 14'),
      m('place', 'quận 1'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['châu Á', 'Huế', 'Sài Gòn', 'quận 1']);
  });

  it('drops an organisation spanning a match verb between two names, not one holding a word made with it', () => {
    const kept = applyConstraints([
      m('organization', 'Đông Á Thanh Hóa thắng Công an Hà Nội'),
      m('organization', 'Hà Nội hòa Nam Định'),
      m('organization', 'Bảo tàng Chiến thắng B-52'),
      m('organization', 'Đảng Cộng hòa Mỹ'),
    ]);
    expect(kept.map((k) => k.text)).toEqual(['Bảo tàng Chiến thắng B-52', 'Đảng Cộng hòa Mỹ']);
  });
});
