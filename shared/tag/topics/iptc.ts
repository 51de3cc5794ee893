/** IPTC Media Topics, top level (https://cv.iptc.org/newscodes/mediatopic/), with their English labels. */
export const IPTC_TOP_LEVEL = [
  ['medtop:01000000', 'arts, culture, entertainment and media'],
  ['medtop:02000000', 'crime, law and justice'],
  ['medtop:03000000', 'disaster, accident and emergency incident'],
  ['medtop:04000000', 'economy, business and finance'],
  ['medtop:05000000', 'education'],
  ['medtop:06000000', 'environment'],
  ['medtop:07000000', 'health'],
  ['medtop:08000000', 'human interest'],
  ['medtop:09000000', 'labour'],
  ['medtop:10000000', 'lifestyle and leisure'],
  ['medtop:11000000', 'politics'],
  ['medtop:12000000', 'religion'],
  ['medtop:13000000', 'science and technology'],
  ['medtop:14000000', 'society'],
  ['medtop:15000000', 'sport'],
  ['medtop:16000000', 'conflict, war and peace'],
  ['medtop:17000000', 'weather'],
] as const;

export type IptcCode = (typeof IPTC_TOP_LEVEL)[number][0];

export const IPTC_CODES: readonly IptcCode[] = IPTC_TOP_LEVEL.map(([code]) => code);

const LABELS = new Map<string, string>(IPTC_TOP_LEVEL);

/** English label of a top-level code; throws on an unknown code (a programming error). */
export function iptcLabel(code: string): string {
  const label = LABELS.get(code);
  if (label === undefined) throw new Error(`unknown IPTC top-level code ${code}`);
  return label;
}

export function isIptcCode(code: string): code is IptcCode {
  return LABELS.has(code);
}

/** Short aliases used in hand-written tables: `politics` → `medtop:11000000`. */
export const IPTC = {
  arts: 'medtop:01000000',
  crime: 'medtop:02000000',
  disaster: 'medtop:03000000',
  economy: 'medtop:04000000',
  education: 'medtop:05000000',
  environment: 'medtop:06000000',
  health: 'medtop:07000000',
  humanInterest: 'medtop:08000000',
  labour: 'medtop:09000000',
  lifestyle: 'medtop:10000000',
  politics: 'medtop:11000000',
  religion: 'medtop:12000000',
  science: 'medtop:13000000',
  society: 'medtop:14000000',
  sport: 'medtop:15000000',
  conflict: 'medtop:16000000',
  weather: 'medtop:17000000',
} as const satisfies Record<string, IptcCode>;

export type IptcTopicName = keyof typeof IPTC;
