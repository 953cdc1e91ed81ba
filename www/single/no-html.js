// Stands in for the HTML module (www/pkg-html) in the single self-contained file, which leaves it out (it
// weighs about 500 KB gzipped): adding an HTML article there fails with this message, shown by the explorer.
export class Corpus {}

export default async function init() {
  throw new Error('HTML articles need the served explorer (npm start): the single file opened from disk does not include the HTML module');
}
