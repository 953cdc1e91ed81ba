// The explorer as a workspace, in headless Chromium: own articles by file and by paste (kept across reloads,
// removable), broken and hostile files (each error on its own card, nothing executes, nothing else breaks),
// cancelling a long load, recovery from a crashed engine, two tabs at once, a corrupted or newer store, each
// kind of correction surviving a reload and travelling in the JSON bundle to a fresh profile; odd input a
// user brings (issue 22): names that would reverse the page's text, cards of saved pages and Markdown, the
// notice after an addition that added nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, RESULTS } from './harness.mjs';
import { VIEWS } from '../../www/model/state.js';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;

before(async () => {
  env = await start();
  expected = await bundleExport();
});
after(async () => env?.close());

const X = 'storylines-explorer';
const DB = 'storylines-workspace';

/** An article text about an invented story, `n` sentences long. */
function story(title, n = 6, seed = 1) {
  const lines = [title, ''];
  for (let i = 0; i < n; i++) lines.push(`Officials in Northvale said on Monday that the bridge inspection number ${seed * 1000 + i} found ${i + 3} cracks, and repairs would take ${i + 2} weeks.`);
  return lines.join('\n');
}

/**
 * Opens the page (a fresh profile unless a context is given) and waits for the engine's first result.
 * @param {import('playwright-core').BrowserContext} [context]
 * @param {string} [query]
 */
async function open(context, query = '') {
  /** @type {{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, errors: string[], dialogs: string[], foreign: string[] }} */
  let p;
  if (context) {
    const page = await context.newPage();
    p = { context, page, errors: [], dialogs: [], foreign: [] };
    page.on('console', (m) => m.type() === 'error' && p.errors.push(m.text()));
    page.on('pageerror', (e) => p.errors.push(String(e)));
  } else {
    const q = await newPage(env.browser, env.url);
    p = { context: q.context, page: q.page, errors: q.errors, dialogs: [], foreign: q.foreign };
  }
  p.page.on('dialog', (d) => {
    p.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await p.page.goto(env.url + query);
  await ready(p.page);
  return p;
}

/** Waits until the explorer shows a model and no job runs. @param {import('playwright-core').Page} page */
async function ready(page) {
  await page.locator(`${X} [data-view]`).first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    return el && el.model && !el.busy && !el.workspace?.job;
  }, null, { timeout: 30000 });
}

/** Waits for the workspace's queue to drain. @param {import('playwright-core').Page} page */
async function settled(page) {
  await page.evaluate(async () => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    // A story switch (an addition on the sample starts a story of its own) and the workspace's changes.
    for (let i = 0; i < 5; i++) await Promise.all([el.storySwitch, el.workspace.queue]);
  });
  await ready(page);
}

