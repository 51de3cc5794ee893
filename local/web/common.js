// The editor page's plumbing, loaded before app.js (classic scripts share these top-level names):
// interface language and messages, DOM building, the API call, the status line and date formatting.

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
