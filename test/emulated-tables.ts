import { afterAll, beforeAll } from 'vitest';
import { type Emulators, ensureTable, startEmulators } from '../local/emulators';

/**
 * The embedded emulators for the enclosing describe block (or file), started once, with a fresh table per
 * test so tests stay independent of each other.
 */
export function useEmulatedTables(prefix: string): {
  readonly emu: Emulators;
  freshTable(): Promise<string>;
} {
  let emu: Emulators | undefined;
  let tables = 0;
  beforeAll(async () => {
    emu = await startEmulators({ memory: true });
  });
  afterAll(async () => {
    await emu?.close();
  });
  const started = (): Emulators => {
    if (!emu) throw new Error('the emulators start in beforeAll');
    return emu;
  };
  return {
    get emu() {
      return started();
    },
    async freshTable() {
      const name = `${prefix}-${++tables}`;
      await ensureTable(started().dynamo, name);
      return name;
    },
  };
}
