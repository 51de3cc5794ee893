/**
 * Headless CMSs export an article's text as a list of typed blocks rather than one body string, and wrap
 * related records in envelopes. Both are reduced here to what `json.ts` reads elsewhere: an HTML fragment
 * (paragraphs and figure captions, read by `html-fragment.ts`) and plain nested objects.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Strapi entry (v4) and each record it relates to come as `{data: {id, attributes: {…}}}` (a list of
 * them for a to-many relation): each is replaced by its attributes, so `author.name` or a category's
 * `parent.name` reads as it does in a plain export.
 * `{data: {id: 7, attributes: {name: 'Thể thao'}}}` → `{id: 7, name: 'Thể thao'}`.
 */
export function unwrapRelations(v: Json): Json {
  if (Array.isArray(v)) return v.map(unwrapRelations);
  if (!isObj(v)) return v;
  if ('data' in v && Object.keys(v).every((k) => k === 'data' || k === 'meta')) {
    const d = v.data;
    const entry = (x: Json): Json =>
      isObj(x) && isObj(x.attributes) ? unwrapRelations({ id: x.id ?? null, ...x.attributes }) : x;
    if (Array.isArray(d) && d.every((x) => isObj(x) && isObj(x.attributes))) return d.map(entry);
    if (isObj(d) && isObj(d.attributes)) return entry(d);
    if (d === null) return null;
  }
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[k] = unwrapRelations(x);
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A block's text: HTML as written (Editor.js keeps inline tags), else plain or Markdown paragraphs. */
function textHtml(text: string): string {
  if (/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(text)) return `<p>${text}</p>`;
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
}

const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Typed content blocks as an HTML fragment, in order: Editor.js (`{type: 'paragraph', data: {text}}`,
 * `header`, `list`, `quote`, `image` with `data.caption`) and Strapi dynamic zones (`{__component:
 * 'shared.rich-text', body}`, `shared.media` with the file's `caption`). A picture block gives a figure with
 * its caption; a block without text (a delimiter, an embed without caption) gives nothing.
 * `[{type:'paragraph', data:{text:'A.'}}, {type:'image', data:{caption:'B'}}]` → `<p>A.</p><figure>…<figcaption>B</figcaption></figure>`.
 */
export function blocksToHtml(blocks: readonly Json[]): string {
  return blocks
    .map((block) => {
      if (!isObj(block)) return '';
      const data = isObj(block.data) ? block.data : block;
      const kind = String(block.type ?? block.__component ?? block._type ?? '').toLowerCase();
      if (/image|media|picture|photo/.test(kind)) {
        const file = isObj(data.file) ? data.file : isObj(data.image) ? data.image : {};
        const caption = str(data.caption) ?? str(file.caption) ?? str(data.alt) ?? str(file.alternativeText);
        return caption ? `<figure><figcaption>${textHtml(caption)}</figcaption></figure>` : '';
      }
      if (/list/.test(kind) && Array.isArray(data.items)) {
        const items = data.items
          .map((i) => str(i) ?? (isObj(i) ? str(i.content) : undefined))
          .filter(Boolean);
        return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
      }
      const text = str(data.text) ?? str(data.body) ?? str(data.content);
      if (!text) return '';
      if (/header|heading/.test(kind)) return `<h2>${text}</h2>`;
      if (/quote/.test(kind)) return `<blockquote>${textHtml(text)}</blockquote>`;
      return textHtml(text);
    })
    .join('\n');
}

/** The block list of an object, where CMSs put it (`blocks`, Editor.js `content.blocks`, `body.blocks`). */
export function contentBlocks(obj: Obj): Json[] | undefined {
  for (const v of [
    obj.blocks,
    isObj(obj.content) ? obj.content.blocks : undefined,
    isObj(obj.body) ? obj.body.blocks : undefined,
  ]) {
    if (Array.isArray(v) && v.some(isObj)) return v;
  }
  return undefined;
}
