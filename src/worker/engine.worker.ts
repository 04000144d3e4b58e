/**
 * The engine's web worker (a module worker). Everything it does lives in handler.ts; this
 * file only connects it to the worker's global scope. Compiled against the WebWorker lib
 * (tsconfig.worker.json), so touching `document` here fails to type-check.
 */
import { serve } from './handler';
import type { Endpoint } from './protocol';

serve(self as unknown as Endpoint);