/** @param {import('playwright-core').Page} page */
const modelIds = (page) => page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).model.articles.map((/** @type {any} */ a) => a.id));
/** @param {import('playwright-core').Page} page */
const ownIds = (page) => page.locator(`${X} [data-testid=own-article]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-article')));

/**
 * Adds files through the file chooser.
 * @param {import('playwright-core').Page} page
 * @param {{ name: string, mimeType: string, buffer: Buffer }[]} files
 */
async function addFiles(page, files) {
  await page.locator(`${X} [data-testid=add-files]`).setInputFiles(files);
  await settled(page);
}

/** Opens a disclosure (a click would close an open one). @param {import('playwright-core').Page | import('playwright-core').Locator} scope @param {string} sel */
async function openDetails(scope, sel) {
  await scope.locator(`${sel}`).first().evaluate((d) => (/** @type {HTMLDetailsElement} */ (d).open = true));
}

/** @param {import('playwright-core').Page} page @param {string} text */
async function paste(page, text) {
  await openDetails(page, `${X} details.paste`);
  await page.locator(`${X} [data-testid=paste-text]`).fill(text);
  await page.locator(`${X} [data-testid=paste-add]`).click();
  await settled(page);
}

/** Copies the read-only sample into a story of the user's own. @param {import('playwright-core').Page} page */
async function copySample(page) {
  await page.locator(`${X} [data-testid=copy-sample]`).click();
  await settled(page);
  assert.equal((await modelIds(page)).length, expected.articles.length);
}

const txt = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

test('own articles: added by file and by paste, cross-referenced, kept across reloads, removable', async () => {
  const { page, context, errors } = await open();
  // The user's articles form a story of their own: the sample's are not cross-referenced with them.
  const base = 0;
  await addFiles(page, [txt('Bridge report.txt', story('Bridge cracks found in Northvale', 6, 1))]);
  await paste(page, story('Northvale bridge to close for repairs', 5, 1));
  assert.deepEqual(await ownIds(page), ['bridge-report', 'northvale-bridge-to-close-for-repairs']);
  // Dropped on the explorer.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    document.querySelector('storylines-explorer')?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, `# Dropped notes\n\n${story('x', 3, 2).split('\n').slice(2).join(' ')}`);
  await page.locator(`${X} [data-testid=own-article][data-article=dropped]`).waitFor();
  await settled(page);
  await page.locator(`${X} [data-testid=own-article][data-article=dropped] [data-testid=remove]`).click();
  await settled(page);
  const ids = await modelIds(page);
  assert.equal(ids.length, base + 2);
  assert.ok(ids.includes('bridge-report'));
  // Cross-referenced with the rest: the two share sentences.
  const shared = await page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).model.alignments.filter((/** @type {any} */ p) => p.a.article !== p.b.article && [p.a.article, p.b.article].includes('bridge-report')).length);
  assert.ok(shared > 0, 'the own articles are aligned with each other');
  await page.screenshot({ path: path.join(RESULTS, 'workspace.png'), fullPage: true });
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), ['bridge-report', 'northvale-bridge-to-close-for-repairs']);
  assert.equal((await modelIds(page)).length, base + 2);
  // A correction on a finding of the article about to be removed is kept, and said to match nothing.
  await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    const p = el.model.alignments.find((/** @type {any} */ x) => x.a.article === 'bridge-report' || x.b.article === 'bridge-report');
    const target = `align:${p.a.article}:${p.a.sentence}~${p.b.article}:${p.b.sentence}`;
    return el.workspace.correct({ id: `dismiss:${target}`, kind: 'dismiss', target, at: 1 });
  });
  await settled(page);
  await page.locator(`${X} [data-testid=own-article][data-article=bridge-report] [data-testid=remove]`).click();
  await settled(page);
  assert.deepEqual(await ownIds(page), ['northvale-bridge-to-close-for-repairs']);
  assert.match(await page.locator(`${X} [data-testid=ws-orphans]`).innerText(), /^1 of your corrections no longer match a finding/);
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), ['northvale-bridge-to-close-for-repairs']);
  assert.equal((await modelIds(page)).length, base + 1);
  // In the sources, the user's article is marked as theirs.
  await page.locator(`${X} nav a[data-view=sources]`).click();
  assert.equal(await page.locator(`${X} [data-testid=source-card] [data-testid=meta-edit]`).count(), 1, 'the user\'s article has its details editor');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile and broken files: each error on its own card, nothing executes, nothing else breaks', async () => {
  const { page, context, errors, dialogs, foreign } = await open();
  const evil = [
    'Markup in the text <script>window.pwned = 1; alert(1)</script>',
    '',
    '<img src=x onerror="window.pwned = 2; alert(2)"> and <a href="javascript:alert(3)">a link</a> <!-- comment --> <![CDATA[ x ]]>',
    'Bidi \u202Eoverride\u202C, zero\u200Dwidth, a 😀 emoji and e\u0301 combining marks. ' + 'w'.repeat(10000) + '.',
  ].join('\n');
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const huge = Buffer.alloc(5 * 1024 * 1024, 'All work and no play. ');
  await addFiles(page, [
    txt('evil.txt', evil),
    { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from(`<!doctype html><html><head><title>Evil page</title><script>alert(4)</script></head><body><article><h1>Evil page</h1><p>${story('x', 4, 7).split('\n').slice(2).join(' ')}</p><p><img src=x onerror=alert(5)>Text after.</p></article></body></html>`) },
    { name: 'image.txt', mimeType: 'text/plain', buffer: binary },
    txt('huge.txt', huge.toString()),
    { name: 'photo.png', mimeType: 'image/png', buffer: binary },
  ]);
  const cards = await page.locator(`${X} [data-testid=own-error]`).allInnerTexts();
  assert.equal(cards.length, 3, cards.join('\n'));
  assert.match(cards.join('\n'), /image\.txt: not a text file/);
  assert.match(cards.join('\n'), /huge\.txt: too large: 5\.0 MB/);
  assert.match(cards.join('\n'), /photo\.png: not a \.txt, \.md or \.html file/);
  assert.deepEqual(await ownIds(page), ['evil', 'evil-2']);
  assert.equal((await modelIds(page)).length, 2, 'the story holds only the user\'s articles');
  // Read the hostile text in the reader: shown as text, never run.
  await page.goto(env.url + '?view=sources&sel=evil');
  await ready(page);
  await page.locator(`${X} [data-testid=reader] article`).waitFor();
  assert.match(await page.locator(`${X} [data-testid=reader] .reader-body`).innerText(), /<script>window\.pwned = 1/);
  const injected = await page.evaluate(() => {
    const root = document.querySelector('storylines-explorer')?.shadowRoot;
    return { tags: root?.querySelectorAll('.reader-body script, .reader-body img, .reader-body a[href^=javascript]').length, pwned: /** @type {any} */ (window).pwned ?? null };
  });
  assert.deepEqual(injected, { tags: 0, pwned: null });
  // Offsets stay right past the emoji, the combining marks and the bidi and zero-width characters: each
  // sentence in the reader is the article's text sliced at the engine's UTF-16 offsets.
  const offsets = await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    const a = el.model.articles.find((/** @type {any} */ x) => x.id === 'evil');
    const shown = [...el.shadowRoot.querySelectorAll('.reader-body .sentence')].map((s) => [...s.childNodes].slice(0, -1).map((n) => n.textContent).join(''));
    return { shown, want: a.sentences.map((/** @type {any} */ s) => a.text.slice(s.start, s.end)) };
  });
  assert.ok(offsets.want.some((t) => t.includes('😀')));
  assert.deepEqual(offsets.shown, offsets.want);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  // The layout holds: the 10,000-character word does not widen the page.
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 1280);
  await context.close();
});

