/**
 * The manifest an LMS reads first: well-formed XML (parsed strictly, any warning fails), the
 * SCORM 1.2 elements it must have, identifiers that are unique and refer to what exists, and
 * every href a file that is in the zip (the zip made and unzipped as the CLI does).
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { PackageConfig } from "../../src/lib/lms/package-config.ts";
import { LAUNCH_PAGE, MANIFEST, scorm12Package, staticPackage } from "../../src/lib/lms/package-files.ts";
import { relocateSite } from "../../src/lib/lms/relocate-site.ts";
import { escapeXml, manifestIdentifier, scorm12Manifest } from "../../src/lib/lms/scorm12-manifest.ts";
import { builtSite } from "./site-fixture.ts";

const CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";

function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
}

const all = (doc: Document | Element, name: string, ns = CP): Element[] => [
  ...doc.getElementsByTagNameNS(ns, name),
];
const one = (doc: Document | Element, name: string, ns = CP): Element => {
  const found = all(doc, name, ns);
  expect(found, `<${name}>`).toHaveLength(1);
  return found[0]!;
};

const config: PackageConfig = {
  format: "scorm12",
  title: 'Week 3: ports & "order" <NSG>',
  exercises: ["smtp-relay-on-587", "ftp-active"],
  pointsPerExercise: 10,
  completion: "passed",
};
const titles = new Map([
  ["ftp-active", "Open active FTP to the video-ingest VM"],
  ["smtp-relay-on-587", "Send mail through a relay on 587"],
]);

function packaged(): { zip: Record<string, Uint8Array>; manifest: Document } {
  const site = relocateSite(builtSite());
  if (!site.ok) throw new Error("fixture site");
  const files = scorm12Package(site.value, config, titles);
  if (!files.ok) throw new Error(files.errors[0]!.message);
  const zip = unzipSync(zipSync(Object.fromEntries(files.value)));
  return { zip, manifest: parseXml(new TextDecoder().decode(zip[MANIFEST])) };
}

describe("the SCORM 1.2 manifest", () => {
  it("is well-formed XML in the IMS CP 1.1.2 namespace, declaring SCORM 1.2", () => {
    const { manifest } = packaged();
    const root = manifest.documentElement!;
    expect([root.namespaceURI, root.localName]).toEqual([CP, "manifest"]);
    expect(root.getAttribute("identifier")).toMatch(/^nsg-lab-[0-9a-f]{8}$/);
    const metadata = one(root, "metadata");
    expect(one(metadata, "schema").textContent).toBe("ADL SCORM");
    expect(one(metadata, "schemaversion").textContent).toBe("1.2");
  });

  it("has one organization with one item launching one SCO, titled after the assignment", () => {
    const { manifest } = packaged();
    const organizations = one(manifest, "organizations");
    const organization = one(organizations, "organization");
    expect(organizations.getAttribute("default")).toBe(organization.getAttribute("identifier"));
    expect(organization.getElementsByTagNameNS(CP, "title")[0]!.textContent).toBe(config.title);
    const item = one(organization, "item");
    expect(one(item, "title").textContent).toBe(config.title);
    const resource = one(manifest, "resource");
    expect(item.getAttribute("identifierref")).toBe(resource.getAttribute("identifier"));
    expect(resource.getAttributeNS(ADLCP, "scormtype")).toBe("sco");
    expect(resource.getAttribute("type")).toBe("webcontent");
    expect(resource.getAttribute("href")).toBe(LAUNCH_PAGE);
  });

  it("names the exercises in its metadata, and declares no mastery score", () => {
    const { manifest } = packaged();
    const description = one(manifest, "description", IMSMD).textContent!;
    expect(description).toContain("Send mail through a relay on 587; Open active FTP to the video-ingest VM");
    expect(all(manifest, "keyword", IMSMD).map((k) => k.textContent)).toEqual([
      "smtp-relay-on-587",
      "ftp-active",
    ]);
    expect(all(manifest, "masteryscore", ADLCP)).toEqual([]);
  });

  it("uses each identifier once", () => {
    const { manifest } = packaged();
    const ids = ["manifest", "organization", "item", "resource"].flatMap((name) =>
      all(manifest, name).map((e) => e.getAttribute("identifier")),
    );
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it("lists every file of the zip, and every href it gives is a file in the zip, inside it", () => {
    const { zip, manifest } = packaged();
    const resource = one(manifest, "resource");
    const hrefs = [
      resource.getAttribute("href")!,
      ...all(resource, "file").map((f) => f.getAttribute("href")!),
    ];
    for (const href of hrefs) {
      expect(href, href).not.toMatch(/^(\/|[a-z]+:|.*\.\.\/)/i);
      expect(Object.keys(zip), href).toContain(decodeURI(href));
    }
    expect(
      all(resource, "file")
        .map((f) => decodeURI(f.getAttribute("href")!))
        .sort(),
    ).toEqual(
      Object.keys(zip)
        .filter((p) => p !== MANIFEST)
        .sort(),
    );
  });

  it("holds the assignment in the launch page, escaped for its attribute", () => {
    const { zip } = packaged();
    const page = new TextDecoder().decode(zip[LAUNCH_PAGE]);
    const attribute = /data-package="([^"]*)"/.exec(page)![1]!;
    const decoded = attribute.replace(
      /&quot;|&amp;|&lt;|&gt;|&#39;/g,
      (e) => ({ "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#39;": "'" })[e]!,
    );
    expect(JSON.parse(decoded)).toEqual(config);
  });

  it("escapes what XML cannot hold as written, and percent-encodes hrefs", () => {
    expect(escapeXml(`a & b < c > "d" 'e'\u0001`)).toBe("a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;");
    const xml = scorm12Manifest({
      identifier: "nsg-lab-00000000",
      title: "T",
      exercises: [{ id: "a", title: "A & B" }],
      launch: "lms/index.html",
      files: ["my file.html", "lms/index.html"],
    });
    const doc = parseXml(xml);
    expect(all(doc, "file").map((f) => f.getAttribute("href"))).toEqual(["my%20file.html", "lms/index.html"]);
  });

  it("gets the same identifier for the same assignment, another for another", () => {
    expect(manifestIdentifier(["Week 3", ["a", "b"], 10])).toBe(
      manifestIdentifier(["Week 3", ["a", "b"], 10]),
    );
    expect(manifestIdentifier(["Week 3", ["a", "b"], 10])).not.toBe(
      manifestIdentifier(["Week 3", ["b", "a"], 10]),
    );
  });
});

describe("the package's files", () => {
  it("refuse a site without the launch page, or whose launch page lost its marker", () => {
    const site = builtSite();
    site.delete(LAUNCH_PAGE);
    expect(scorm12Package(site, config, titles)).toMatchObject({
      ok: false,
      errors: [{ code: "missing-field" }],
    });
    site.set(LAUNCH_PAGE, new TextEncoder().encode("<p>no marker</p>"));
    expect(scorm12Package(site, config, titles)).toMatchObject({
      ok: false,
      errors: [{ code: "missing-field" }],
    });
  });

  it("put the whole course in one folder for a static export, without the LMS launch page", () => {
    const files = staticPackage(builtSite());
    expect([...files.keys()]).toContain("nsg-lab/index.html");
    expect([...files.keys()].every((p) => p.startsWith("nsg-lab/"))).toBe(true);
    expect([...files.keys()].some((p) => p.startsWith("nsg-lab/lms/"))).toBe(false);
  });
});
