/**
 * A table file: named typed arrays and strings in one binary file, written by the data build and loaded
 * by viewing its bytes, so a Lambda's cold start reads the file instead of parsing JSON into Maps.
 * Layout (little-endian, as on every Lambda architecture):
 *   0 magic "NDTF" · 4 u32 header length H · 8 H bytes of UTF-8 JSON `{format, meta, sections}`, padded
 *   with spaces to a multiple of 8 · then each section at its `offset` (a multiple of 8, from byte 0).
 * `format` names the layout and its version (`newsdrop-topics-table-1`); a reader refuses another one.
 */

const MAGIC = 0x4654444e; // "NDTF" little-endian
const ALIGN = 8;

const ARRAY_TYPES = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

type ArrayType = keyof typeof ARRAY_TYPES;
/** Strings are stored as UTF-16 (`utf16le`): decoding copies the units, ~3× faster than UTF-8 for Vietnamese. */
type SectionType = ArrayType | 'utf16';
export type TableArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  /** Bytes. */
  bytes: number;
}

interface Header<M> {
  format: string;
  meta: M;
  sections: SectionEntry[];
}

function typeOf(value: TableArray | string): SectionType {
  if (typeof value === 'string') return 'utf16';
  for (const [name, Type] of Object.entries(ARRAY_TYPES)) if (value instanceof Type) return name as ArrayType;
  throw new Error('table file: unsupported section type');
}

const padded = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** The file's bytes: `meta` is any JSON value (credits, labels), `sections` the arrays and strings. */
export function encodeTableFile<M>(
  format: string,
  meta: M,
  sections: Readonly<Record<string, TableArray | string>>,
): Uint8Array {
  const bodies = Object.entries(sections).map(([name, value]) => ({
    name,
    type: typeOf(value),
    data:
      typeof value === 'string'
        ? Buffer.from(value, 'utf16le')
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
  }));
  // Offsets depend on the header's length and the header lists the offsets: grow until they agree.
  let headerBytes = 0;
  for (;;) {
    let at = padded(8 + headerBytes);
    const entries = bodies.map(({ name, type, data }) => {
      const entry = { name, type, offset: at, bytes: data.byteLength };
      at = padded(at + data.byteLength);
      return entry;
    });
    const header = Buffer.from(
      JSON.stringify({ format, meta, sections: entries } satisfies Header<M>),
      'utf8',
    );
    if (padded(8 + header.byteLength) - 8 !== headerBytes) {
      headerBytes = padded(8 + header.byteLength) - 8;
      continue;
    }
    const out = new Uint8Array(at);
    out.fill(0x20, 8, 8 + headerBytes);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, headerBytes, true);
    out.set(header, 8);
    for (const [i, { data }] of bodies.entries()) out.set(data, entries[i]!.offset);
    return out;
  }
}

export interface TableFile<M> {
  meta: M;
  /** A typed-array section, viewed over the file's bytes (no copy). */
  array<T extends ArrayType>(name: string, type: T): InstanceType<(typeof ARRAY_TYPES)[T]>;
  /** A string section. */
  text(name: string): string;
}

/** Reads a table file's header and checks its format; sections are viewed when asked for. */
export function decodeTableFile<M>(file: Uint8Array, format: string): TableFile<M> {
  // Typed-array views need their element alignment: a file read on its own starts at offset 0, but a
  // slice of a pooled buffer may not.
  const bytes = file.byteOffset % ALIGN === 0 ? file : file.slice();
  const buffer = bytes.buffer as ArrayBuffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a newsdrop table file');
  const headerBytes = view.getUint32(4, true);
  const header = JSON.parse(
    Buffer.from(buffer, bytes.byteOffset + 8, headerBytes).toString('utf8'),
  ) as Header<M>;
  if (header.format !== format) {
    throw new Error(
      `table file is ${header.format}, this code reads ${format}: rebuild it (npm run build:data)`,
    );
  }
  const section = (name: string, type: SectionType): SectionEntry => {
    const entry = header.sections.find((s) => s.name === name);
    if (entry === undefined || entry.type !== type)
      throw new Error(`table file ${format}: no ${type} section ${name}`);
    if (entry.offset + entry.bytes > bytes.byteLength)
      throw new Error(`table file ${format}: ${name} is cut short`);
    return entry;
  };
  return {
    meta: header.meta,
    array(name, type) {
      const { offset, bytes: length } = section(name, type);
      const Type = ARRAY_TYPES[type];
      return new Type(buffer, bytes.byteOffset + offset, length / Type.BYTES_PER_ELEMENT) as InstanceType<
        (typeof ARRAY_TYPES)[typeof type]
      >;
    },
    text(name) {
      const { offset, bytes: length } = section(name, 'utf16');
      return Buffer.from(buffer, bytes.byteOffset + offset, length).toString('utf16le');
    },
  };
}
