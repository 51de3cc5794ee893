/**
 * Loads every data file the first article needs (entity weights and lexicon keys, key-phrase words, the
 * title model) by processing one small article, so a container pays for them in Lambda's init phase
 * rather than on its first upload, and the cold-start figure (bench row 2) counts them. The article is
 * the team's own text, in the seed layout whose title comes from the URL.
 */
import type { ArticleRecord } from './model/article';
import { processArticle } from './process';

const WARM_UP_ARTICLE = [
  'Sáng 3/12, Ủy ban nhân dân thành phố Hà Nội tổ chức hội nghị về giao thông đô thị.',
  'Ông Nguyễn Văn An, Giám đốc Sở Xây dựng, cho biết thành phố sẽ mở thêm hai tuyến xe buýt điện.',
  'https://example.vn/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20261203101500123.htm',
].join('\n');

/** The warm-up article's record, for a test to check it reached every stage. */
export function warmUp(): ArticleRecord {
  return processArticle({ key: 'warm-up/warm-up.txt' }, new TextEncoder().encode(WARM_UP_ARTICLE));
}
