// The host script of two.html: hands the right explorer its articles and their metadata from script
// (element.load) and logs the events both explorers fire. The articles are invented for this example.
const ARTICLES = [
  {
    name: 'harbour-gazette.txt',
    text: `The Alder Bridge in Port Wren will close on Monday, 10 March 2031, for six weeks of repairs, the town council said on Sunday.

"The bearings are worn and the deck needs new joints," said Mira Calloway, the council's chief engineer. Around 14,000 vehicles cross the bridge every day.

A ferry will run every 20 minutes while the bridge is closed, the council said.
`,
  },
  {
    name: 'coast-daily.txt',
    text: `The Alder Bridge in Port Wren will close on Monday, 10 March 2031, for eight weeks of repairs, the town council announced.

"The bearings are worn and the deck needs new joints," said Mira Calloway, the council's chief engineer. About 12,000 vehicles use the crossing each day.

Shop owners on the east bank said the closure would cost them customers.
`,
  },
  {
    name: 'wren-radio.txt',
    text: `A ferry will run every 20 minutes while the Alder Bridge is closed, the town council said on Tuesday.

Council engineer Mira Calloway said the bearings were worn. The works begin on 10 March.
`,
  },
];

const log = /** @type {HTMLOutputElement} */ (document.getElementById('log'));
/** @param {string} line */
const say = (line) => (log.value = log.value ? `${log.value}; ${line}` : line);

for (const el of document.querySelectorAll('storylines-explorer')) {
  el.addEventListener('storylines-ready', (ev) => say(`${el.id} ready (${/** @type {CustomEvent} */ (ev).detail.articles} articles)`));
  el.addEventListener('storylines-select', (ev) => say(`${el.id} selected ${/** @type {CustomEvent} */ (ev).detail.kind} ${/** @type {CustomEvent} */ (ev).detail.id}`));
  el.addEventListener('storylines-error', (ev) => say(`${el.id} error: ${/** @type {CustomEvent} */ (ev).detail.message}`));
}

/** Metadata the texts do not carry, in the manifest's shape (README, "Inputs"). */
const MANIFEST = {
  articles: [
    { file: 'harbour-gazette.txt', title: 'Alder Bridge closes for repairs', outlet: 'Harbour Gazette', published: '2031-03-02' },
    { file: 'coast-daily.txt', title: 'Port Wren bridge to shut for two months', outlet: 'Coast Daily', published: '2031-03-03' },
    { file: 'wren-radio.txt', title: 'Ferry to replace Alder Bridge during works', outlet: 'Wren Radio', published: '2031-03-04' },
  ],
};

// `element.articles = ARTICLES` would do too (without the metadata); load() also says when it is done.
customElements.whenDefined('storylines-explorer').then(() => {
  /** @type {any} */ (document.getElementById('right')).load({ articles: ARTICLES, manifest: MANIFEST });
});
