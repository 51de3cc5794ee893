/**
 * How each labelled set's topic labels map to IPTC Media Topic top-level codes, for training (DANeS only)
 * and for scoring topic accuracy (all sets).
 *
 * Every label gets one of:
 * - `primary`: the IPTC code that names the same subject. Strict accuracy counts a prediction as right only
 *   when the top topic equals it.
 * - `accept`: further codes a reasonable editor would also file the section's articles under. Newsroom
 *   sections are broader than IPTC topics: Vietnamese `Xã hội` (society) pages carry politics, traffic
 *   accidents and labour news; `Giao thông` (transport) mixes infrastructure (economy) with crashes
 *   (accident). Lenient accuracy also accepts these. Both figures are printed.
 * - `null`: the label is not a subject and is EXCLUDED from topic accuracy (and from training):
 *   `Thế giới`/`world`/`TheGioi`/`tin-tuc-quoc-te` (a geography: world news is politics, conflict, economy,
 *   ...), `Không xác định`
 *   ("undetermined"), `tin-tuc-trong-ngay` ("news of the day"), `media-24h` (a format: video),
 *   baomoi's `Home` (no section) and `ThoiSu` ("current affairs").
 */

import { nameKey } from '../../text/vietnamese';
import { IPTC, type IptcCode } from '../topics/iptc';

export interface LabelMapping {
  primary: IptcCode;
  /** Also counted correct by lenient accuracy. */
  accept?: readonly IptcCode[];
}

export type LabelTable = Readonly<Record<string, LabelMapping | null>>;

/**
 * DANeS (CC BY 4.0; DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS):
 * 23 labels, keyed by their NFC text. DANeS is multi-label: an article counts as correct when the
 * predicted top topic is among its mapped labels.
 */
export const DANES_LABELS: LabelTable = {
  // "Life": Vietnamese lifestyle sections; DANeS applies it broadly (397 of 1,441 records, usually beside a
  // more specific label), and lifestyle and leisure is the closest IPTC code.
  'Đời sống': { primary: IPTC.lifestyle },
  'Xã hội': { primary: IPTC.society },
  'Kinh tế': { primary: IPTC.economy },
  'Giải trí': { primary: IPTC.arts },
  // Covid-19 news in 2021 is mostly about the epidemic itself (cases, vaccines, treatment).
  'Covid-19': { primary: IPTC.health },
  'Thế giới': null,
  // "Gossip/drama": celebrity news and shocking incidents. IPTC files celebrity under human interest.
  'Hóng biến': { primary: IPTC.humanInterest },
  'Sức khoẻ': { primary: IPTC.health },
  'Thể thao': { primary: IPTC.sport },
  'Công nghệ': { primary: IPTC.science },
  'Văn hoá': { primary: IPTC.arts },
  'Pháp luật': { primary: IPTC.crime },
  'Chính trị': { primary: IPTC.politics },
  'Bất động sản': { primary: IPTC.economy },
  'Môi trường': { primary: IPTC.environment },
  'Giáo dục': { primary: IPTC.education },
  // IPTC files travel and tourism under lifestyle and leisure.
  'Du lịch': { primary: IPTC.lifestyle },
  'Phim ảnh': { primary: IPTC.arts },
  'Chứng khoán': { primary: IPTC.economy },
  // Transport (roads, rail, airlines, cars) is an industry in IPTC (economy); crashes are accidents.
  'Giao thông': { primary: IPTC.economy, accept: [IPTC.disaster] },
  'Khoa học': { primary: IPTC.science },
  'Không xác định': null,
  // IPTC files games under lifestyle and leisure.
  Game: { primary: IPTC.lifestyle },
};

// Vietnamese `Xã hội` sections carry government news, accidents, labour, environment, weather, crime
// and, in 2020-2021, the Covid-19 response (quarantine, testing: IPTC health).
const SOCIETY_SECTION: LabelMapping = {
  primary: IPTC.society,
  accept: [
    IPTC.politics,
    IPTC.disaster,
    IPTC.labour,
    IPTC.environment,
    IPTC.weather,
    IPTC.crime,
    IPTC.health,
  ],
};

/** UNC dantri.com.vn (GPL-3.0, evaluation only): topic from the file name `news_<topic>_NNN`. */
export const UNC_DANTRI_LABELS: LabelTable = {
  business: { primary: IPTC.economy },
  education: { primary: IPTC.education },
  entertainment: { primary: IPTC.arts, accept: [IPTC.humanInterest] },
  health: { primary: IPTC.health },
  science: { primary: IPTC.science, accept: [IPTC.environment] },
  society: SOCIETY_SECTION,
  sport: { primary: IPTC.sport },
  tech: { primary: IPTC.science },
  travel: { primary: IPTC.lifestyle },
  world: null,
};

