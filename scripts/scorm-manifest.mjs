// imsmanifest.xml for a SCORM 1.2 or SCORM 2004 (4th edition) package (IMS Content Packaging
// 1.1.2 / 1.1.4 with the ADL extensions). One SCO per lesson, launched at lessons/<slug>.html;
// the files every lesson uses form one shared asset resource each SCO depends on. With several
// lessons the organization groups them by level, in course order, so a platform's table of
// contents reads like the course's home page.
// The XSD control files are not included: platforms read the manifest without them, and we may
// only ship what we can build here. (Strict conformance checkers such as ADL's test suite
// expect them at the package root.)
import { esc } from './lesson-render.mjs';

const NAMESPACES = {
  '1.2': [
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
  ],
  '2004': [
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
  ],
};
const SCHEMA_VERSION = { '1.2': '1.2', '2004': '2004 4th Edition' };
// SCORM 1.2 spells the attribute adlcp:scormtype, SCORM 2004 adlcp:scormType.
const SCORM_TYPE = { '1.2': 'adlcp:scormtype', '2004': 'adlcp:scormType' };
// SCORM 2004's default sequencing lets the learner pick from the table of contents but not
// step with Continue/Previous (flow="false"); a course is read in order, so both are allowed.
const CLUSTER_SEQUENCING = '<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>';

export const launchPath = (slug) => `lessons/${slug}.html`;

export function scormManifest({ version, identifier, title, items, shared, levels }) {
  if (!NAMESPACES[version]) throw new Error(`scormManifest: version "${version}" is not 1.2 or 2004`);
  const v2004 = version === '2004';
  const item = (lesson, indent) => `${indent}<item identifier="item-${lesson.slug}" identifierref="sco-${lesson.slug}"><title>${esc(lesson.title)}</title></item>`;
  let body;
  if (items.length === 1) body = item(items[0], '      ');
  else {
    body = levels.map((level) => {
      const inLevel = items.filter((l) => l.level === level.id);
      if (!inLevel.length) return '';
      return `      <item identifier="level-${level.id}"><title>${esc(level.title)}</title>
${inLevel.map((l) => item(l, '        ')).join('\n')}${v2004 ? `\n        ${CLUSTER_SEQUENCING}` : ''}
      </item>`;
    }).filter(Boolean).join('\n');
  }
  const scos = items.map((l) => `    <resource identifier="sco-${l.slug}" type="webcontent" ${SCORM_TYPE[version]}="sco" href="${launchPath(l.slug)}">
      <file href="${launchPath(l.slug)}"/>
      <dependency identifierref="shared-files"/>
    </resource>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(identifier)}" version="1" ${NAMESPACES[version].join(' ')}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCHEMA_VERSION[version]}</schemaversion>
  </metadata>
  <organizations default="org-${esc(identifier)}">
    <organization identifier="org-${esc(identifier)}">
      <title>${esc(title)}</title>
${body}${v2004 && items.length > 1 ? `\n      ${CLUSTER_SEQUENCING}` : ''}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="shared-files" type="webcontent" ${SCORM_TYPE[version]}="asset">
${shared.map((f) => `      <file href="${esc(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
