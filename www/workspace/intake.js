// Turns what the user drops, chooses or pastes into workspace articles, or into a reason it cannot be one:
// only text (.txt, .md, .html), valid UTF-8 without NUL bytes, at most MAX_BYTES. Gives each article a
// unique id (the slug of its file name) that the engine keeps, since the engine's id is the file stem. No DOM
// beyond File.

/** Largest article the page accepts (the engine's own limit is higher; a page keeps answering under this). */
export const MAX_BYTES = 2 * 1024 * 1024;
const KINDS = /** @type {Record<string, string>} */ ({ txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', xhtml: 'html' });

/**
 * @typedef {import('./storage.js').StoredArticle} StoredArticle
 * @typedef {{ file: string, error: string }} Rejected
 */

/**
 * A lower-case slug of a name, at most 60 characters ('article' when nothing is left).
 * @param {string} s
 */
export function slug(s) {
  const out = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return out || 'article';
}

/**
 * A free id from `base`: `base`, else `base-2`, `base-3`…
 * @param {string} base
 * @param {Set<string>} taken ids in use (the new id is added)
 */
export function freeId(base, taken) {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** @param {number} size */
const tooLarge = (size) => `too large: ${(size / 1048576).toFixed(1)} MB, the limit is ${MAX_BYTES / 1048576} MB per article`;

/**
 * Decodes bytes as text, or says why they are not a text article.
 * @param {Uint8Array} bytes
 * @returns {{ text: string } | { error: string }}
 */
export function decodeText(bytes) {
  if (bytes.length > MAX_BYTES) return { error: tooLarge(bytes.length) };
  if (bytes.includes(0)) return { error: 'not a text file (it contains binary data)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.trim()) return { error: 'the file is empty' };
    return { text };
  } catch {
    return { error: 'not a text file (it is not valid UTF-8)' };
  }
}

/**
 * A workspace article from checked text.
 * @param {string} file the user's file name
 * @param {string} ext 'txt' | 'md' | 'html'
 * @param {string} text
 * @param {Set<string>} taken
 * @param {number} now
 * @returns {StoredArticle}
 */
function article(file, ext, text, taken, now) {
  const id = freeId(slug(file.replace(/\.[^.]*$/, '')), taken);
  return { id, name: `${id}.${ext}`, file, text, updatedAt: now };
}

/**
 * Reads dropped or chosen files.
 * @param {Iterable<File>} files
 * @param {Set<string>} taken ids in use (new ids are added)
 * @param {number} [now]
 * @returns {Promise<{ articles: StoredArticle[], rejected: Rejected[] }>}
 */
export async function readFiles(files, taken, now = Date.now()) {
  /** @type {StoredArticle[]} */
  const articles = [];
  /** @type {Rejected[]} */
  const rejected = [];
  for (const f of files) {
    const ext = KINDS[(/\.([^.]+)$/.exec(f.name)?.[1] ?? 'txt').toLowerCase()];
    if (!ext) {
      rejected.push({ file: f.name, error: 'not a .txt, .md or .html file' });
      continue;
    }
    if (f.size > MAX_BYTES) {
      rejected.push({ file: f.name, error: tooLarge(f.size) });
      continue;
    }
    const r = decodeText(new Uint8Array(await f.arrayBuffer()));
    if ('error' in r) rejected.push({ file: f.name, error: r.error });
    else articles.push(article(f.name, ext, r.text, taken, now));
  }
  return { articles, rejected };
}

/** What a pasted text is called where a file would show its name. */
export const PASTED = 'pasted text';

/**
 * A pasted text as an article, named after its first line.
 * @param {string} text
 * @param {Set<string>} taken
 * @param {number} [now]
 * @returns {{ article: StoredArticle } | Rejected}
 */
export function readPaste(text, taken, now = Date.now()) {
  const r = decodeText(new TextEncoder().encode(text));
  if ('error' in r) return { file: PASTED, error: r.error };
  const first = text.trim().split('\n', 1)[0].slice(0, 60);
  const a = article(`${first}.txt`, 'txt', text, taken, now);
  a.file = PASTED;
  return { article: a };
}

/**
 * The files of a drop, folders read through (a dropped folder arrives as an entry, not as files); hidden
 * files (a leading dot) are left out.
 * @param {DataTransfer} dt
 * @returns {Promise<File[]>}
 */
export async function droppedFiles(dt) {
  const entries = [...dt.items].map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (!entries.some((e) => e?.isDirectory)) return [...dt.files];
  /** @type {File[]} */
  const out = [];
  /** @param {FileSystemEntry | null} e */
  const walk = async (e) => {
    if (!e || e.name.startsWith('.')) return;
    if (e.isFile) out.push(await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (e).file(resolve, reject)));
    else if (e.isDirectory) {
      const reader = /** @type {FileSystemDirectoryEntry} */ (e).createReader();
      for (;;) {
        /** @type {FileSystemEntry[]} */
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const x of batch) await walk(x);
      }
    }
  };
  for (const e of entries) await walk(e);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The article files of a chosen folder (hidden files left out).
 * @param {Iterable<File>} files
 */
export const folderFiles = (files) => [...files].filter((f) => !f.name.startsWith('.') && !/(^|\/)\./.test(f.webkitRelativePath ?? ''));
