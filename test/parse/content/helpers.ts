import { parseArticle } from '../../../shared/parse/index';

/** Prose written by the team: a paragraph of about 200 characters with commas, numbered to tell them apart. */
export function prose(n: number): string {
  return `Paragraph ${n} of the story: the council met on Monday, heard from residents, traders and teachers, and agreed to widen the river path, plant trees along it and open it to cyclists by the end of the year.`;
}

/** The record a saved web page with this body gives. */
export function pageRecord(body: string) {
  const html = `<!doctype html><html lang="en"><head><title>River path</title></head><body>${body}</body></html>`;
  const outcome = parseArticle({ bytes: Buffer.from(html), fileName: 'page.html' });
  if (!outcome.ok) throw new Error(outcome.rejection.message);
  return outcome.article;
}

export function paragraphsOf(body: string): string[] {
  return pageRecord(body).body.split('\n\n');
}
