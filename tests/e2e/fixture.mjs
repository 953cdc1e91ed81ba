// A synthetic "full contract" export for the browser tests: the bundle's real articles, alignments and
// annotations, plus claims, events, contradictions, quote groups, reuse and entities derived from them by
// simple rules, so every view can be checked before the engine reports those findings itself. Fields the
// engine already fills are kept as they are.

/**
 * @param {any} base the engine's export of the bundle
 * @returns {any}
 */
export function richExport(base) {
  const m = structuredClone(base);
  const arts = m.articles;
  const sent = (/** @type {string} */ a, /** @type {number} */ i) => {
    const art = arts.find((/** @type {any} */ x) => x.id === a);
    const s = art.sentences[i];
    return art.text.slice(s.start, s.end);
  };
  if (!m.claims?.length) {
    m.claims = m.alignments.map((/** @type {any} */ p, /** @type {number} */ i) => ({
      id: `c${i}`,
      sentences: [p.a, p.b],
      sources: [p.a.article, p.b.article],
      independentSources: i % 2 ? [p.a.article] : [p.a.article, p.b.article],
      status: i % 2 ? 'single-source' : 'corroborated',
      explanation: `carried by ${i % 2 ? 'one independent source' : 'two independent sources'}`,
      events: [],
    }));
    arts.forEach((/** @type {any} */ a, /** @type {number} */ i) => {
      const s = a.sentences.findIndex((/** @type {any} */ x) => x.text.length > 60);
      m.claims.push({
        id: `c${100 + i}`,
        sentences: [{ article: a.id, sentence: s }],
        sources: [a.id],
        independentSources: [a.id],
        status: 'single-source',
        explanation: 'only this source says so',
        events: [],
      });
    });
  } else {
    m.claims = structuredClone(m.claims);
  }
  // At least one contested claim, so that the status filter has something to find.
  if (!m.claims.some((/** @type {any} */ c) => c.status === 'contested') && m.claims.length > 1) {
    m.claims[1] = { ...m.claims[1], status: 'contested', explanation: 'the sources give different dates' };
  }
  if (!m.events?.length) {
    // One event per claim, with dates of every grain (decade to day, a datetime with an offset, a week).
    const dates = ['2024-11-28', '2024-11', '2023-11-09', '1991', '2023-11-10T09:00:00-05:00', '2024-W48', '1990s'];
    m.events = m.claims.map((/** @type {any} */ c, /** @type {number} */ i) => {
      const ref = c.sentences[0];
      const id = `e${i}`;
      if (!c.events?.length) c.events = [id];
      return {
        id,
        date: i === m.claims.length - 1 ? null : dates[i % dates.length],
        grain: 'day',
        label: sent(ref.article, ref.sentence).slice(0, 60),
        sentences: c.sentences,
        sources: c.sources,
        independentSources: c.independentSources,
        contested: c.status === 'contested',
        story: 's0',
      };
    });
  }
  if (!m.contradictions?.length) {
    const [a, b] = [arts[0], arts[1]];
    const year = (/** @type {any} */ art) => {
      const i = art.text.search(/\b(19|20)\d\d\b/);
      return i >= 0 ? { article: art.id, start: i, end: i + 4 } : { article: art.id, start: 0, end: 5 };
    };
    m.contradictions = [{ id: 'x0', kind: 'date', explanation: 'the two sources give different years', refs: [year(a), year(b)] }];
  }
  if (!m.entities?.length) {
    /** @type {Record<string, { kind: string, names: string[] }>} */
    const wanted = { 'person:putin': { kind: 'person', names: ['Putin'] }, 'place:kazakhstan': { kind: 'place', names: ['Kazakhstan'] }, 'organization:csto': { kind: 'organization', names: ['CSTO', 'Collective Security Treaty Organization'] } };
    m.entities = Object.entries(wanted).map(([id, w]) => {
      /** @type {any[]} */
      const mentions = [];
      for (const art of arts) {
        for (const name of w.names) {
          for (let i = art.text.indexOf(name); i >= 0; i = art.text.indexOf(name, i + name.length)) {
            const s = art.sentences.find((/** @type {any} */ x) => x.start <= i && i < x.end);
            if (s) mentions.push({ article: art.id, start: i, end: i + name.length, text: name, role: null, sentence: s.id });
          }
        }
      }
      return { id, name: w.names[0], kind: w.kind, aliases: w.names.slice(1), why: w.names.length > 1 ? ['the acronym spells the long name'] : [], mentions };
    });
  }
  if (!m.quotes?.length) {
    m.quotes = [];
    for (const art of arts) {
      const re = /"([^"]{20,200})"/g;
      for (let x = re.exec(art.text), n = 0; x; x = re.exec(art.text)) {
        const start = x.index + 1;
        const s = art.sentences.find((/** @type {any} */ y) => y.start <= start && start < y.end);
        if (!s) continue;
        m.quotes.push({ id: `${art.id}:q${n++}`, article: art.id, start, end: start + x[1].length, text: x[1], speaker: null, speakerText: null, speakerHow: null, verb: 'said', direct: true, sentence: s.id });
      }
    }
  }
  if (!m.quoteGroups?.length && m.quotes.length >= 2) {
    const [q0, q1] = m.quotes;
    m.quoteGroups = [
      {
        id: 'g0',
        speaker: 'person:putin',
        quotes: [q1.id, q0.id],
        identical: false,
        earliest: q0.id,
        lineage: [
          { quote: q0.id, article: q0.article, published: null, relation: 'earliest' },
          { quote: q1.id, article: q1.article, published: null, relation: 'rewords' },
        ],
      },
    ];
  }
  if (!m.reuse?.length) {
    m.reuse = m.alignments.slice(0, 2).map((/** @type {any} */ p, /** @type {number} */ i) => ({ from: p.a.article, to: p.b.article, score: 0.8 - i * 0.3, directed: i === 0, evidence: ['shared sentences'], passages: [] }));
  }
  return m;
}