test('cancelling a long load stops the worker and leaves everything as it was', async () => {
  const { page, context, errors } = await open();
  await paste(page, story('Kept article', 4, 3));
  const before = { own: await ownIds(page), ids: await modelIds(page) };
  // Many long articles: the engine works for seconds.
  const many = Array.from({ length: 40 }, (_, i) => txt(`long-${i}.txt`, story(`Long ${i}`, 400, i + 10)));
  await page.locator(`${X} [data-testid=add-files]`).setInputFiles(many);
  await page.locator(`${X} [data-testid=cancel]`).waitFor({ timeout: 20000 });
  const p0 = Number(await page.locator(`${X} [data-testid=progress]`).getAttribute('value'));
  // The bar moves forward (unless it was already at its last step, the cross-referencing).
  await page.waitForFunction(
    (v) => {
      const bar = /** @type {HTMLProgressElement | null | undefined} */ (document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=progress]'));
      return !!bar && (bar.value > v || v >= bar.max - 1);
    },
    p0,
    { timeout: 20000 },
  );
  // While the engine cross-references, the bar counts its stages and names each as it finishes.
  await page.waitForFunction(
    () => / \([a-z ]+ done\)… \d+ of 15 steps/.test(document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=job] span')?.textContent ?? ''),
    null,
    { timeout: 30000 },
  );
  await page.locator(`${X} [data-testid=cancel]`).click();
  await settled(page);
  assert.match(await page.locator(`${X} [data-testid=ws-notice]`).innerText(), /Cancelled: nothing was changed/);
  assert.deepEqual(await ownIds(page), before.own);
  assert.deepEqual(await modelIds(page), before.ids);
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), before.own);
  assert.deepEqual(await modelIds(page), before.ids);

  // A bundle import cancelled half-way stores neither its articles nor its corrections (one transaction).
  const bundle = {
    schema: 'storylines-bundle/1',
    workspace: {
      articles: Array.from({ length: 40 }, (_, i) => ({ id: `bundled-${i}`, name: `bundled-${i}.txt`, file: `bundled-${i}.txt`, text: story(`Bundled ${i}`, 400, i + 60), updatedAt: 1 })),
      corrections: [{ id: 'note:claim:none', kind: 'note', target: 'claim:none', text: 'from the bundle', at: 1 }],
    },
  };
  await openDetails(page, `${X} details.exports`);
  await page.locator(`${X} [data-testid=import-file]`).setInputFiles({ name: 'big-bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await page.locator(`${X} [data-testid=cancel]`).waitFor({ timeout: 20000 });
  await page.locator(`${X} [data-testid=cancel]`).click();
  await settled(page);
  assert.match(await page.locator(`${X} [data-testid=ws-notice]`).innerText(), /Cancelled: nothing was changed/);
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), before.own);
  const stored = await page.evaluate(() => JSON.parse(/** @type {any} */ (document.querySelector('storylines-explorer')).exportText('bundle')).workspace.corrections);
  assert.deepEqual(stored, [], 'the cancelled import stored no correction');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a crashed engine (a wasm trap) is replaced, rebuilt from the stored articles, and the user is told', async () => {
  const { page, context } = await open();
  await paste(page, story('Survives crashes', 4, 4));
  const before = await page.evaluate(() => JSON.stringify(/** @type {any} */ (document.querySelector('storylines-explorer')).model));
  const trapped = await page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).client.trap().then(() => 'no', (/** @type {any} */ e) => `${e.constructor.name}: ${e.message}`));
  assert.match(trapped, /EngineCrash: the engine crashed: .*unreachable/);
  await page.locator(`${X} [data-testid=ws-notice]`).filter({ hasText: 'crashed' }).waitFor({ timeout: 20000 });
  await settled(page);
  assert.match(await page.locator(`${X} [data-testid=status]`).innerText(), /The engine crashed .* restarted and rebuilt from this story's 1 stored article\./);
  assert.deepEqual(await ownIds(page), ['survives-crashes']);
  const after = await page.evaluate(() => JSON.stringify(/** @type {any} */ (document.querySelector('storylines-explorer')).model));
  assert.equal(after, before, 'the rebuilt engine gives the same model');
  // The new worker answers engine requests (its corpus was rebuilt).
  const diff = await page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).client.diff('survives-crashes', 'survives-crashes').then(() => 'ok', (/** @type {any} */ e) => e.message));
  assert.equal(diff, 'ok');
  // A crash in the middle of adding an article: that article is not added, the rest stands.
  await page.evaluate((text) => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    el.client.trap().catch(() => {});
    el.workspace.addText(text);
  }, story('Added during a crash', 30, 5));
  await page.locator(`${X} [data-testid=own-error]`).waitFor({ timeout: 20000 });
  await settled(page);
  assert.match(await page.locator(`${X} [data-testid=own-error]`).innerText(), /pasted text: not added: the engine (crashed|was stopped)/);
  assert.deepEqual(await ownIds(page), ['survives-crashes']);
  await context.close();
});

