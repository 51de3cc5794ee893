/**
 * Integer keys to integer values in typed arrays (open addressing): the hot tables of key-phrase counting,
 * which a `Map` of numbers serves several times slower. `clear` is O(1) (a generation stamp marks the
 * live slots), so one table is reused for every article.
 */
export class IntTable {
  private keys: Float64Array;
  private values: Int32Array;
  private stamps: Uint32Array;
  private generation = 1;
  private mask: number;
  /** 32 minus the capacity's bits: the slot is the hash's top bits. */
  private shift: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  clear(): void {
    this.size = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** The slot holding `key`, or the free slot where it would go. Keys are integers below 2^53. */
  private slot(key: number): number {
    // Both halves of the key mixed, so keys that differ only above bit 32 spread too. The product's high
    // bits pick the slot: its low bits depend only on the key's low bits (a bigram's second word's).
    let i = Math.imul((key | 0) ^ ((key / 0x100000000) | 0), 0x9e3779b1) >>> this.shift;
    while (this.stamps[i] === this.generation && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number, missing: number): number {
    const i = this.slot(key);
    return this.stamps[i] === this.generation ? this.values[i]! : missing;
  }

  /** Adds `by` to the value of `key` (0 when absent). */
  add(key: number, by: number): void {
    const i = this.slot(key);
    if (this.stamps[i] === this.generation) this.values[i]! += by;
    else this.put(i, key, by);
  }

  /** The value of `key`, set to `value` first when absent. */
  getOrSet(key: number, value: number): number {
    const i = this.slot(key);
    if (this.stamps[i] === this.generation) return this.values[i]!;
    this.put(i, key, value);
    return value;
  }

  /** Sets the value of `key`. */
  set(key: number, value: number): void {
    const i = this.slot(key);
    if (this.stamps[i] === this.generation) this.values[i] = value;
    else this.put(i, key, value);
  }

  private put(i: number, key: number, value: number): void {
    this.keys[i] = key;
    this.values[i] = value;
    this.stamps[i] = this.generation;
    // At most half full, so probes stay short.
    if (++this.size * 2 > this.mask + 1) this.grow();
  }

  private grow(): void {
    const { keys, values, stamps, generation } = this;
    const capacity = (this.mask + 1) * 2;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    for (let i = 0; i < keys.length; i++) {
      if (stamps[i] !== generation) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.values[j] = values[i]!;
      this.stamps[j] = generation;
    }
  }
}
