// The cross-browser smoke suite (smoke.mjs) in Firefox ESR.
import { smokeSuite } from './smoke.mjs';
import { launchFirefox } from './firefox.mjs';

smokeSuite(launchFirefox);