/** VLSP 2018 NER (evaluation only): topic from the folder name, diacritic-free as on disk. */
export const VLSP_LABELS: LabelTable = {
  'Doi song': { primary: IPTC.lifestyle, accept: [IPTC.humanInterest, IPTC.health, IPTC.society] },
  'Giai tri': { primary: IPTC.arts, accept: [IPTC.humanInterest] },
  'Giai tri - Am nhac': { primary: IPTC.arts },
  'Giao duc': { primary: IPTC.education },
  'KH - CN': { primary: IPTC.science },
  'Khoa hoc': { primary: IPTC.science },
  'Cong nghe': { primary: IPTC.science },
  'Cong nghe - Vien thong': { primary: IPTC.science },
  'Cong nghe Thiet bi - Phan cung': { primary: IPTC.science },
  'Kinh te': { primary: IPTC.economy },
  'Kinh te Chung khoan': { primary: IPTC.economy },
  'Kinh te Kinh doanh': { primary: IPTC.economy },
  'Kinh te Tai chinh': { primary: IPTC.economy },
  'Nha dat': { primary: IPTC.economy },
  'Phap luat': { primary: IPTC.crime },
  'The gioi': null,
  'The thao': { primary: IPTC.sport },
  'The thao Bong da quoc te': { primary: IPTC.sport },
  'The thao Quan vot': { primary: IPTC.sport },
  'Van hoa': { primary: IPTC.arts, accept: [IPTC.lifestyle, IPTC.religion] },
  'Van hoa Du lich': { primary: IPTC.lifestyle },
  'Van hoa Nghe thuat': { primary: IPTC.arts },
  'Xa hoi': SOCIETY_SECTION,
  'Xa hoi Giao thong': { primary: IPTC.economy, accept: [IPTC.disaster, IPTC.society] },
  'Xa hoi Thoi su': SOCIETY_SECTION,
};

/** KTLAB baomoi.com clusters (evaluation only): category from the LINK path `/Home/<Category>/...`. */
export const KTLAB_LABELS: LabelTable = {
  AmNhac: { primary: IPTC.arts },
  AnNinh: { primary: IPTC.crime },
  BongDa: { primary: IPTC.sport },
  CNTT: { primary: IPTC.science },
  ChungKhoan: { primary: IPTC.economy },
  DaoTao: { primary: IPTC.education },
  'DoiNoi-DoiNgoai': { primary: IPTC.politics },
  GiaoDuc: { primary: IPTC.education },
  HinhSu: { primary: IPTC.crime },
  HocBong: { primary: IPTC.education },
  Home: null,
  KinhTe: { primary: IPTC.economy },
  PhapLuat: { primary: IPTC.crime },
  QuanVot: { primary: IPTC.sport },
  SanKhau: { primary: IPTC.arts },
  TaiChinh: { primary: IPTC.economy },
  TheGioi: null,
  TheThao: { primary: IPTC.sport },
  ThiTruong: { primary: IPTC.economy },
  'ThietBi-PhanCung': { primary: IPTC.science },
  ThoiSu: null,
  // Links without a `/Home/<Category>/` part carry only a numeric category id: no label.
  '': null,
  XaHoi: SOCIETY_SECTION,
};

/** crawl-news-24h (evaluation only): topic from the first URL path segment. */
export const NEWS24H_LABELS: LabelTable = {
  'bong-da': { primary: IPTC.sport },
  'the-thao': { primary: IPTC.sport },
  'tin-tuc-trong-ngay': null,
  // "Young people - life": human-interest stories about people.
  'ban-tre-cuoc-song': { primary: IPTC.humanInterest, accept: [IPTC.lifestyle, IPTC.society] },
  // Fashion: IPTC files it under arts and entertainment (medtop:20000011 fashion).
  'thoi-trang': { primary: IPTC.arts, accept: [IPTC.lifestyle] },
  // 24h's technology section (phones, gadgets), despite the "fashion" in its name.
  'thoi-trang-hi-tech': { primary: IPTC.science },
  'giai-tri': { primary: IPTC.arts, accept: [IPTC.humanInterest] },
  'kinh-doanh': { primary: IPTC.economy },
  'thi-truong-tieu-dung': { primary: IPTC.economy },
  'giao-duc-du-hoc': { primary: IPTC.education },
  'cong-nghe-thong-tin': { primary: IPTC.science },
  // "Security - society": 24h's crime section.
  'an-ninh-xa-hoi': { primary: IPTC.crime, accept: [IPTC.disaster] },
  'suc-khoe-doi-song': { primary: IPTC.health },
  'am-thuc': { primary: IPTC.lifestyle },
  // Beauty: looks and skin care, often written as health advice.
  'lam-dep': { primary: IPTC.lifestyle, accept: [IPTC.health, IPTC.arts] },
  'du-lich-24h': { primary: IPTC.lifestyle },
  'tin-tuc-quoc-te': null,
  'media-24h': null,
};

/** Looks up a label; `undefined` means the label is unknown to the table (reported, never guessed). */
export function mapLabel(table: LabelTable, label: string): LabelMapping | null | undefined {
  const key = nameKey(label);
  for (const [name, mapping] of Object.entries(table)) if (nameKey(name) === key) return mapping;
  return undefined;
}
