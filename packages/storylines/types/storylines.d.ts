// Types of the package's main export: the <storylines-explorer> element (hand-written; the element is
// www/explorer-element.js in the storylines repository).

/** One article handed to the engine: a file name and its text (or raw UTF-8 bytes). */
export interface ArticleInput {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

/** What `load()` takes: a manifest or export URL, an export object, or articles (with an optional manifest). */
export type LoadSource = string | URL | ArticleInput[] | { articles: ArticleInput[]; manifest?: string | object } | { schema: string; [key: string]: unknown };

export interface StorylinesReadyDetail {
  /** number of articles shown */
  articles: number;
  /** milliseconds the engine took (0 for a loaded export) */
  ms: number;
  /** whether the model was computed from articles or loaded as an export */
  from: 'articles' | 'export';
}

export interface StorylinesSelectDetail {
  kind: 'article' | 'event' | 'claim' | 'contradiction' | 'quoteGroup' | 'quote' | 'entity' | 'reuse' | 'unknown';
  /** the selected id (`from>to` for a reuse edge) */
  id: string;
  /** the view it was selected in */
  view: string;
  /** the sentence shown in the reader, if any */
  sentence: number | null;
  /** the item of the export model (storylines/1), or null */
  item: unknown;
}

export interface StorylinesErrorDetail {
  message: string;
}

export declare class StorylinesExplorerElement extends HTMLElement {
  /** Registers the element (done on import under `storylines-explorer`). */
  static define(tag?: string, registry?: CustomElementRegistry): typeof StorylinesExplorerElement;
  /** The articles the engine runs on; setting them loads them. */
  get articles(): ArticleInput[];
  set articles(list: ArticleInput[]);
  /** Loads a source; resolves after `storylines-ready`, rejects after `storylines-error`. */
  load(source: LoadSource): Promise<void>;
  /** Shows an export model computed elsewhere, as it is. */
  showModel(model: unknown): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'storylines-explorer': StorylinesExplorerElement;
  }
  interface HTMLElementEventMap {
    'storylines-ready': CustomEvent<StorylinesReadyDetail>;
    'storylines-select': CustomEvent<StorylinesSelectDetail>;
    'storylines-error': CustomEvent<StorylinesErrorDetail>;
  }
}
