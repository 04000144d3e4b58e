/** Runs every browser test against the production build (npm run test:e2e builds it first). */
import { runAll } from './harness';
import './explorer.e2e';
import './walkthrough.e2e';
import './url.e2e';
import './embed.e2e';
import './concepts.e2e';
import './data.e2e';
import './budget.e2e';
import './a11y.e2e';
import './offline.e2e';
import './keyboard.e2e';
import './photos.e2e';
import './faults.e2e';

await runAll();