test('two tabs adding at once: both articles are kept, each tab hears of the other', async () => {
  const context = await env.browser.newContext({ timezoneId: 'UTC', locale: 'en-US' });
  const a = await open(context);
  const b = await open(context);
  await Promise.all([paste(a.page, story('From tab A', 4, 8)), paste(b.page, story('From tab B', 4, 9))]);
  for (const p of [a.page, b.page]) {
    await p.waitForFunction(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=own-article]').length === 2, null, { timeout: 20000 });
    await settled(p);
  }
  await a.page.reload();
  await ready(a.page);
  assert.deepEqual((await ownIds(a.page)).sort(), ['from-tab-a', 'from-tab-b']);
  // Removing in one tab removes in the other.
  await b.page.locator(`${X} [data-testid=own-article][data-article=from-tab-a] [data-testid=remove]`).click();
  await settled(b.page);
  await a.page.waitForFunction(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=own-article]').length === 1, null, { timeout: 20000 });
  assert.deepEqual(await ownIds(a.page), ['from-tab-b']);
  await context.close();
});

test('a corrupted, older or newer store: the readable part is kept and the user is told', async () => {
  const { page, context } = await open();
  await paste(page, story('Readable article', 4, 11));
  await page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const tx = req.result.transaction(['articles', 'corrections'], 'readwrite');
          tx.objectStore('articles').put({ id: 'broken', name: 42 });
          tx.objectStore('corrections').put({ id: 'c1', kind: 'note' });
          tx.oncomplete = () => (req.result.close(), resolve(null));
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB,
  );
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), ['readable-article']);
  assert.match(await page.locator(`${X} [data-testid=ws-problem]`).innerText(), /2 stored records could not be read .*\(the rest is intact\)/);
  // No partial writes: a change with one record the store refuses leaves nothing of it behind.
  const partial = await page.evaluate(async () => {
    const store = /** @type {any} */ (document.querySelector('storylines-explorer')).workspace.store;
    const good = { id: 'half', name: 'half.txt', file: 'half.txt', text: 'x', updatedAt: 1 };
    const refused = await store.write({ articles: [good, { name: 'no id' }] }).then(() => 'written', (/** @type {any} */ e) => e.name);
    return { refused, ids: (await store.load()).articles.map((/** @type {any} */ a) => a.id) };
  });
  assert.deepEqual(partial, { refused: 'DataError', ids: ['readable-article'] });
  // A store of an older version (version 1: articles only, records without names or dates): upgraded, kept.
  await page.evaluate(async (name) => {
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onblocked = () => resolve(null);
    });
    await new Promise((resolve) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('articles', { keyPath: 'id' }).put({ id: 'old-one', text: 'An old article\n\nIt was stored long ago, the archive said on Monday.' });
      req.onsuccess = () => (req.result.close(), resolve(null));
    });
  }, DB);
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), ['old-one']);
  assert.match(await page.locator(`${X} [data-testid=ws-problem]`).innerText(), /1 article stored by an older version of storylines was brought up to date/);
  assert.ok((await modelIds(page)).includes('old-one'));
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(`${X} [data-testid=ws-problem]`).count(), 0, 'once upgraded, nothing more to say');
  assert.deepEqual(await ownIds(page), ['old-one']);
  // A store upgraded by a newer version: shown, not written.
  await page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const req = indexedDB.open(name, 7);
        req.onupgradeneeded = () => req.result.createObjectStore('future');
        req.onsuccess = () => (req.result.close(), resolve(null));
      }),
    DB,
  );
  await page.reload();
  await ready(page);
  assert.deepEqual(await ownIds(page), ['old-one']);
  assert.match((await page.locator(`${X} [data-testid=ws-problem]`).allInnerTexts()).join('\n'), /saved by a newer version of storylines/);
  await context.close();
});

