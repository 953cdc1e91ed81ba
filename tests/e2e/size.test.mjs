// The weight of what a host page downloads: the release wasm and the JavaScript, gzipped, compared with the
// committed snapshot (size-snapshot.json) within ±5%, and with the 350 KB budget.
// UPDATE_SIZE=1 rewrites the snapshot after a deliberate change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const BUDGET = 350 * 1024;
const SNAPSHOT = path.join(ROOT, 'size-snapshot.json');

/** @param {string} file */
async function gz(file) {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

async function measure() {
  const www = path.join(ROOT, 'www');
  const js = [
    ...(await readdir(www)).filter((f) => f.endsWith('.js')).map((f) => path.join(www, f)),
    ...(await readdir(path.join(www, 'views'))).filter((f) => f.endsWith('.js')).map((f) => path.join(www, 'views', f)),
    path.join(www, 'pkg', 'storylines.js'),
  ].sort();
  let jsGzip = 0;
  for (const f of js) jsGzip += await gz(f);
  return { wasmGzip: await gz(path.join(www, 'pkg', 'storylines_bg.wasm')), jsGzip };
}

test('the release build stays within ±5% of the size snapshot and under the budget', async () => {
  const now = await measure();
  if (process.env.UPDATE_SIZE) {
    await writeFile(SNAPSHOT, JSON.stringify(now, null, 2) + '\n');
  }
  const snap = JSON.parse(await readFile(SNAPSHOT, 'utf8'));
  for (const key of /** @type {const} */ (['wasmGzip', 'jsGzip'])) {
    const ratio = now[key] / snap[key];
    assert.ok(
      ratio > 0.95 && ratio < 1.05,
      `${key} is ${now[key]} bytes, the snapshot says ${snap[key]} (${((ratio - 1) * 100).toFixed(1)}%): ` +
        'if the change is deliberate, run UPDATE_SIZE=1 npm run test:e2e and commit size-snapshot.json',
    );
  }
  assert.ok(now.wasmGzip + now.jsGzip < BUDGET, `total ${now.wasmGzip + now.jsGzip} bytes gzipped is over the ${BUDGET} budget`);
});
