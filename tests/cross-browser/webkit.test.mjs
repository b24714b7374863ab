// The cross-browser smoke suite (smoke.mjs) in WebKitGTK, the engine of Safari.
import { smokeSuite } from './smoke.mjs';
import { launchWebKit } from './webkit.mjs';

smokeSuite(launchWebKit);