test('each kind of correction survives a reload, shows as the user\'s, and travels in the bundle to a fresh profile', async () => {
  const { page, context, errors } = await open();
  // The sample is read-only: its copy in a story of the user's own takes corrections.
  await copySample(page);
  await paste(page, story('Own article in the bundle', 4, 12));
  const [p1, p2] = expected.entities.filter((/** @type {any} */ e) => e.kind === 'person');
  const aliased = expected.entities.find((/** @type {any} */ e) => e.aliases.length && e.id !== p1.id && e.id !== p2.id);
  const claim = expected.claims[0];
  const contradiction = expected.contradictions[0];
  // Through the UI: a claim's status and note; a contradiction dismissed; entities merged and split.
  await page.goto(env.url + '?view=claims');
  await ready(page);
  const item = page.locator(`${X} [data-testid=claim][data-id="${claim.id}"]`);
  await openDetails(item, 'details.correct');
  const other = claim.status === 'contested' ? 'corroborated' : 'contested';
  await item.locator('[data-testid=set-status]').selectOption(other);
  await settled(page);
  await openDetails(item, 'details.correct');
  await item.locator('[data-testid=note-text]').fill('Checked with the ministry: <b>not</b> confirmed.');
  await item.locator('[data-testid=save-note]').click();
  await settled(page);
  assert.match(await item.locator('[data-testid=user-marks]').innerText(), new RegExp(`you set the status to ${other} \\(the engine said ${claim.status}\\)`));
  assert.match(await item.locator('[data-testid=user-note]').innerText(), /your note Checked with the ministry: <b>not<\/b> confirmed\./);
  await page.goto(env.url + '?view=contradictions');
  await ready(page);
  const co = page.locator(`${X} [data-testid=contradiction][data-id="${contradiction.id}"]`);
  await openDetails(co, 'details.correct');
  await co.locator('[data-testid=dismiss]').click();
  await settled(page);
  assert.equal(await page.locator(`${X} [data-testid=contradiction]`).count(), expected.contradictions.length - 1);
  assert.match(await page.locator(`${X} [data-testid=dismissed] summary`).innerText(), /Dismissed by you \(1\)/);
  await page.goto(env.url + '?view=entities');
  await ready(page);
  const keep = page.locator(`${X} [data-testid=entity][data-id="${p1.id}"]`);
  await openDetails(keep, 'details.correct');
  await keep.locator('[data-testid=merge-with]').selectOption(p2.id);
  await keep.locator('[data-testid=merge]').click();
  await settled(page);
  const split = page.locator(`${X} [data-testid=entity][data-id="${aliased.id}"]`);
  await openDetails(split, 'details.correct');
  await split.locator('[data-testid=split]').first().click();
  await settled(page);
  await openDetails(keep, 'details.correct');
  await keep.locator('[data-testid=note-text]').fill('Same person, two spellings.');
  await keep.locator('[data-testid=save-note]').click();
  await settled(page);
  // An alignment dismissed, through the API the buttons use. The pasted article takes part in the corpus
  // statistics (word rarity), so the bundle's alignments may differ from its own export: count the page's.
  const pairsBefore = await page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).model.alignments.length);
  await page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    const p = el.model.alignments[0];
    return el.workspace.correct({ id: `dismiss:align:${p.a.article}:${p.a.sentence}~${p.b.article}:${p.b.sentence}`, kind: 'dismiss', target: `align:${p.a.article}:${p.a.sentence}~${p.b.article}:${p.b.sentence}`, at: 1 });
  });
  await settled(page);

  /** What the page shows of the corrections. @param {import('playwright-core').Page} pg */
  const observe = async (pg) => {
    await pg.goto(env.url + '?view=entities');
    await ready(pg);
    const merged = await pg.locator(`${X} [data-testid=entity][data-id="${p1.id}"] [data-testid=user-marks]`).innerText();
    const gone = await pg.locator(`${X} [data-testid=entity][data-id="${p2.id}"]`).count();
    const splitOff = await pg.locator(`${X} [data-testid=entity][data-id="${aliased.id}~${aliased.aliases[0]}"] [data-testid=user-marks]`).innerText();
    await pg.goto(env.url + '?view=claims');
    await ready(pg);
    const claimMarks = await pg.locator(`${X} [data-testid=claim][data-id="${claim.id}"] [data-testid=user-marks]`).innerText();
    await pg.goto(env.url + '?view=contradictions');
    await ready(pg);
    const contradictions = await pg.locator(`${X} [data-testid=contradiction]`).count();
    await pg.goto(env.url + '?view=provenance');
    await ready(pg);
    const pairs = await pg.locator(`${X} [data-testid=aligned-pair]`).count();
    const own = await ownIds(pg);
    return { merged, gone, splitOff, claimMarks, contradictions, pairs, own };
  };
  const seen = await observe(page);
  assert.match(seen.merged, /you merged .* into this[\s\S]*your note Same person, two spellings\./);
  assert.equal(seen.gone, 0);
  assert.match(seen.splitOff, /you split this off/);
  assert.equal(seen.contradictions, expected.contradictions.length - 1);
  assert.equal(seen.pairs, pairsBefore - 1);
  await page.screenshot({ path: path.join(RESULTS, 'corrections.png'), fullPage: true });
  await page.reload();
  await ready(page);
  assert.deepEqual(await observe(page), seen, 'the same after a reload');

  // Export, then import into a fresh profile: everything as it was, and the bundle round-trips exactly.
  const exported = await page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).exportText('bundle'));
  const fresh = await open();
  await openDetails(fresh.page, `${X} details.exports`);
  await fresh.page.locator(`${X} [data-testid=import-file]`).setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await settled(fresh.page);
  // The import stores articles and corrections after their analysis, in one transaction: wait for its notice.
  await fresh.page.locator(X).getByText(/Imported 6 articles and \d+ corrections/).waitFor();
  assert.deepEqual(await observe(fresh.page), seen, 'the same in a fresh profile');
  const again = await fresh.page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).exportText('bundle'));
  assert.deepEqual(JSON.parse(again), JSON.parse(exported));
  // The download button gives the same file.
  await openDetails(fresh.page, `${X} details.exports`);
  const [download] = await Promise.all([fresh.page.waitForEvent('download'), fresh.page.locator(`${X} [data-testid=export-bundle]`).click()]);
  assert.equal(download.suggestedFilename(), 'storylines-bundle.json');
  assert.deepEqual(errors, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // The bundle as the page's `?src=` (a same-origin URL): shown as shared, corrections applied, not stored.
  const shared = await newPage(env.browser, env.url);
  await shared.page.route('**/shared-bundle.json', (route) => route.fulfill({ contentType: 'application/json', body: exported }));
  await shared.page.goto(`${env.url}?src=shared-bundle.json`);
  await shared.page.locator(`${X} [data-testid=ws-notice]`).filter({ hasText: 'Showing a shared bundle (7 corrections)' }).waitFor();
  await shared.page.locator(`${X} nav a[data-view=claims]`).click();
  assert.equal(await shared.page.locator(`${X} [data-testid=claim][data-id="${claim.id}"] [data-testid=user-marks]`).innerText(), seen.claimMarks);
  assert.equal(await shared.page.locator(`${X} [data-testid=claim] details.correct`).count(), 0, 'a shared view offers no tools');
  await shared.page.locator(`${X} nav a[data-view=contradictions]`).click();
  assert.equal(await shared.page.locator(`${X} [data-testid=contradiction]`).count(), seen.contradictions);
  assert.deepEqual(await ownIds(shared.page), [], 'nothing was stored');
  assert.deepEqual(shared.errors, []);
  await shared.context.close();
  await context.close();
});

