import type { Command } from '../command';

export const uploadCommand: Command = {
  name: 'upload',
  summary: 'Not available yet',
  help: 'Usage: newsdrop upload (not available yet)',
  async run() {
    process.stderr.write('newsdrop upload: not available yet\n');
    return 2;
  },
};
