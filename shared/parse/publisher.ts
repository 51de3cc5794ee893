/** Publisher names for news sites seen as URL hosts or `Theo …` credits. */
import { siteOf } from './url';

const SITES: Record<string, string> = {
  'vov.vn': 'VOV',
  'dantri.com.vn': 'Dân trí',
  'vnexpress.net': 'VnExpress',
  '24h.com.vn': '24h',
  'tuoitre.vn': 'Tuổi Trẻ',
  'thanhnien.vn': 'Thanh Niên',
  'vietnamnet.vn': 'VietNamNet',
  'nhandan.vn': 'Nhân Dân',
  'hanoitv.vn': 'HanoiTV',
  'baomoi.com': 'Báo Mới',
  'zingnews.vn': 'Zing News',
  'znews.vn': 'Znews',
  'laodong.vn': 'Lao Động',
  'tienphong.vn': 'Tiền Phong',
  'vtv.vn': 'VTV',
  'vietnamplus.vn': 'VietnamPlus',
  'cand.com.vn': 'Công an Nhân dân',
  'qdnd.vn': 'Quân đội Nhân dân',
  'kenh14.vn': 'Kenh14',
  'cafef.vn': 'CafeF',
};

export function publisherFromUrl(url: string): string | null {
  const host = siteOf(url);
  if (!host) return null;
  // baomoi aggregates: the original publisher's domain is in the path (/Home/<Category>/<site>/...)
  const baomoi = /baomoi\.com\/Home\/[^/]+\/([a-z0-9.-]+\.[a-z]{2,})\//i.exec(url);
  if (baomoi) return SITES[baomoi[1]!.toLowerCase().replace(/^www\./, '')] ?? baomoi[1]!.toLowerCase();
  return SITES[host] ?? host;
}

/**
 * A publisher as a dateline or credit names it: a site's domain (`VTV.vn`, `VOV.VN`) is the name the
 * URL would give (`VTV`, `VOV`); any other name (`Dân trí`, `TTXVN`, `HanoiTV`) as written.
 */
export function publisherFromName(name: string): string {
  const host = name.toLowerCase().replace(/^www\./, '');
  return /^[a-z0-9-]+(?:\.[a-z]{2,})+$/.test(host) ? (SITES[host] ?? name) : name;
}
