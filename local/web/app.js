// The editor page: plain DOM, no framework, no build step. Reads the query API of the same origin.
// All data goes into the page through textContent, never as HTML.

const $ = (id) => document.getElementById(id);
const state = {
  next: null,
  appended: false,
  filter: {},
  selected: null,
  story: null,
  view: null,
  listSignature: '',
};
const PAGE = 20;

/** What a list shows for an article: its title, or its file name marked as untitled. */
function titleOf(a) {
  if (a.title) return [a.title];
  const file = (a.source?.key ?? a.id).split('/').pop();
  return [file, ' ', el('span', { class: 'untitled', text: t('noTitle') })];
}

function entityCount(a) {
  const e = a.entities || {};
  return (e.person || []).length + (e.organization || []).length + (e.place || []).length;
}

function filterFromForm() {
  const filter = {};
  const q = $('q').value.trim();
  if (q) filter.q = q;
  const entity = $('entity').value;
  if (entity) {
    const i = entity.indexOf(':');
    filter[entity.slice(0, i)] = entity.slice(i + 1);
  }
  if ($('topic').value) filter.topic = $('topic').value;
  return filter;
}

function syncForm(filter) {
  $('q').value = filter.q || '';
  const entityType = ['person', 'organization', 'place'].find((t) => filter[t]);
  const entityValue = entityType ? `${entityType}:${filter[entityType]}` : '';
  ensureOption($('entity'), entityValue, entityType ? filter[entityType] : '');
  $('entity').value = entityValue;
  ensureOption($('topic'), filter.topic || '', filter.topic || '');
  $('topic').value = filter.topic || '';
}

function ensureOption(select, value, label) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(el('option', { value, text: label }));
}

// ---- Articles list
function listQuery(filter, cursor) {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [k, v] of Object.entries(filter)) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return `/articles?${params}`;
}

function articleItem(a) {
  const meta = [
    formatDate(a.publishedAt) || `${t('processedPrefix')} ${formatDate(a.processedAt)}`,
    (a.category || []).join(' › '),
    a.publisher,
    `${entityCount(a)} ${t('entities')}`,
    a.duplicateOf ? t('copyMark') : null,
  ].filter(Boolean);
  return el(
    'li',
    { class: a.id === state.selected ? 'selected' : '', 'data-id': a.id },
    el('a', { href: `#${hashWith({ id: a.id })}`, class: 'title' }, titleOf(a)),
    el('div', { class: 'meta', text: meta.join(' · ') }),
    a.lede ? el('p', { class: 'lede', text: a.lede }) : null,
  );
}

async function loadList({ append = false, quiet = false } = {}) {
  const list = $('articles');
  try {
    const page = await api(listQuery(state.filter, append ? state.next : null));
    const signature = page.items.map((a) => `${a.id}@${a.processedAt}`).join(',');
    if (!append && quiet && signature === state.listSignature) return;
    if (!append) {
      state.listSignature = signature;
      list.replaceChildren();
    }
    list.append(...page.items.map(articleItem));
    state.next = page.next;
    state.appended = append;
    $('more').hidden = !page.next;
    const filtered = Object.keys(state.filter).length > 0;
    $('list-heading').textContent = filtered ? t('matching') : t('newest');
    if (!list.children.length) {
      list.append(el('li', { class: 'empty', text: filtered ? t('noMatch') : t('noArticles') }));
    }
    if (!quiet) setStatus('');
  } catch (err) {
    setStatus(`${t('loadError')}: ${err.message}`, true);
  }
  await loadUndated();
}

// ---- Undated articles: listed apart (`dated=false`), so they never lead the newest-first list.
async function loadUndated() {
  const section = $('undated');
  if (Object.keys(state.filter).length) {
    section.hidden = true;
    return;
  }
  try {
    const page = await api(`/articles?dated=false&limit=${PAGE}`);
    $('undated-articles').replaceChildren(...page.items.map(articleItem));
    section.hidden = page.items.length === 0;
  } catch {
    section.hidden = true;
  }
}

