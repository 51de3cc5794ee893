/**
 * The stories part of the OpenAPI document (openapi.ts): `/stories`, `/stories/{id}` and
 * `/articles/{id}/related`, their schemas and examples.
 */
import { type ApiAuth, errors, type Json, pageSchema, params, ref } from './openapi-parts';

/** A made-up article summary (the team's own text), valid against ArticleSummary. */
const EXAMPLE_ARTICLE: Json = {
  id: '3f9a1c0b7d2e4a5b6c70',
  status: 'stored',
  source: {
    bucket: 'newsdrop-articles',
    key: 'incoming/chay-kho-hang.txt',
    size: 2048,
    sha256: '0'.repeat(64),
  },
  format: 'text',
  encoding: 'utf-8',
  language: 'vi',
  title: 'Cháy lớn tại kho hàng ở Bình Dương',
  lede: 'Đám cháy bùng lên lúc rạng sáng, không có thương vong.',
  captions: [],
  category: ['Thời sự'],
  publishedAt: '2024-05-01T06:30:00+07:00',
  authors: [],
  publisher: 'Tuổi Trẻ',
  url: null,
  keywords: ['cháy kho hàng'],
  entities: {
    person: [{ name: 'Nguyễn Văn Tâm', mentions: 2 }],
    organization: [{ name: 'Cảnh sát PCCC Bình Dương', mentions: 1 }],
    place: [{ name: 'Bình Dương', mentions: 2 }],
  },
  topics: [],
  wordCount: 412,
  duplicateOf: null,
  story: { id: '0lvmz2o803f9a1c0b', size: 3 },
  processorVersion: 'parse-8+tag-10',
  processedAt: '2024-05-01T00:01:02.000Z',
};

const EXAMPLE_STORY: Json = {
  id: '0lvmz2o803f9a1c0b',
  size: 3,
  publishers: ['Tuổi Trẻ', 'VnExpress'],
  firstSeen: '2024-04-30T23:30:00.000Z',
  lastSeen: '2024-05-01T04:10:00.000Z',
  entities: [
    { type: 'place', name: 'Bình Dương', count: 3 },
    { type: 'person', name: 'Nguyễn Văn Tâm', count: 2 },
    { type: 'organization', name: 'Cảnh sát PCCC Bình Dương', count: 2 },
  ],
  title: 'Cháy lớn tại kho hàng ở Bình Dương',
  titleArticle: '3f9a1c0b7d2e4a5b6c70',
};

function exampleResponse(description: string, schema: Json, example: Json): Json {
  return { description, content: { 'application/json': { schema, example } } };
}

const pathId = (what: string, description: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
  example: what === 'story' ? EXAMPLE_STORY.id : EXAMPLE_ARTICLE.id,
});

