/** What the place gazetteer holds: shared by the lookup (./index) and its build (./build-places). */
import type { Province } from '../../../model/article';

export type PlaceKind = 'province' | 'former-province' | 'commune' | 'former-commune' | 'world';

export interface PlaceInfo {
  kind: PlaceKind;
  /** The 2025 province the place lies in, when it is in Vietnam and unambiguous. */
  province?: Province;
  /** The provinces a commune name with none is found in (`Hòa Khánh`: Đà Nẵng, Tây Ninh); the article may say which. */
  mayBeIn?: readonly Province[];
}

/** Joins the candidate province codes of a commune several provinces have (`48,80`) in the index's code field. */
export const AMBIGUOUS_CODES = ',';

/**
 * The reviewed form of the gazetteer (place-index.generated.json; ./table ships it as string tables): the provinces, then the keys grouped
 * by what they name, each group `[kind, province code (or the codes of the provinces a commune name several
 * have is in, joined by AMBIGUOUS_CODES) or null, keys joined by |]`.
 */
export interface PlaceIndex {
  source: string;
  provinces: [code: string, officialName: string][];
  places: [kind: PlaceKind, province: string | null, keys: string][];
}
