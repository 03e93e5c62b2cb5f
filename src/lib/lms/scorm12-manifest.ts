/**
 * imsmanifest.xml for a SCORM 1.2 package (the Content Aggregation Model's IMS Content
 * Packaging 1.1.2 profile): one organization with one item, launching one SCO, and every file
 * of the package listed under that SCO's resource. The exercises are named in the package's
 * metadata (IMS Learning Resource Meta-data 1.2.1, inline), which LMSs show as its description.
 * No mastery score is declared: an LMS that has one turns a score under it into "failed", and
 * an unfinished assignment is "incomplete", never failed.
 */

export interface ManifestInput {
  /** The package's identifier: LMSs recognise a re-uploaded package by it. */
  identifier: string;
  title: string;
  exercises: ReadonlyArray<{ id: string; title: string }>;
  /** The SCO's launch page, a path inside the package. */
  launch: string;
  /** Every file of the package except the manifest, as paths inside it. */
  files: readonly string[];
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text and attribute values, with the characters XML 1.0 does not allow left out. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
  );
}

/** A path inside the package as a URI reference (spaces and the like percent-encoded). */
const href = (path: string): string => escapeXml(encodeURI(path));

/** FNV-1a over the text: a short, stable identifier for the same assignment. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The same assignment (exercises, order, points) gives the same identifier, so an LMS can update it. */
export const manifestIdentifier = (key: unknown): string => `nsg-lab-${fnv1a(JSON.stringify(key))}`;

export function scorm12Manifest(input: ManifestInput): string {
  const title = escapeXml(input.title);
  const description = escapeXml(
    `NSG Lab assignment: ${input.exercises.map((e) => e.title).join("; ")}. Graded in the browser; the score is the points of the passed exercises.`,
  );
  const keywords = input.exercises
    .map(
      (e) =>
        `          <imsmd:keyword><imsmd:langstring xml:lang="en">${escapeXml(e.id)}</imsmd:langstring></imsmd:keyword>`,
    )
    .join("\n");
  const files = input.files.map((f) => `      <file href="${href(f)}"/>`).join("\n");
  const id = escapeXml(input.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="en">${title}</imsmd:langstring></imsmd:title>
        <imsmd:description><imsmd:langstring xml:lang="en">${description}</imsmd:langstring></imsmd:description>
${keywords}
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${href(input.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