test('an event: a note and a dismissal on the timeline, kept across a reload, restorable', async () => {
  const { page, context, errors } = await open();
  await copySample(page);
  const ev = expected.events[0];
  await page.goto(`${env.url}?view=timeline&sel=${encodeURIComponent(ev.id)}`);
  await ready(page);
  const detail = page.locator(`${X} [data-testid=event-detail]`);
  await openDetails(detail, 'details.correct');
  await detail.locator('[data-testid=note-text]').fill('Date checked against the agency wire.');
  await detail.locator('[data-testid=save-note]').click();
  await settled(page);
  await page.reload();
  await ready(page);
  assert.match(await page.locator(`${X} [data-testid=event-detail] [data-testid=user-note]`).innerText(), /your note Date checked against the agency wire\./);
  await openDetails(page.locator(`${X} [data-testid=event-detail]`), 'details.correct');
  await page.locator(`${X} [data-testid=event-detail] [data-testid=dismiss]`).click();
  await settled(page);
  assert.match(await page.locator(`${X} section[data-view=timeline] > h3`).last().innerText(), new RegExp(`Events \\(${expected.events.length - 1}\\)`));
  await openDetails(page, `${X} [data-testid=dismissed]`);
  await page.locator(`${X} [data-testid=dismissed] [data-testid=restore]`).click();
  await settled(page);
  assert.equal(await page.locator(`${X} [data-testid=dismissed]`).count(), 0);
  assert.match(await page.locator(`${X} section[data-view=timeline] > h3`).last().innerText(), new RegExp(`Events \\(${expected.events.length}\\)`));
  assert.deepEqual(errors, []);
  await context.close();
});

