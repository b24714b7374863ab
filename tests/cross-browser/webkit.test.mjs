// The cross-browser smoke suite (smoke.mjs) in WebKitGTK, the engine of Safari (the course-in-one-
// file is started in Firefox and Chromium; see smoke.mjs).
import { smokeSuite } from './smoke.mjs';
import { launchWebKit } from './webkit.mjs';

smokeSuite(launchWebKit, { courseFile: false });
