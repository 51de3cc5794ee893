import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { processUpload } from '../../shared/ingest/ingest';
import { type Command, UsageError } from '../command';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Parse and tag files; print one JSON record per file',
  help: `Usage: newsdrop parse [--max-bytes N] [--pretty] FILE...

Reads each FILE, runs the same parse-and-tag call as the ingest Lambda (a web page gets the
same second opinion) and prints one JSON article record per file, one line each, in argument order.
A file that cannot be processed prints a record with status "rejected" and its reason.

Options:
  --max-bytes N  largest text accepted, in bytes (default 5242880)
  --pretty       indent the JSON (one record per block instead of per line)

Exit code: 0 all stored, 1 any file rejected, 2 usage error.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'max-bytes': { type: 'string' }, pretty: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('give at least one FILE');
    const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
    if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
      throw new UsageError('--max-bytes takes a positive whole number');
    }
    let rejected = 0;
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      // The key is the file's name, as if it had been uploaded to incoming/: same id as in the store.
      const record = await processUpload(
        { key: basename(file) },
        bytes,
        maxBytes !== undefined ? { maxBytes } : {},
      );
      if (record.status === 'rejected') rejected++;
      process.stdout.write(`${JSON.stringify(record, null, values.pretty ? 2 : undefined)}\n`);
    }
    return rejected > 0 ? 1 : 0;
  },
};
