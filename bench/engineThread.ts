/** A worker_threads twin of src/worker/engine.worker.ts, for the benchmark. */
import { parentPort } from 'node:worker_threads';
import { serve } from '../src/worker/handler';
import { nodeEndpoint } from './nodeEndpoint';

serve(nodeEndpoint(parentPort!));
