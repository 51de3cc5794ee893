// The editor page's stories: the Stories list (GET /stories, same filters as the articles), one story with
// its articles (GET /stories/{id}) and an article's related articles (GET /articles/{id}/related).
// Loaded after common.js and before app.js; it calls app.js's helpers only once the page runs.

const storyState = { next: null, signature: '' };
/** How a related article is labelled, by its relation. */
const RELATION_LABELS = {
  'duplicate-of': 'relationOriginal',
  duplicate: 'relationCopy',
  story: 'relationStory',
};

function storySize(size) {
  return size === 1 ? t('storySizeOne') : t('storySize', { size });
}

function storyTitle(s) {
  return s.title ? [s.title] : [el('span', { class: 'untitled', text: t('untitledStory') })];
}

function storyItem(s) {
  const meta = [storySize(s.size), s.publishers.join(', '), formatDate(s.lastSeen)].filter(Boolean);
  return el(
    'li',
    { class: s.id === state.story ? 'selected' : '', 'data-story': s.id },
    el('a', { href: `#${hashWith({ story: s.id })}`, class: 'title' }, storyTitle(s)),
    el('div', { class: 'meta', text: meta.join(' · ') }),
    s.entities.length ? el('div', { class: 'meta', text: s.entities.map((e) => e.name).join(', ') }) : null,
  );
}

function storiesQuery(filter, cursor) {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [k, v] of Object.entries(filter)) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return `/stories?${params}`;
}

async function loadStories({ append = false, quiet = false } = {}) {
  const list = $('stories');
  try {
    const page = await api(storiesQuery(state.filter, append ? storyState.next : null));
    const signature = page.items.map((s) => `${s.id}@${s.size}@${s.lastSeen}`).join(',');
    if (!append && quiet && signature === storyState.signature) return;
    if (!append) {
      storyState.signature = signature;
      list.replaceChildren();
    }
    list.append(...page.items.map(storyItem));
    storyState.next = page.next;
    $('more-stories').hidden = !page.next;
    const filtered = Object.keys(state.filter).length > 0;
    $('stories-heading').textContent = filtered ? t('storiesMatching') : t('storiesHeading');
    if (!list.children.length) {
      list.append(el('li', { class: 'empty', text: filtered ? t('noStoryMatch') : t('noStories') }));
    }
    if (!quiet) setStatus('');
  } catch (err) {
    setStatus(`${t('loadError')}: ${err.message}`, true);
  }
}

/** Shows the articles list or the stories list, as the hash says. */
function showView(view) {
  const stories = view === 'stories';
  $('articles-view').hidden = stories;
  $('stories-pane').hidden = !stories;
  $('view-articles').toggleAttribute('aria-current', !stories);
  $('view-stories').toggleAttribute('aria-current', stories);
  $('view-articles').setAttribute('href', `#${hashWith({ view: null })}`);
  $('view-stories').setAttribute('href', `#${hashWith({ view: 'stories' })}`);
}

async function showStory(id) {
  const detail = $('detail');
  for (const li of $('stories').children) li.classList.toggle('selected', li.dataset.story === id);
  let view;
  try {
    view = await api(`/stories/${encodeURIComponent(id)}`);
  } catch (err) {
    detail.replaceChildren(
      el('p', { class: 'error', text: err.status === 404 ? t('storyGone') : err.message }),
    );
    return;
  }
  const s = view.story;
  const rows = [
    [t('storyArticles'), storySize(s.size)],
    [t('publishers'), s.publishers.join(', ')],
    [t('firstSeen'), formatDate(s.firstSeen)],
    [t('lastSeen'), formatDate(s.lastSeen)],
    [t('id'), el('code', { text: s.id })],
  ].filter(([, v]) => v);
  detail.replaceChildren(
    el('h2', {}, storyTitle(s)),
    el(
      'dl',
      { class: 'facts' },
      rows.map(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]),
    ),
    el(
      'ul',
      { class: 'tags' },
      s.entities.map((e) =>
        el('li', {}, filterLink(e.type, e.name, e.name), el('span', { class: 'n', text: ` ×${e.count}` })),
      ),
    ),
    el('h3', { text: t('storyArticles') }),
    el('ol', { class: 'articles' }, view.items.map(articleItem)),
    el('p', {}, el('a', { href: `/stories/${encodeURIComponent(s.id)}`, text: 'JSON' })),
  );
}

/** The related articles of a stored article: a heading and a list, filled in when the API answers. */
function relatedSection(a) {
  const list = el('ul', { class: 'related' });
  const section = el('section', { class: 'related-section' }, el('h3', { text: t('related') }), list);
  api(`/articles/${encodeURIComponent(a.id)}/related`)
    .then((related) => {
      const items = related.items.map((r) =>
        el(
          'li',
          {},
          el('span', { class: `relation ${r.relation}`, text: t(RELATION_LABELS[r.relation]) }),
          ' ',
          el('a', { href: `#${hashWith({ id: r.article.id, story: null })}` }, titleOf(r.article)),
          el('span', {
            class: 'n',
            text: ` · ${[r.article.publisher, formatDate(r.article.publishedAt)].filter(Boolean).join(' · ')}`,
          }),
        ),
      );
      list.replaceChildren(...(items.length ? items : [el('li', { class: 'none', text: t('noRelated') })]));
      if (related.story && related.story.size > 1) {
        section.append(
          el(
            'p',
            {},
            el('a', {
              href: `#${hashWith({ view: 'stories', story: related.story.id, id: null })}`,
              text: t('openStory', { size: related.story.size }),
            }),
          ),
        );
      }
    })
    .catch((err) => list.replaceChildren(el('li', { class: 'error', text: err.message })));
  return section;
}
