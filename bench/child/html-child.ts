/**
 * Child process of the HTML extraction row (bench/rows/html-extraction.ts), bundled like the ingest Lambda
 * and run with plain node. argv: `rate PATH MIN_MS` prints pages per second of one extractor over the
 * benchmark pages; `first PATH` prints the milliseconds from importing the extractor to the first
 * page's body, the extractor's modules initialised on the way (what the first HTML file of a container
 * waits, the second opinion's chunk loaded for it; loading the pages is the bench's own cost and is left out).
 */
const [mode = 'rate', path = 'parse', minMs = '3000'] = process.argv.slice(2);

const { loadBenchmark } = await import('../../eval/extraction-eval');
const pages = await loadBenchmark();

async function extractor(name: string): Promise<(bytes: Uint8Array) => unknown> {
  const { decodeBytes } = await import('../../shared/parse/encoding');
  const text = (bytes: Uint8Array) => {
    const d = decodeBytes(bytes);
    return d.ok ? d.text : '';
  };
  if (name === 'parse') {
    // As the ingest Lambda reads a web page: the second opinion's chunk loaded beside the bundle.
    const { loadSecondOpinion, parseArticle } = await import('../../shared/parse/index');
    const secondOpinion = await loadSecondOpinion();
    if (!secondOpinion) throw new Error('the second opinion chunk is not beside the bundle');
    return (bytes) => parseArticle({ bytes, fileName: 'page.html' }, { secondOpinion });
  }
  if (name === 'parse-2') {
    const { parseHtml } = await import('../../eval/baseline/html-parse-2');
    return (bytes) => parseHtml(text(bytes));
  }
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  return (bytes) => new Readability(parseHTML(text(bytes)).document as never).parse();
}

if (mode === 'first') {
  const t0 = performance.now();
  const fn = await extractor(path);
  fn(pages[0]!.bytes);
  process.stdout.write(`${performance.now() - t0}\n`);
} else {
  const fn = await extractor(path);
  for (const page of pages.slice(0, 20)) fn(page.bytes); // warm-up
  let done = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (const page of pages) fn(page.bytes);
    done += pages.length;
    elapsed = performance.now() - t0;
  } while (elapsed < Number(minMs));
  process.stdout.write(`${(done / elapsed) * 1000}\n`);
}
