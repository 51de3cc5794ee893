import type { Command } from '../command';

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'Not available yet',
  help: 'Usage: newsdrop reindex (not available yet)',
  async run() {
    process.stderr.write('newsdrop reindex: not available yet\n');
    return 2;
  },
};
