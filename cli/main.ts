import type { Command } from './command';
import { UsageError } from './command';
import { parseCommand } from './commands/parse';
import { redriveCommand } from './commands/redrive';
import { reindexCommand } from './commands/reindex';
import { schemaCommand } from './commands/schema';
import { uploadCommand } from './commands/upload';
import type { CliContext } from './local-stack';

const commands: Command[] = [parseCommand, schemaCommand, uploadCommand, redriveCommand, reindexCommand];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'newsdrop: ingest Vietnamese news articles (parse, tag, store, query).',
    '',
    'Usage: newsdrop COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `newsdrop COMMAND --help` for a command's options. `npm start` runs the local stack.",
  ].join('\n');
}

/** Runs one command; bin/newsdrop.js calls it with the context (the local stack link) injected. */
export async function main(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`newsdrop: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, context);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`newsdrop ${name}: ${(err as Error).message}\n\n${command.help}\n`);
      return 2;
    }
    throw err;
  }
}
