// Registers <storylines-explorer>; the only module with that side effect.
import { StorylinesExplorerElement } from './explorer-element.js';

try {
  StorylinesExplorerElement.define();
} catch (err) {
  console.error('storylines: cannot register <storylines-explorer>', err);
}

// The package's main export (packages/storylines): importing it registers the element and gives its class.
export { StorylinesExplorerElement };
