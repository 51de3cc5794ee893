export async function runParseEval(): Promise<void> {
  process.stdout.write('parse eval: not implemented yet\n');
}
