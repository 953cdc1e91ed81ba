// The story desk's test story and steps, shared by tests/e2e/desk.test.mjs and scripts/screenshots.mjs: three
// reports of an invented story (a and b reuse each other, b and c share one claim independently; a has a
// dateline naming an agency, c a web address) written to a folder, chosen through the page, and a wait for
// the explorer to settle (no job, no story switch under way).
import path from 'node:path';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const X = 'storylines-explorer';

export const DESK_ARTICLES = {
  'a.txt': `Harbour bridge in Eastport closes after inspection

By Mara Quill

EASTPORT (Coastline News) — The harbour bridge in Eastport was closed on Tuesday after engineers found 14 cracks in its main span, the city's transport office said.
The mayor said repairs would cost about 3 million dollars and take six weeks.
Commuters were told to use the ferry service, which will run every twenty minutes.
Local shop owners worried about losing customers during the closure.
`,
  'b.txt': `Eastport shuts harbour bridge for repairs

By Tomas Reed

Engineers found 14 cracks in the main span of the harbour bridge in Eastport, which was closed on Tuesday, the city's transport office said.
A school principal said pupils from the far shore would start classes later.
Repairs are expected to take six weeks, the mayor said, at a cost of about 3 million dollars.
The last major repair of the bridge took place a decade ago.
`,
  'c.txt': `Cracks close Eastport bridge

Ferry operators in Eastport added extra boats on Tuesday as the harbour bridge stayed shut.
The transport office said engineers found 14 cracks in the bridge's main span.
Cyclists complained that the ferries had little room for bikes.
Visit https://www.harbourdaily.example/news for updates.
`,
};


/** Writes the story's folder (with a hidden file the page must leave out); returns its path. */
export async function storyFolder() {
  const folder = path.join(await mkdtemp(path.join(tmpdir(), 'storylines-desk-')), 'eastport');
  await mkdir(folder);
  for (const [name, text] of Object.entries(DESK_ARTICLES)) await writeFile(path.join(folder, name), text);
  await writeFile(path.join(folder, '.hidden.txt'), 'not an article');
  return folder;
}

/** Waits until the explorer shows a model and no job or story switch runs. @param {import('playwright-core').Page} page */
export async function deskReady(page) {
  await page.locator(`${X} [data-view]`).first().waitFor({ timeout: 20000, state: 'attached' });
  const idle = () =>
    page.waitForFunction(() => {
      const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
      return el?.model && !el.busy && !el.workspace?.job;
    });
  await idle();
  await page.evaluate(async () => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    for (let i = 0; i < 3; i++) await Promise.all([el.storySwitch, el.workspace?.queue]);
  });
  await idle();
}

/**
 * Opens the page on the sample, chooses the folder, and waits for the story it becomes; returns its id.
 * @param {import('playwright-core').Page} page
 * @param {string} url the page
 * @param {string} folder
 */
export async function chooseFolder(page, url, folder) {
  await page.goto(url);
  await deskReady(page);
  await page.locator(`${X} [data-testid=add-folder]`).setInputFiles(folder);
  await page.waitForFunction(() => new URLSearchParams(location.search).has('story'));
  await deskReady(page);
  return new URL(page.url()).searchParams.get('story');
}