// ---- Live progress of a burst, from the local stack (absent behind API Gateway: then hidden).
async function loadProgress() {
  const line = $('progress');
  try {
    const res = await fetch('/local/status', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(String(res.status));
    const s = await res.json();
    line.textContent = t(s.waiting > 0 ? 'progress' : 'progressIdle', s);
    line.classList.toggle('busy', s.waiting > 0);
    line.hidden = false;
    return s;
  } catch {
    line.hidden = true;
    return null;
  }
}

// ---- Rejections
async function loadRejections() {
  const body = $('rejections').tBodies[0];
  try {
    const page = await api('/rejections?limit=50');
    body.replaceChildren(
      ...page.items.map((r) =>
        el(
          'tr',
          {},
          el(
            'td',
            { class: 'file' },
            el('a', { href: `#${hashWith({ id: r.id })}`, text: (r.source?.key ?? r.id).split('/').pop() }),
          ),
          el('td', {}, el('code', { text: r.rejection?.code ?? '' }), ' ', r.rejection?.message ?? ''),
          el('td', { class: 'when', text: formatDate(r.processedAt, 'short') }),
        ),
      ),
    );
    if (!page.items.length)
      body.append(el('tr', {}, el('td', { colspan: '3', class: 'empty', text: t('none') })));
  } catch (err) {
    setStatus(`${t('loadError')}: ${err.message}`, true);
  }
}

// ---- Filters (entities and topics from the API)
async function loadFacets() {
  try {
    const [persons, orgs, places, topics] = await Promise.all([
      api('/entities?type=person&limit=30'),
      api('/entities?type=organization&limit=30'),
      api('/entities?type=place&limit=30'),
      api('/topics?limit=50'),
    ]);
    const entity = $('entity');
    const current = entity.value;
    entity.replaceChildren(el('option', { value: '', text: t('allEntities') }));
    for (const [type, label, page] of [
      ['person', t('people'), persons],
      ['organization', t('organisations'), orgs],
      ['place', t('places'), places],
    ]) {
      if (!page.items.length) continue;
      entity.append(
        el(
          'optgroup',
          { label },
          page.items.map((e) =>
            el('option', {
              value: `${type}:${e.name}`,
              text: `${e.name}${e.province ? ` (${e.province.name})` : ''} · ${e.count}`,
            }),
          ),
        ),
      );
    }
    const topic = $('topic');
    const currentTopic = topic.value;
    topic.replaceChildren(el('option', { value: '', text: t('allTopics') }));
    topic.append(
      ...topics.items.map((t) => el('option', { value: t.code, text: `${t.label} · ${t.count}` })),
    );
    syncForm(state.filter);
    if (current && entity.value !== current) entity.value = current;
    if (currentTopic && topic.value !== currentTopic) topic.value = currentTopic;
  } catch (err) {
    setStatus(`${t('loadError')}: ${err.message}`, true);
  }
}

// ---- Article view
function tagList(items, render) {
  return items.length
    ? el(
        'ul',
        { class: 'tags' },
        items.map((i) => el('li', {}, render(i))),
      )
    : el('p', { class: 'none', text: '—' });
}

function filterLink(key, value, label) {
  return el('a', {
    href: `#${new URLSearchParams({ [key]: value, ...(state.view && { view: state.view }) })}`,
    title: `${t('articlesWith')} ${value}`,
    text: label,
  });
}

async function showArticle(id) {
  const detail = $('detail');
  for (const li of $('articles').children) li.classList.toggle('selected', li.dataset.id === id);
  if (!id) return;
  let a;
  try {
    a = await api(`/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    detail.replaceChildren(el('p', { class: 'error', text: err.status === 404 ? t('gone') : err.message }));
    return;
  }
  const e = a.entities || { person: [], organization: [], place: [] };
  const rows = [
    [t('published'), formatDate(a.publishedAt) || t('unknown')],
    [t('category'), (a.category || []).join(' › ') || '—'],
    [t('publisher'), a.publisher],
    [t('authors'), (a.authors || []).join(', ')],
    [t('language'), a.language],
    [
      t('url'),
      a.url ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: a.url }) : null,
    ],
    [t('words'), a.wordCount],
    [
      t('file'),
      `${a.source?.key ?? ''} (${a.format ?? '?'}, ${a.encoding ?? '?'}, ${a.source?.size ?? 0} bytes)`,
    ],
    [t('processed'), `${formatDate(a.processedAt)} · ${a.processorVersion}`],
    [t('id'), el('code', { text: a.id })],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const parts = [
    el('h2', {}, titleOf(a)),
    a.status === 'rejected'
      ? el(
          'p',
          { class: 'error' },
          `${t('rejected')} `,
          el('code', { text: a.rejection?.code }),
          ' ',
          a.rejection?.message,
        )
      : null,
    a.lede ? el('p', { class: 'lede', text: a.lede }) : null,
    el(
      'dl',
      { class: 'facts' },
      rows.map(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]),
    ),
    el('h3', { text: t('people') }),
    tagList(e.person, (p) => [
      filterLink('person', p.name, p.name),
      el('span', { class: 'n', text: ` ×${p.mentions}` }),
    ]),
    el('h3', { text: t('organisations') }),
    tagList(e.organization, (o) => [
      filterLink('organization', o.name, o.name),
      el('span', { class: 'n', text: ` ×${o.mentions}` }),
    ]),
    el('h3', { text: t('places') }),
    tagList(e.place, (p) => [
      filterLink('place', p.name, p.name),
      p.province ? el('span', { class: 'province', text: ` ${p.province.name}` }) : null,
      el('span', { class: 'n', text: ` ×${p.mentions}` }),
    ]),
    el('h3', { text: t('topics') }),
    tagList(a.topics || [], (t) => [
      filterLink('topic', t.code, t.label),
      el('span', { class: 'n', text: ` ${t.code} · ${Number(t.score).toFixed(2)}` }),
    ]),
    el('h3', { text: t('keywords') }),
    tagList(a.keywords || [], (k) => filterLink('keyword', k, k)),
    a.status === 'stored' ? relatedSection(a) : null,
    (a.captions || []).length
      ? [
          el('h3', { text: t('captions') }),
          el(
            'ul',
            {},
            a.captions.map((c) => el('li', { text: c })),
          ),
        ]
      : null,
    el(
      'details',
      {},
      el('summary', { text: t('body') }),
      (a.body || '')
        .split(/\n{1,}/)
        .filter(Boolean)
        .map((p) => el('p', { text: p })),
    ),
    el(
      'p',
      {},
      el('a', { href: `/articles/${encodeURIComponent(a.id)}`, text: 'JSON' }),
      ' · ',
      el('a', { href: `/articles/${encodeURIComponent(a.id)}?format=ninjs`, text: 'ninjs' }),
    ),
  ];
  detail.replaceChildren(...parts.flat(Number.POSITIVE_INFINITY).filter((p) => p instanceof Node));
}

// ---- Routing and wiring
async function route() {
  const { filter, id, story, view } = readHash();
  const filterChanged = JSON.stringify(filter) !== JSON.stringify(state.filter);
  const viewChanged = view !== state.view;
  state.filter = filter;
  state.selected = id;
  state.story = story;
  state.view = view;
  syncForm(filter);
  showView(view);
  if (view === 'stories') {
    if (filterChanged || viewChanged || !$('stories').children.length) await loadStories();
  } else if (filterChanged || !$('articles').children.length) await loadList();
  if (story) await showStory(story);
  else await showArticle(id);
}

async function init() {
  await loadMessages();
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    writeHash(filterFromForm(), null);
  });
  for (const id of ['entity', 'topic'])
    $(id).addEventListener('change', () => writeHash(filterFromForm(), null));
  $('clear').addEventListener('click', () => writeHash({}, null));
  $('more').addEventListener('click', () => loadList({ append: true }));
  $('more-stories').addEventListener('click', () => loadStories({ append: true }));
  window.addEventListener('hashchange', route);
  const start = readHash();
  Object.assign(state, { filter: start.filter, view: start.view, story: start.story, selected: start.id });
  syncForm(state.filter);
  showView(state.view);
  await Promise.all([
    state.view === 'stories' ? loadStories() : null,
    loadList(),
    loadRejections(),
    loadFacets(),
    loadProgress(),
  ]);
  if (start.story) await showStory(start.story);
  else await showArticle(start.id);
  // Screenshots and browser tests wait for this mark: the first data is on the page.
  document.documentElement.dataset.loaded = 'true';
  // New files show up without a reload: progress every second, and during a burst the first page and
  // rejections with it; otherwise every few seconds.
  let tick = 0;
  setInterval(async () => {
    if (document.hidden) return;
    const s = await loadProgress();
    const busy = s !== null && s.waiting > 0;
    if (state.appended || (!busy && ++tick % 3 !== 0)) return;
    loadList({ quiet: true });
    if (state.view === 'stories') loadStories({ quiet: true });
    loadRejections();
  }, 1000);
  setInterval(() => !document.hidden && loadFacets(), 15000);
}

init();
