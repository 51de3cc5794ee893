/**
 * The place gazetteer as shipped: place-index.generated.json (the reviewed form, ./build-places) turned
 * by `npm run build:data` into a table file (../../../assets/table-file.ts) of two string tables, every
 * place key with its group (kind and province) and every first syllable of a key, so loading it views
 * the file's arrays instead of filling Maps with ~8,000 keys.
 */
import { decodeTableFile, encodeTableFile } from '../../../assets/table-file';
import { buildStringTable, StringTable } from '../../../text/string-table';
import type { PlaceIndex, PlaceKind } from './types';

export const PLACE_TABLE_FORMAT = 'newsdrop-place-table-1';

interface PlaceTableMeta {
  source: PlaceIndex['source'];
  provinces: PlaceIndex['provinces'];
  /** What a key names: its kind and 2025 province code (candidate codes joined by `,` when several provinces have the name; null: none).*/
  groups: [kind: PlaceKind, province: string | null][];
  /** Most syllables a place name has. */
  longest: number;
}

export interface PlaceTable {
  provinces: PlaceIndex['provinces'];
  groups: PlaceTableMeta['groups'];
  /** Every place key; entry `e` names `groups[groupOf[e]]`. */
  places: StringTable;
  groupOf: Uint16Array;
  /** First syllables of the place keys. */
  firsts: StringTable;
  longest: number;
}

export function encodePlaceTable(index: PlaceIndex): Uint8Array {
  const keys: string[] = [];
  const groupOf: number[] = [];
  const firsts = new Set<string>();
  let longest = 0;
  index.places.forEach(([, , joined], group) => {
    for (const key of joined.split('|')) {
      keys.push(key);
      groupOf.push(group);
      const syllables = key.split(' ');
      firsts.add(syllables[0]!);
      longest = Math.max(longest, syllables.length);
    }
  });
  const places = buildStringTable(keys);
  const first = buildStringTable([...firsts]);
  return encodeTableFile<PlaceTableMeta>(
    PLACE_TABLE_FORMAT,
    {
      source: index.source,
      provinces: index.provinces,
      groups: index.places.map(([kind, code]) => [kind, code]),
      longest,
    },
    {
      placeKeys: places.keys,
      placeStarts: places.starts,
      placeSlots: places.slots,
      placeGroups: Uint16Array.from(groupOf),
      firstKeys: first.keys,
      firstStarts: first.starts,
      firstSlots: first.slots,
    },
  );
}

export function decodePlaceTable(bytes: Uint8Array): PlaceTable {
  const file = decodeTableFile<PlaceTableMeta>(bytes, PLACE_TABLE_FORMAT);
  const places = new StringTable({
    keys: file.text('placeKeys'),
    starts: file.array('placeStarts', 'u32'),
    slots: file.array('placeSlots', 'i32'),
  });
  const groupOf = file.array('placeGroups', 'u16');
  if (groupOf.length !== places.size) throw new Error(`${PLACE_TABLE_FORMAT}: sections do not fit together`);
  return {
    provinces: file.meta.provinces,
    groups: file.meta.groups,
    places,
    groupOf,
    firsts: new StringTable({
      keys: file.text('firstKeys'),
      starts: file.array('firstStarts', 'u32'),
      slots: file.array('firstSlots', 'i32'),
    }),
    longest: file.meta.longest,
  };
}
