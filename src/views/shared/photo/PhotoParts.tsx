/** The photo parts, one lazily loaded chunk (see lazy.tsx). */
export { ImageControls } from './ImageControls';
export { FilterNote } from './FilterNote';
export { FilterFaces } from './FilterFaces';
export { InputOrigin } from './InputOrigin';
export { ModelOrigin } from './ModelOrigin';
