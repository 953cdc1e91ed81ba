// The weight of what a host page downloads to show the explorer: the minified build in www/dist (the element
// storylines.js, its worker.js, its explorer.css) and the wasm after wasm-opt -Oz, each gzipped (level 9),
// compared with the committed snapshot (size-snapshot.json) within ±5%, and the total with the 350 KiB budget.
// Not counted: the HTML module (loaded only when an HTML article is added) and core.js (the data-only API).
// UPDATE_SIZE=1 rewrites the snapshot after a deliberate change (after `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** The budget: what the page may weigh (issue 17). */
const BUDGET = 350 * 1024;
const SNAPSHOT = path.join(ROOT, 'size-snapshot.json');
const DIST = path.join(ROOT, 'www', 'dist');

/** @param {string} name a file of www/dist */
async function gz(name) {
  return gzipSync(await readFile(path.join(DIST, name)), { level: 9 }).length;
}

/** The gzipped bytes a host downloads, by kind. */
export async function measure() {
  return {
    wasmGzip: await gz('storylines_bg.wasm'),
    jsGzip: (await gz('storylines.js')) + (await gz('worker.js')),
    cssGzip: await gz('explorer.css'),
  };
}

test('the minified build stays within ±5% of the size snapshot and the total under the budget', async () => {
  const now = await measure();
  if (process.env.UPDATE_SIZE) {
    await writeFile(SNAPSHOT, JSON.stringify(now, null, 2) + '\n');
  }
  const snap = JSON.parse(await readFile(SNAPSHOT, 'utf8'));
  for (const key of /** @type {const} */ (['wasmGzip', 'jsGzip', 'cssGzip'])) {
    const ratio = now[key] / snap[key];
    assert.ok(
      ratio > 0.95 && ratio < 1.05,
      `${key} is ${now[key]} bytes, the snapshot says ${snap[key]} (${((ratio - 1) * 100).toFixed(1)}%): ` +
        'if the change is deliberate, run npm run build && UPDATE_SIZE=1 node --test tests/e2e/size.test.mjs and commit size-snapshot.json',
    );
  }
  const total = now.wasmGzip + now.jsGzip + now.cssGzip;
  console.log(`size: total ${total} bytes gzipped, ${BUDGET - total} under the ${BUDGET}-byte budget`);
  assert.ok(total < BUDGET, `total ${total} bytes gzipped is over the ${BUDGET}-byte budget`);
});