const RLO = '\u202E';

/**
 * Every text node of the explorer holding a right-to-left override, where the override is not contained:
 * the nearest isolate or paragraph around it (a <bdi> or an element with `unicode-bidi: isolate`, a block,
 * an SVG text, or the isolate marks U+2068…U+2069 inside the text) must hold nothing but text the articles
 * brought (a piece of an article's text, a name, a quote), never the page's own words.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ leaks: string[], checked: number }>} the leaks as "element: its text", and how many
 *   overrides were looked at
 */
function uncontainedOverrides(page) {
  return page.evaluate((rlo) => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    const m = el.model;
    const words = (/** @type {any} */ x) => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]).map(String);
    const brought = [
      ...m.articles.flatMap((/** @type {any} */ a) => [a.text, a.title, a.outlet, a.file, a.id, ...words(a.authors)]),
      ...m.entities.flatMap((/** @type {any} */ e) => [e.name, ...words(e.aliases)]),
      ...m.quotes.flatMap((/** @type {any} */ q) => [q.text, q.speakerText]),
      ...m.events.map((/** @type {any} */ e) => e.label),
      ...[...m.claims, ...m.contradictions].map((/** @type {any} */ c) => c.explanation),
    ].filter((x) => typeof x === 'string' && x);
    const ownText = (/** @type {string} */ t) => brought.some((b) => b.includes(t));
    const leaks = [];
    let checked = 0;
    const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = /** @type {Text} */ (n).data;
      if (!data.includes(rlo) || n.parentElement?.closest('option, textarea, title, style')) continue;
      checked++;
      // Inside the isolate marks: every override has more U+2068 than U+2069 before it in its text.
      let depth = 0;
      let open = true;
      for (const ch of data) {
        if (ch === '\u2068') depth++;
        else if (ch === '\u2069') depth = Math.max(0, depth - 1);
        else if (ch === rlo && depth === 0) open = false;
      }
      if (open) continue;
      for (let a = n.parentElement; a; a = a.parentElement) {
        const css = getComputedStyle(a);
        const isolate = /isolate|plaintext/.test(css.unicodeBidi);
        const paragraph = a.localName === 'text' || !/^(inline|contents)$/.test(css.display);
        if (!isolate && !paragraph) continue;
        if (!ownText((a.textContent ?? '').trim())) leaks.push(`${a.localName}: ${a.textContent}`);
        break;
      }
    }
    return { leaks, checked };
  }, RLO);
}