export function storyPaths(auth: ApiAuth): Json {
  return {
    '/stories': {
      get: {
        operationId: 'listStories',
        tags: ['stories'],
        summary: 'Stories (one event across articles and publishers), newest first',
        description:
          'The stories of the stored articles that match every given filter (the filters of `/articles`, ' +
          'without `status`). Each story is listed once, at its newest matching article, so with no filter ' +
          'they come by last seen, newest first. The summary is of the whole story: its size, publishers, ' +
          'first and last seen, the entities most of its articles name and a representative title. A page ' +
          'may hold fewer than `limit` stories when many articles had to be read; follow `next` until null.',
        parameters: params('/stories'),
        responses: {
          '200': exampleResponse('A page of stories', ref('StoryList'), {
            items: [EXAMPLE_STORY],
            next: null,
          }),
          ...errors(auth, 'BadRequest'),
        },
      },
    },
    '/stories/{id}': {
      get: {
        operationId: 'getStory',
        tags: ['stories'],
        summary: 'One story with its articles, newest first',
        description:
          'The story and the summaries of its articles (as in `/articles`), newest first. A story merged ' +
          'into another answers as the story it lives on in (its `story.id` then differs from the path). ' +
          'A story whose articles were all deleted is gone (404).',
        parameters: [pathId('story', "Story id (from `/stories` or an article's `story.id`).")],
        responses: {
          '200': exampleResponse('The story and its articles', ref('StoryView'), {
            story: EXAMPLE_STORY,
            items: [EXAMPLE_ARTICLE],
          }),
          ...errors(auth, 'BadRequest', 'NotFound'),
        },
      },
    },
    '/articles/{id}/related': {
      get: {
        operationId: 'listRelatedArticles',
        tags: ['stories'],
        summary: "An article's near-duplicates and the other articles of its story",
        description:
          'Each related article with how it relates: `duplicate-of` is the article this one copies (its ' +
          '`duplicateOf`), `duplicate` an article that copies this one, `story` another article of its ' +
          'story. Copies come first, then the story newest first. A rejected file, or an article stored ' +
          'before stories were kept, has none.',
        parameters: [pathId('article', 'Article id.')],
        responses: {
          '200': exampleResponse('Related articles', ref('RelatedArticles'), {
            id: 'a41b2c3d4e5f60718293',
            story: { id: '0lvmz2o803f9a1c0b', size: 3 },
            duplicateOf: EXAMPLE_ARTICLE.id,
            items: [{ relation: 'duplicate-of', article: EXAMPLE_ARTICLE }],
          }),
          ...errors(auth, 'BadRequest', 'NotFound'),
        },
      },
    },
  };
}

export function storySchemas(record: Json): Json {
  const storyRef = (record.properties as Record<string, Json>).story!;
  return {
    StoryEntity: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['person', 'organization', 'place'] },
        name: { type: 'string', minLength: 1 },
        count: { type: 'integer', minimum: 1, description: "The story's articles that name it" },
      },
      required: ['type', 'name', 'count'],
      additionalProperties: false,
    },
    StorySummary: {
      type: 'object',
      description: 'A story: the articles about one event, across publishers.',
      properties: {
        id: { type: 'string', minLength: 1 },
        size: { type: 'integer', minimum: 1, description: 'Articles in the story' },
        publishers: {
          type: 'array',
          items: { type: 'string' },
          description: 'Publishers of its articles, most articles first',
        },
        firstSeen: {
          type: 'string',
          format: 'date-time',
          description: 'Time of its earliest article (publication, else processing), UTC',
        },
        lastSeen: { type: 'string', format: 'date-time', description: 'Time of its latest article, UTC' },
        entities: {
          type: 'array',
          items: ref('StoryEntity'),
          description: 'The entities most of its articles name (at most 5), most articles first',
        },
        title: {
          type: ['string', 'null'],
          description:
            'The title of the article that names most of those entities (the earliest on a tie, copies last)',
        },
        titleArticle: { type: ['string', 'null'], description: 'The article the title comes from' },
      },
      required: ['id', 'size', 'publishers', 'firstSeen', 'lastSeen', 'entities', 'title', 'titleArticle'],
      additionalProperties: false,
    },
    StoryList: pageSchema('StorySummary', 'A page of stories, newest first.'),
    StoryView: {
      type: 'object',
      properties: {
        story: ref('StorySummary'),
        items: { type: 'array', items: ref('ArticleSummary'), description: 'Its articles, newest first' },
      },
      required: ['story', 'items'],
      additionalProperties: false,
    },
    RelatedArticle: {
      type: 'object',
      properties: {
        relation: {
          type: 'string',
          enum: ['duplicate-of', 'duplicate', 'story'],
          description:
            '`duplicate-of`: the article copied; `duplicate`: it copies the article; `story`: same story',
        },
        article: ref('ArticleSummary'),
      },
      required: ['relation', 'article'],
      additionalProperties: false,
    },
    RelatedArticles: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'The article asked about' },
        story: { oneOf: [storyRef, { type: 'null' }] },
        duplicateOf: { type: ['string', 'null'] },
        items: { type: 'array', items: ref('RelatedArticle') },
      },
      required: ['id', 'story', 'duplicateOf', 'items'],
      additionalProperties: false,
    },
  };
}
