// The cross-browser smoke suite (smoke.mjs) in Firefox ESR: home, gallery, embeds, the single
// files and every other lesson (WebKit visits the rest; smoke.mjs, lessonShare, says why).
import { smokeSuite } from './smoke.mjs';
import { launchFirefox } from './firefox.mjs';

smokeSuite(launchFirefox, { share: { index: 0, of: 2 } });
