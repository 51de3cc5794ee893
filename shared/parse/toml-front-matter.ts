/**
 * TOML front matter between `+++` lines, as Hugo writes it: the top-level `key = value` pairs, read into the
 * object YAML front matter gives (`markdown.ts` reads both the same way). Values: basic and literal strings,
 * one-line or multi-line (`"…"`, `'…'`, `"""…"""`, `'''…'''`), arrays of them, booleans, numbers, and dates
 * and times kept as the text written (`2026-12-01T16:20:00+07:00`, `2026-12-02`), so a time without an
 * offset is read as Vietnamese time, as in YAML. The keys of a `[table]` (Hugo's `[params]`) are the site's
 * own and not read; a line that is no `key = value` is skipped, as broken YAML is.
 */

type TomlValue = string | number | boolean | TomlValue[];

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/** Reads values from a position in the front matter's text. */
class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  /** Spaces, tabs, and (inside an array) line breaks and comments. */
  skip(lines: boolean): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || (lines && (c === '\n' || c === '\r'))) this.pos++;
      else if (lines && c === '#')
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      else return;
    }
  }

  value(): TomlValue | undefined {
    const t = this.text;
    if (t.startsWith('"""', this.pos) || t.startsWith("'''", this.pos))
      return this.multiline(t.slice(this.pos, this.pos + 3));
    const c = t[this.pos];
    if (c === '"') return this.basic();
    if (c === "'") {
      const end = t.indexOf("'", this.pos + 1);
      if (end < 0 || t.slice(this.pos, end).includes('\n')) return undefined;
      const s = t.slice(this.pos + 1, end);
      this.pos = end + 1;
      return s;
    }
    if (c === '[') return this.array();
    // A bare value runs to the end of the line, a comma or a closing bracket (inside an array), or a comment.
    const m = /^[^,\]\n#]*/.exec(t.slice(this.pos))!;
    this.pos += m[0].length;
    const bare = m[0].trim();
    if (bare === 'true' || bare === 'false') return bare === 'true';
    if (/^[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?$/.test(bare) && !/^\d{4}-/.test(bare))
      return Number(bare.replace(/_/g, ''));
    return bare === '' ? undefined : bare;
  }

  private basic(): string | undefined {
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (c === '\n') return undefined;
      if (c === '"') {
        this.pos = i + 1;
        return out;
      }
      if (c === '\\') {
        const e = this.text[++i]!;
        if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          out += String.fromCodePoint(Number.parseInt(this.text.slice(i + 1, i + 1 + len), 16) || 0xfffd);
          i += len;
        } else out += ESCAPES[e] ?? e;
      } else out += c;
    }
    return undefined;
  }

  private multiline(quote: string): string | undefined {
    const end = this.text.indexOf(quote, this.pos + 3);
    if (end < 0) return undefined;
    // A line break right after the opening quotes is not part of the string.
    let s = this.text.slice(this.pos + 3, end).replace(/^\r?\n/, '');
    this.pos = end + 3;
    if (quote === '"""')
      s = s
        .replace(/\\\r?\n\s*/g, '')
        .replace(/\\(["\\btnfr])/g, (_, e: string) => ESCAPES[e]!)
        .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return s;
  }

  private array(): TomlValue[] | undefined {
    this.pos++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.text[this.pos] === ']') {
        this.pos++;
        return out;
      }
      if (this.pos >= this.text.length) return undefined;
      const v = this.value();
      if (v === undefined) return undefined;
      out.push(v);
      this.skip(true);
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') return undefined;
    }
  }
}

/**
 * The top-level keys of TOML front matter (the text between the `+++` lines).
 * `title = "Cam sành"\ndate = 2026-12-01\ntags = ["cam", "nông sản"]` →
 * `{title: 'Cam sành', date: '2026-12-01', tags: ['cam', 'nông sản']}`.
 */
export function readTomlFrontMatter(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const r = new Reader(text.replace(/\r\n?/g, '\n'));
  while (r.pos < r.text.length) {
    r.skip(false);
    const line = /^[^\n]*/.exec(r.text.slice(r.pos))![0];
    // A table header: the keys after it belong to the table, not to the article.
    if (/^\[/.test(line)) break;
    const key = /^("([^"\n]*)"|'([^'\n]*)'|[A-Za-z0-9_-]+)\s*=\s*/.exec(line);
    if (key) {
      r.pos += key[0].length;
      const v = r.value();
      if (v !== undefined) out[key[2] ?? key[3] ?? key[1]!] = v;
    }
    // On to the next line (past any comment or anything unread after the value).
    const next = r.text.indexOf('\n', r.pos);
    r.pos = next < 0 ? r.text.length : next + 1;
  }
  return out;
}
