export async function runTagEval(): Promise<void> {
  process.stdout.write('tag eval: not implemented yet\n');
}
