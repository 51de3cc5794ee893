// The editor page's plumbing, loaded before app.js (classic scripts share these top-level names):
// interface language and messages, DOM building, the API call, the status line, date formatting and
// the URL hash that holds the view (it reads app.js's `state` when called).

// ---- Language: Vietnamese by default; `?lang=en` (or `?lang=vi`) switches and is remembered.
const LANGS = ['vi', 'en'];
function pickLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) {
    try {
      localStorage.setItem('newsdrop.lang', asked);
    } catch {}
    return asked;
  }
  try {
    const saved = localStorage.getItem('newsdrop.lang');
    if (LANGS.includes(saved)) return saved;
  } catch {}
  return 'vi';
}
const LANG = pickLang();
let MESSAGES = {};

/** The interface text for `key` in the page's language, with `{name}` placeholders filled. */
function t(key, vars = {}) {
  const text = MESSAGES[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

async function loadMessages() {
  const res = await fetch('/editor/messages.json');
  MESSAGES = (await res.json())[LANG];
  document.documentElement.lang = LANG;
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]'))
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  for (const node of document.querySelectorAll('[data-i18n-aria]'))
    node.setAttribute('aria-label', t(node.dataset.i18nAria));
  const other = t('switchLang');
  const sw = $('lang-switch');
  sw.textContent = t('switchLabel');
  sw.setAttribute('hreflang', other);
  sw.setAttribute('href', `?lang=${other}${location.hash}`);
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Number.POSITIVE_INFINITY)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.detail || body.title || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

// Dates in the interface's language, at Vietnam's time (the newsroom's clock).
const dateFormats = {};
function formatDate(iso, style = 'medium') {
  if (!iso) return '';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dayOnly ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  // 'short' is for narrow columns: day and month, the year only when it is not this year's.
  const thisYear = d.getFullYear() === new Date().getFullYear();
  const key = `${style}:${dayOnly}:${thisYear}`;
  const time = dayOnly ? {} : { hour: '2-digit', minute: '2-digit' };
  dateFormats[key] ??= new Intl.DateTimeFormat(t('locale'), {
    ...(style === 'short'
      ? { day: 'numeric', month: 'numeric', ...(!thisYear && { year: '2-digit' }), ...time }
      : { dateStyle: style, ...(!dayOnly && { timeStyle: 'short' }) }),
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return dateFormats[key].format(d);
}

// ---- URL hash holds the view: #q=…&person=…&topic=…&id=…&view=stories&story=…, so a view can be linked and reloaded.
const FILTER_KEYS = ['q', 'person', 'organization', 'place', 'topic', 'category', 'keyword'];

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const filter = {};
  for (const k of FILTER_KEYS) if (params.get(k)) filter[k] = params.get(k);
  return { filter, id: params.get('id'), story: params.get('story'), view: params.get('view') };
}

function writeHash(filter, id) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]) params.set(k, filter[k]);
  if (state.view) params.set('view', state.view);
  if (id) params.set('id', id);
  const hash = params.toString();
  if (location.hash.slice(1) !== hash) location.hash = hash;
  else route();
}

function hashWith(extra) {
  const params = new URLSearchParams();
  const view = { ...state.filter, ...(state.view && { view: state.view }), ...extra };
  for (const [k, v] of Object.entries(view)) if (v) params.set(k, v);
  return params.toString();
}
