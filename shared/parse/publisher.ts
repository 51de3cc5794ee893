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

/** `TTXVN/Vietnam+`: an agency and its outlet, two short names joined by a slash. */
const AGENCY_AND_OUTLET = /^([^/\s][^/]{0,30}?)\s*\/\s*[^/\s][^/]{0,30}$/u;

/**
 * A publisher as a dateline or credit names it: a site's domain (`VTV.vn`, `VOV.VN`) is the name the
 * URL would give (`VTV`, `VOV`); an agency and its outlet (`Theo TTXVN/Vietnam+`) is the agency (`TTXVN`), as
 * a byline's agency is read; any other name (`Dân trí`, `TTXVN`, `HanoiTV`) as written.
 */
export function publisherFromName(name: string): string {
  const host = name.toLowerCase().replace(/^www\./, '');
  if (/^[a-z0-9-]+(?:\.[a-z]{2,})+$/.test(host)) return SITES[host] ?? name;
  const agency = name.includes('/') ? AGENCY_AND_OUTLET.exec(name) : null;
  return agency ? agency[1]! : name;
}
