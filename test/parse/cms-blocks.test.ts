import { describe, expect, it } from 'vitest';
import { blocksToHtml, contentBlocks, unwrapRelations } from '../../shared/parse/cms-blocks';
import { shortcodeCaption } from '../../shared/parse/markdown';

describe('headless CMS blocks and envelopes', () => {
  it('unwraps Strapi relations to their attributes, to-one and to-many, nested', () => {
    expect(
      unwrapRelations({
        category: {
          data: {
            id: 7,
            attributes: {
              name: 'Bóng chuyền',
              parent: { data: { id: 2, attributes: { name: 'Thể thao' } } },
            },
          },
        },
        tags: { data: [{ id: 1, attributes: { name: 'cúp' } }] },
        cover: { data: null },
      }),
    ).toEqual({
      category: { id: 7, name: 'Bóng chuyền', parent: { id: 2, name: 'Thể thao' } },
      tags: [{ id: 1, name: 'cúp' }],
      cover: null,
    });
  });

  it('leaves an object whose data is not a Strapi entry as it is', () => {
    const crawler = { data: { text: 'Nội dung', meta: { uri: 'https://x.vn/a' } } };
    expect(unwrapRelations(crawler)).toEqual(crawler);
  });

  it('writes Editor.js blocks as paragraphs, a heading and a figure with its caption', () => {
    const html = blocksToHtml([
      { type: 'paragraph', data: { text: 'Đoạn <b>một</b>,&nbsp;có chữ đậm.' } },
      { type: 'header', data: { text: 'Tiểu mục', level: 2 } },
      { type: 'image', data: { file: { url: 'a.jpg' }, caption: 'Ảnh minh họa' } },
      { type: 'delimiter', data: {} },
    ]);
    expect(html).toBe(
      '<p>Đoạn <b>một</b>,&nbsp;có chữ đậm.</p>\n<h2>Tiểu mục</h2>\n<figure><figcaption><p>Ảnh minh họa</p></figcaption></figure>\n',
    );
  });

  it('writes Strapi rich text as one paragraph per blank-line block and a media caption as a figure', () => {
    const html = blocksToHtml([
      { __component: 'shared.rich-text', body: 'Đoạn một\nvẫn đoạn một.\n\nĐoạn hai & ba.' },
      { __component: 'shared.media', file: { caption: 'Chú thích' } },
    ]);
    expect(html).toBe(
      '<p>Đoạn một vẫn đoạn một.</p><p>Đoạn hai &amp; ba.</p>\n<figure><figcaption><p>Chú thích</p></figcaption></figure>',
    );
  });

  it('finds the block list at the top or inside content', () => {
    const blocks = [{ type: 'paragraph', data: { text: 'A' } }];
    expect(contentBlocks({ blocks })).toBe(blocks);
    expect(contentBlocks({ content: { time: 1, blocks } })).toBe(blocks);
    expect(contentBlocks({ content: 'văn bản' })).toBeUndefined();
  });

  it("reads a Hugo figure shortcode's caption, else its alt text; other shortcodes have none", () => {
    expect(shortcodeCaption('{{< figure src="/a.jpg" alt="" caption="Đoàn tàu \\"đầu tiên\\"." >}}')).toBe(
      'Đoàn tàu "đầu tiên".',
    );
    expect(shortcodeCaption('{{< figure src="/a.jpg" alt="Cầu Rồng" >}}')).toBe('Cầu Rồng');
    expect(shortcodeCaption('{{< youtube abc123 >}}')).toBe('');
  });
});
