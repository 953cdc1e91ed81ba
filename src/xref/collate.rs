//! Collation tables in the spirit of CollateX: several witnesses (the sentences of one claim, or the quotes
//! of one quote group) aligned word by word in columns, with the variants and transpositions marked.
//!
//! Witnesses are taken longest first (ties by their id), so the table does not depend on the order in which
//! sources arrive. Each witness is aligned to the columns built so far with the diff module's word diff over
//! lowercased words (`similar`'s Myers over interned word ids, a longest common subsequence of words); replaced
//! runs of equal length share columns as variants, other words open columns of their own.
//! A word a witness has in one column and another witness has in a different column, each only once, is a
//! transposition. This module must not choose which witnesses belong together.

use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::xref::diff::Interner;

/// One witness: its label (a sentence or quote id), whose text and which range.
#[derive(Debug, Clone, PartialEq)]
pub struct Witness<'a> {
    /// Id shown to the reader (`{article}:{sentence}` or a quote id).
    pub id: String,
    /// Article index.
    pub article: usize,
    /// The article's text.
    pub text: &'a str,
    /// The witnessed range.
    pub range: TextRange,
}

/// One column: for each witness (in the table's witness order) the word it has here, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Word ranges per witness.
    pub cells: Vec<Option<TextRange>>,
    /// Whether the witnesses differ here (a different word, or a word some lack).
    pub variant: bool,
}

/// A word placed in different columns by different witnesses.
#[derive(Debug, Clone, PartialEq)]
pub struct Transposition {
    /// The word, lowercased.
    pub word: String,
    /// The columns it appears in, sorted.
    pub columns: Vec<usize>,
}

/// A collation table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Witness order of the cells: indices into the input witnesses.
    pub order: Vec<usize>,
    /// The columns.
    pub columns: Vec<Column>,
    /// Transposed words.
    pub transpositions: Vec<Transposition>,
}

/// Collates witnesses.
pub fn collate(witnesses: &[Witness<'_>]) -> Table {
    let words: Vec<Vec<TextRange>> = witnesses.iter().map(|w| crate::xref::diff::words(w.text, w.range)).collect();
    let keys: Vec<Vec<String>> =
        witnesses.iter().zip(&words).map(|(w, ws)| ws.iter().map(|r| r.slice(w.text).lowercase()).collect()).collect();
    let order = longest_first(witnesses, &keys);
    let mut interner = Interner::default();
    let ids: Vec<Vec<u32>> = keys.iter().map(|ks| ks.iter().map(|k| interner.id(k)).collect()).collect();
    let mut cols: Vec<Draft> = Vec::new();
    for (pos, &wi) in order.iter().enumerate() {
        let (Some(ws), Some(ks)) = (words.get(wi), ids.get(wi)) else { continue };
        let witness = Placed { pos, n: order.len(), words: ws, ids: ks };
        cols = if pos == 0 { witness.first_columns() } else { witness.merged_into(cols) };
    }
    let reader = Words { order: &order, witnesses };
    let columns: Vec<Column> = cols.into_iter().map(|c| reader.column(c.cells)).collect();
    let transpositions = reader.transpositions(&columns);
    Table { order, columns, transpositions }
}

/// Witness indices, longest first (in words), ties by id: the order in which witnesses join the table.
fn longest_first(witnesses: &[Witness<'_>], keys: &[Vec<String>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..witnesses.len()).collect();
    crate::base::order::sort_by(&mut order, |&x, &y| {
        let (lx, ly) = (keys.get(x).map_or(0, Vec::len), keys.get(y).map_or(0, Vec::len));
        ly.cmp(&lx).then_with(|| witnesses.get(x).map(|w| &w.id).cmp(&witnesses.get(y).map(|w| &w.id)))
    });
    order
}

/// A column while the table is built: the interned word that opened it and the cells by witness position.
struct Draft {
    key: u32,
    cells: Vec<Option<TextRange>>,
}

/// One witness joining the table: its position in the witness order, the number of witnesses, its words and
/// their interned ids.
struct Placed<'w> {
    pos: usize,
    n: usize,
    words: &'w [TextRange],
    ids: &'w [u32],
}

impl Placed<'_> {
    /// The first witness opens one column per word.
    fn first_columns(&self) -> Vec<Draft> {
        self.words
            .iter()
            .zip(self.ids)
            .map(|(r, &key)| {
                let mut cells = vec![None; self.n];
                self.place(&mut cells, r);
                Draft { key, cells }
            })
            .collect()
    }

    /// Puts word `r` of this witness in its cell of a column.
    fn place(&self, cells: &mut [Option<TextRange>], r: &TextRange) {
        if let Some(c) = cells.get_mut(self.pos) {
            *c = Some(*r);
        }
    }

    /// Puts word `j` of this witness in its cell of a column.
    fn place_word(&self, cells: &mut [Option<TextRange>], j: usize) {
        if let Some(r) = self.words.get(j) {
            self.place(cells, r);
        }
    }

    /// The columns after aligning this witness to `cols` (Myers over word ids): equal words, and replaced runs
    /// of equal length, share columns; other words open their own.
    fn merged_into(&self, cols: Vec<Draft>) -> Vec<Draft> {
        let col_ids: Vec<u32> = cols.iter().map(|c| c.key).collect();
        let ops = crate::xref::diff::myers_ids(&col_ids, self.ids);
        let mut next: Vec<Draft> = Vec::with_capacity(cols.len() + self.ids.len());
        let mut old = cols.into_iter();
        for op in ops {
            let (old_len, new_len) = (op.a.1 - op.a.0, op.b.1 - op.b.0);
            if old_len == new_len {
                for j in op.b.0..op.b.1 {
                    if let Some(mut c) = old.next() {
                        self.place_word(&mut c.cells, j);
                        next.push(c);
                    }
                }
            } else {
                next.extend(old.by_ref().take(old_len));
                for j in op.b.0..op.b.1 {
                    let mut cells = vec![None; self.n];
                    self.place_word(&mut cells, j);
                    next.push(Draft { key: self.ids.get(j).copied().unwrap_or(u32::MAX), cells });
                }
            }
        }
        next.extend(old);
        next
    }
}