test('names that would reverse the page: each in its own run in every view; control characters in file names shown', async () => {
  const { page, context, errors } = await open();
  const quoted = `"We will rebuild the ${RLO}pier by June," Maria Lopez said on Monday.`;
  await addFiles(page, [
    txt(`report-${RLO}txt.exe.txt`, [`Harbour ${RLO}report on the pier`, '', quoted, '', story('x', 4, 5).split('\n').slice(2).join('\n')].join('\n')),
    { name: 'tide.md', mimeType: 'text/markdown', buffer: Buffer.from(['---', `title: Pier ${RLO}repairs begin`, `publisher: Daily ${RLO}Tide`, `author: Ann ${RLO}Bell`, '---', '', quoted, '', story('x', 3, 6).split('\n').slice(2).join('\n')].join('\n')) },
    txt(`empty-${RLO}.txt`, ''),
  ]);
  // The panel: the file names' overrides are shown as code points, not obeyed.
  const panel = await page.locator(`${X} [data-testid=workspace]`).innerText();
  assert.ok(!panel.includes(`report-${RLO}`) && !panel.includes(`empty-${RLO}`), panel);
  assert.match(panel, /report-⟨U\+202E⟩txt\.exe\.txt · 1 KB · id/);
  assert.match(panel, /empty-⟨U\+202E⟩\.txt: the file is empty/);
  await page.locator(`${X} [data-testid=workspace]`).screenshot({ path: path.join(RESULTS, 'odd-names-panel.png') });
  // Every view, and the reader of each article: every override stays inside what the articles brought.
  const leaks = [];
  /** @type {Record<string, number>} */
  const checked = {};
  for (const q of [...VIEWS.map((v) => `?view=${v}`), ...(await ownIds(page)).map((id) => `?view=sources&sel=${id}`)]) {
    await page.goto(env.url + q);
    await ready(page);
    const seen = await uncontainedOverrides(page);
    leaks.push(...seen.leaks.map((l) => `${q} ${l}`));
    checked[q] = seen.checked;
  }
  assert.deepEqual(leaks, []);
  // Not vacuous: every view shows some of the overrides (the sources filter names both articles).
  assert.ok(Object.values(checked).every((n) => n >= 2), JSON.stringify(checked));
  await page.screenshot({ path: path.join(RESULTS, 'odd-names-reader.png') });
  // The check can fail: the same overrides in the page's own words are reported.
  const probe = await page.evaluate((rlo) => {
    const p = document.createElement('p');
    p.textContent = `Harbour ${rlo}report · 1 KB`;
    document.querySelector('storylines-explorer')?.shadowRoot?.append(p);
    return p.textContent;
  }, RLO);
  assert.deepEqual((await uncontainedOverrides(page)).leaks, [`p: ${probe}`]);
  // Articles given by script (or a manifest) keep their names, which the engine quotes in its diagnostics.
  await page.evaluate(
    (rlo) => /** @type {any} */ (document.querySelector('storylines-explorer')).load([
      { name: `pier-${rlo}a.txt`, text: 'Pier repairs begin\n\nThe pier reopens on Monday, officials said.' },
      { name: `blank-${rlo}.txt`, text: '  ' },
    ]),
    RLO,
  );
  await ready(page);
  const diagnostics = await page.locator(`${X} details.diagnostics`).evaluate((d) => d.textContent ?? '');
  assert.match(diagnostics, /blank-⟨U\+202E⟩/);
  assert.ok(!diagnostics.includes(RLO), diagnostics);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Your articles" cards show the headline the engine found, else the file name; never raw markup', async () => {
  const { page, context } = await open();
  const body = story('x', 4, 8).split('\n').slice(2).join(' ');
  await addFiles(page, [
    { name: 'saved page.html', mimeType: 'text/html', buffer: Buffer.from(`<!doctype html>\n<html><head><title>Ferry timetable changes announced</title></head><body><article><h1>Ferry timetable changes announced</h1><p>${body}</p></article></body></html>`) },
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Ferry fares *rise* with [a link](https://example.org)\n\n${body}\n`) },
  ]);
  const cards = await page.locator(`${X} [data-testid=own-article]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-article'), e.querySelector('[data-testid=own-title]')?.textContent]));
  const titles = await page.evaluate(() => Object.fromEntries(/** @type {any} */ (document.querySelector('storylines-explorer')).model.articles.map((/** @type {any} */ a) => [a.id, a.title])));
  assert.deepEqual(cards, [
    ['saved-page', 'Ferry timetable changes announced'],
    ['notes', 'Ferry fares rise with a link'],
  ]);
  for (const [id, shown] of cards) assert.equal(shown, titles[String(id)]);
  await page.locator(`${X} [data-testid=workspace]`).screenshot({ path: path.join(RESULTS, 'workspace-cards.png') });
  await context.close();
});

test('the notice describes the last addition: what it added and what it refused', async () => {
  const { page, context } = await open();
  const notice = () => page.locator(`${X} [data-testid=ws-notice]`).innerText();
  await addFiles(page, [txt('first.txt', story('Ferry service resumes in Northvale', 4, 9))]);
  assert.equal(await notice(), '1 article added.');
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await addFiles(page, [txt('empty.txt', ''), { name: 'image.txt', mimeType: 'text/plain', buffer: binary }]);
  assert.equal(await notice(), 'Nothing added: 2 files refused, see below.');
  assert.equal(await page.locator(`${X} [data-testid=own-error]`).count(), 2);
  await addFiles(page, [txt('second.txt', story('Ferry service extended', 4, 10)), { name: 'photo.png', mimeType: 'image/png', buffer: binary }]);
  assert.equal(await notice(), '1 article added; 1 file refused, see below.');
  await context.close();
});
