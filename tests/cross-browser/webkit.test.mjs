// The cross-browser smoke suite (smoke.mjs) in WebKitGTK, the engine of Safari: home, gallery,
// embeds, one single file and the lessons Firefox does not visit (smoke.mjs, lessonShare, says
// why; the course-in-one-file is started in Firefox and Chromium).
import { smokeSuite } from './smoke.mjs';
import { launchWebKit } from './webkit.mjs';

smokeSuite(launchWebKit, { courseFile: false, share: { index: 1, of: 2 } });
