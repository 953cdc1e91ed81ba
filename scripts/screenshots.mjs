/* global document */
// Screenshots of every view, of the bundled sample and of a story of the user's own (a folder of invented
// articles chosen through the page), at 1366 and 390 px wide, in Debian's Chromium (tests/e2e/harness.mjs;
// no browser is downloaded). The page is grown to its full height before each shot, so that what renders
// only in view (content-visibility) is drawn. Writes test-results/screens/; with --docs, refreshes
// docs/screenshots/ (the README's pictures) from them.
//   node scripts/screenshots.mjs [--docs]
import path from 'node:path';
import { mkdir, copyFile } from 'node:fs/promises';
import { start, newPage, RESULTS, ROOT } from '../tests/e2e/harness.mjs';
import { VIEWS } from '../www/model/state.js';
import { storyFolder, deskReady, chooseFolder } from '../tests/e2e/desk-story.mjs';

const OUT = path.join(RESULTS, 'screens');

const ready = deskReady;

/**
 * @param {import('playwright-core').Page} page
 * @param {number} width
 * @param {string} file
 */
async function shoot(page, width, file) {
  const height = await page.evaluate(() => Math.min(8000, document.documentElement.scrollHeight));
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(OUT, file) });
  await page.setViewportSize({ width, height: 900 });
}

const env = await start();
await mkdir(OUT, { recursive: true });
const { page, context, errors } = await newPage(env.browser, env.url);
const story = await chooseFolder(page, env.url, await storyFolder());
for (const [label, query] of [['sample', 'story=sample&'], ['story', `story=${story}&`]]) {
  for (const width of [1366, 390]) {
    for (const v of VIEWS) {
      const sel = v === 'sources' ? `&sel=${label === 'sample' ? '000_dff4c5a8cacb7654' : 'a'}` : '';
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${env.url}?${query}view=${v}${sel}`);
      await ready(page);
      if (label === 'story' && v === 'sources') await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('.meta-edit')?.setAttribute('open', ''));
      await shoot(page, width, `${label}-${v}-${width}.png`);
    }
  }
}
await page.goto(`${env.url}?story=sample&view=claims&status=contested`);
await ready(page);
await shoot(page, 1366, 'sample-claims-contested-1366.png');
await page.emulateMedia({ media: 'print' });
await page.goto(`${env.url}?story=sample&view=claims`);
await ready(page);
await shoot(page, 800, 'sample-print.png');
if (errors.length) console.error(errors.join('\n'));
await context.close();
await env.close();
if (process.argv.includes('--docs')) {
  const docs = path.join(ROOT, 'docs', 'screenshots');
  for (const v of VIEWS) await copyFile(path.join(OUT, `sample-${v === 'claims' ? 'claims-contested' : v}-1366.png`), path.join(docs, `${v}.png`));
  await copyFile(path.join(OUT, 'sample-overview-390.png'), path.join(docs, 'narrow.png'));
  await copyFile(path.join(OUT, 'story-sources-1366.png'), path.join(docs, 'desk.png'));
  await copyFile(path.join(OUT, 'story-sources-390.png'), path.join(docs, 'desk-narrow.png'));
}
console.log(`screenshots in ${OUT}`);
