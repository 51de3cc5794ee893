/**
 * Readers for the hand-written data files under data/: plain text, one entry a line, `#` starts a
 * comment line, blank lines are skipped. Entries are NFC and trimmed.
 */

function entries(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().normalize('NFC'))
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A list file: its entries in order. */
export function readList(text: string): string[] {
  return entries(text);
}

/** A TSV file of `name<TAB>value` lines, in order. */
export function readPairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of entries(text)) {
    const [name, value, ...rest] = line.split('\t');
    if (!name || !value || rest.length > 0)
      throw new Error(`not a name<TAB>value line: ${JSON.stringify(line)}`);
    out[name.trim()] = value.trim();
  }
  return out;
}

/** A list file in `[section]` parts: each section's entries, sections in file order. */
export function readSections(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let section: string[] | undefined;
  for (const line of entries(text)) {
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      out[header[1]!] = section = [];
    } else if (section) {
      section.push(line);
    } else {
      throw new Error(`entry before the first [section]: ${JSON.stringify(line)}`);
    }
  }
  return out;
}
