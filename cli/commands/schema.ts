import { articleJsonSchema } from '../../shared/model/article';
import type { Command } from '../command';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the article record JSON Schema',
  help: `Usage: newsdrop schema

Prints the JSON Schema (draft 2020-12) of the article record: what the CLI prints,
what the store keeps and what the API returns.`,
  async run() {
    process.stdout.write(`${JSON.stringify(articleJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
