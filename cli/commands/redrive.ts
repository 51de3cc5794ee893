import type { Command } from '../command';

export const redriveCommand: Command = {
  name: 'redrive',
  summary: 'Not available yet',
  help: 'Usage: newsdrop redrive (not available yet)',
  async run() {
    process.stderr.write('newsdrop redrive: not available yet\n');
    return 2;
  },
};
