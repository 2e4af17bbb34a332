/// <reference lib="dom" />
/**
 * The search page's script (templates/search.njk loads it as a module; copied into the site
 * as compiled). It reads the query from the form or from `?q=`, searches the index under
 * `search/data/`, lists the results ten at a time with title and date, and fills in each
 * result's snippet from its page, the query's words marked. Everything is put in with
 * textContent: no result text is ever parsed as HTML in this page.
 */
import { createSearchEngine, type Hit, type SearchEngine, type ShownHit } from './engine.js';
import type { Convert } from './tokens.js';
import { messageFormatter, type Message, type MessageParams } from './messages.js';

const perPage = 10;
/** Characters of context before and after the first match in a snippet. */
const before = 40;
const after = 90;

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('ol.search-results');
  const more = document.querySelector<HTMLButtonElement>('button.search-more');
  if (!form || !input || !status || !list || !more) return;
  // The page's texts in its language (search.njk writes them on the form, as JSON).
  const lang = document.documentElement.lang || 'en';
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, Message>;
  const format = messageFormatter(lang);
  const say = (key: string, params?: MessageParams) => (messages[key] === undefined ? '' : format(messages[key], params));
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  // The site's root, relative to this page (the template writes it), so the site works under any path.
  const root = new URL(form.dataset['root'] ?? '../', location.href);
  const data = new URL('search/data/', root);
  const engine = createSearchEngine(
    async (path) => {
      const response = await fetch(new URL(path, data));
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      return response.json();
    },
    async () => {
      const module = (await import(new URL('./opencc-t2cn.js', import.meta.url).href)) as { Converter: (o: { from: string; to: string }) => Convert };
      return module.Converter({ from: 'tw', to: 'cn' });
    },
  );
  form.hidden = false;
  let run = 0;
  let shown = 0;
  let found: { parts: readonly string[]; hits: readonly Hit[] } = { parts: [], hits: [] };

  const search = async (query: string) => {
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = say('search.searching');
    try {
      const result = await engine.search(query);
      if (mine !== run) return;
      found = result;
      shown = 0;
      status.textContent = result.hits.length ? say('search.found', { count: result.hits.length }) : say('search.none');
      await showMore(mine);
    } catch (error) {
      if (mine === run) status.textContent = say('search.failed', { error: String(error) });
    }
  };

  const showMore = async (mine: number) => {
    const page = await engine.show(found.hits.slice(shown, shown + perPage));
    if (mine !== run) return;
    shown += page.length;
    for (const hit of page) list.append(resultItem(hit, root, engine, found.parts, dates));
    more.hidden = shown >= found.hits.length;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value;
    if (!query.trim()) return;
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    history.replaceState(null, '', url);
    void search(query);
  });
  more.addEventListener('click', () => void showMore(run));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

function resultItem(hit: ShownHit, root: URL, engine: SearchEngine, parts: readonly string[], dates: Intl.DateTimeFormat): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  const page = new URL(hit.url.replace(/^\//, ''), root);
  link.href = page.href;
  link.className = 'search-title';
  link.textContent = hit.title;
  const date = document.createElement('time');
  date.dateTime = hit.date;
  // The day as the index has it (the site's timezone), written in the page's language.
  const day = Date.parse(`${hit.date.slice(0, 10)}T00:00:00Z`);
  date.textContent = Number.isNaN(day) ? hit.date : dates.format(day);
  const snippet = document.createElement('p');
  snippet.className = 'search-snippet';
  item.append(link, ' ', date, snippet);
  void fillSnippet(snippet, page, engine, parts);
  return item;
}

/** Puts the passage of the result's article around the first match into `into`, matches in <mark>. */
async function fillSnippet(into: HTMLElement, page: URL, engine: SearchEngine, parts: readonly string[]): Promise<void> {
  try {
    const response = await fetch(page);
    if (!response.ok) return;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const text = (doc.querySelector('.post-body')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const normalised = await engine.normalise(text);
    // Positions found in the normalised text hold in the original when normalising kept its length (it nearly always does).
    const haystack = normalised.length === text.length ? normalised : text;
    const first = Math.min(...parts.map((part) => haystack.indexOf(part)).filter((at) => at >= 0));
    const from = Number.isFinite(first) ? Math.max(0, first - before) : 0;
    const to = Math.min(text.length, (Number.isFinite(first) ? first : 0) + after);
    const marks: [number, number][] = [];
    for (const part of parts) {
      for (let at = haystack.indexOf(part, from); at >= 0 && at + part.length <= to; at = haystack.indexOf(part, at + part.length)) marks.push([at, at + part.length]);
    }
    marks.sort((a, b) => a[0] - b[0]);
    const nodes: (string | HTMLElement)[] = [from > 0 ? '…' : ''];
    let at = from;
    for (const [s, e] of marks) {
      if (s < at) continue;
      nodes.push(text.slice(at, s));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(s, e);
      nodes.push(mark);
      at = e;
    }
    nodes.push(text.slice(at, to), to < text.length ? '…' : '');
    into.replaceChildren(...nodes);
  } catch {
    // No snippet: the title and date are still there.
  }
}

start();