/// Reads the words of a finished table's cells.
struct Words<'t, 'a> {
    order: &'t [usize],
    witnesses: &'t [Witness<'a>],
}

impl Words<'_, '_> {
    /// The lowercased word of the witness at position `pos` in range `r`.
    fn at(&self, pos: usize, r: &TextRange) -> String {
        self.order
            .get(pos)
            .and_then(|&wi| self.witnesses.get(wi))
            .map(|w| r.slice(w.text).lowercase())
            .unwrap_or_default()
    }

    /// A column, marked as a variant when its witnesses differ (a different word, or a word some lack).
    fn column(&self, cells: Vec<Option<TextRange>>) -> Column {
        let ws: Vec<Option<String>> =
            cells.iter().enumerate().map(|(p, c)| c.as_ref().map(|r| self.at(p, r))).collect();
        let variant = ws.iter().any(|w| w != ws.first().unwrap_or(&None));
        Column { cells, variant }
    }

    /// Transpositions: a word in two or more variant columns, each witness having it in just one of them.
    fn transpositions(&self, columns: &[Column]) -> Vec<Transposition> {
        let mut by_word: crate::base::map::Map<String, Vec<(usize, usize)>> = crate::base::map::Map::new();
        for (ci, c) in columns.iter().enumerate().filter(|(_, c)| c.variant) {
            for (p, cell) in c.cells.iter().enumerate() {
                if let Some(r) = cell {
                    by_word.entry(self.at(p, r)).or_default().push((ci, p));
                }
            }
        }
        let mut transpositions = Vec::new();
        for (word, places) in by_word {
            let mut cs: Vec<usize> = places.iter().map(|p| p.0).collect();
            crate::base::order::sort(&mut cs);
            cs.dedup();
            let mut ws: Vec<usize> = places.iter().map(|p| p.1).collect();
            crate::base::order::sort(&mut ws);
            let once = ws.windows(2).all(|w| w.first() != w.get(1));
            if cs.len() >= 2 && once && !crate::xref::align::is_stopword(&word) {
                transpositions.push(Transposition { word, columns: cs });
            }
        }
        transpositions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(texts: &[&str]) -> (Table, Vec<String>) {
        let ws: Vec<Witness<'_>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Witness { id: format!("w{i}"), article: i, text: t, range: TextRange::new(0, t.len()) })
            .collect();
        let t = collate(&ws);
        let rows: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                // Cells in the order of the witnesses' texts, so that tables compare across input orders.
                let mut ps: Vec<usize> = (0..c.cells.len()).collect();
                crate::base::order::sort_by_key(&mut ps, |&p| texts[t.order[p]]);
                ps.iter()
                    .map(|&p| c.cells[p].map_or("-".to_string(), |r| r.slice(texts[t.order[p]]).to_string()))
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        (t, rows)
    }

    #[test]
    fn aligns_shared_words_in_columns_whatever_the_order() {
        let texts = ["the cat sat on the mat", "the cat sat on a mat", "the black cat sat on the mat"];
        let (t, rows) = table(&texts);
        // Witnesses sorted by text: "the black cat…", "the cat sat on a mat", "the cat sat on the mat".
        assert_eq!(
            rows,
            ["the|the|the", "black|-|-", "cat|cat|cat", "sat|sat|sat", "on|on|on", "the|a|the", "mat|mat|mat"]
        );
        assert_eq!(t.columns.iter().filter(|c| c.variant).count(), 2);
        let reversed = [texts[2], texts[1], texts[0]];
        let (_, rows2) = table(&reversed);
        assert_eq!(rows2, rows, "order of witnesses must not matter");
    }
}
