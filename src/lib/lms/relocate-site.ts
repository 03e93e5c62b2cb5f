import { parse, type Node } from "acorn";
import { SERVICE_WORKER_FILE } from "../offline/worker-protocol.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";

/**
 * Makes a built site work from any folder: an LMS serves a package from a path it chooses
 * (/pluginfile.php/42/mod_scorm/content/1/…), an offline classroom from wherever it unzipped
 * it. Astro writes every internal URL with the base path, so the packager builds with this
 * unmistakable base and then rewrites each occurrence for where it stands:
 *
 * - in HTML, to a path relative to the page (`../`), and a link to a folder gets its
 *   `index.html`, because an LMS's file server need not serve a folder's index;
 * - in CSS, relative to the stylesheet (where url() resolves);
 * - in JavaScript, which builds URLs at run time (Vite's preload helper, Monaco's workers, the
 *   editor island, Pagefind), to the site's root worked out from the script's own address:
 *   `${new URL("../", import.meta.url).href}` inside the template literal that held it.
 *
 * Anything else that holds the base (a plain string literal, a comment, an unknown file type)
 * is refused with `site-not-relocatable` rather than packaged broken.
 *
 * The service worker cannot come along: it precaches the files as they were built, each checked
 * against its revision, and pages by their folder address, so in a relocated site (files
 * rewritten, folders perhaps without an index) its install could only fail, after asking the
 * host for pages it may not have. The relocated site's `sw.js` is `SELF_REMOVING_WORKER`: the
 * pages still register it, and it unregisters itself, so there is no offline copy and no request.
 */
export const RELOCATABLE_BASE = "/__nsg_lab_relocatable__/";

export const SELF_REMOVING_WORKER =
  "// NSG Lab relocated: no offline copy here (src/lib/lms/relocate-site.ts).\n" +
  'self.addEventListener("install", () => self.skipWaiting());\n' +
  'self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()));\n';

export type SiteFiles = ReadonlyMap<string, Uint8Array>;

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** The relative way from a file's folder up to the site's root: "" at the root, "../" one folder down. */
function upToRoot(path: string): string {
  return "../".repeat(path.split("/").length - 1);
}

const extension = (path: string): string => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";

const URL_PATH = /[A-Za-z0-9._~%/-]*/y;

function relocateHtml(text: string, path: string): string {
  const up = upToRoot(path) || "./";
  let out = "";
  let from = 0;
  for (let at = text.indexOf(RELOCATABLE_BASE); at >= 0; at = text.indexOf(RELOCATABLE_BASE, from)) {
    URL_PATH.lastIndex = at + RELOCATABLE_BASE.length;
    const rest = URL_PATH.exec(text)?.[0] ?? "";
    const folder = rest === "" || rest.endsWith("/");
    out += text.slice(from, at) + up + rest + (folder ? "index.html" : "");
    from = at + RELOCATABLE_BASE.length + rest.length;
  }
  return out + text.slice(from);
}

const relocateCss = (text: string, path: string): string =>
  text.replaceAll(RELOCATABLE_BASE, upToRoot(path) || "./");

interface TemplatePart {
  start: number;
  end: number;
}

/** The template literal parts (not tagged) that hold the base, or why the script cannot be relocated. */
function templateParts(text: string, path: string): Result<TemplatePart[]> {
  let program: Node;
  try {
    program = parse(text, { ecmaVersion: "latest", sourceType: "module" });
  } catch (e) {
    return fail([
      issue(
        "site-not-relocatable",
        `${path} holds the base path but cannot be read as a module: ${(e as Error).message}`,
        [path],
      ),
    ]);
  }
  const parts: TemplatePart[] = [];
  const problems: Issue[] = [];
  const stack: Array<{ node: Node; tagged: boolean }> = [{ node: program, tagged: false }];
  while (stack.length > 0) {
    const { node, tagged } = stack.pop()!;
    const record = node as unknown as Record<string, unknown>;
    if (node.type === "TemplateElement" && text.slice(node.start, node.end).includes(RELOCATABLE_BASE)) {
      if (tagged)
        problems.push(
          issue("site-not-relocatable", `${path} holds the base path in a tagged template.`, [path]),
        );
      else parts.push({ start: node.start, end: node.end });
    }
    if (
      node.type === "Literal" &&
      typeof record.value === "string" &&
      record.value.includes(RELOCATABLE_BASE)
    )
      problems.push(
        issue(
          "site-not-relocatable",
          `${path} holds the base path in a string literal at offset ${node.start}; only template literals are relocated.`,
          [path],
        ),
      );
    for (const [key, child] of Object.entries(record)) {
      // A tag receives the literal's parts: only those of `tag\`…\`` count as tagged.
      const partsOfTag =
        (node.type === "TaggedTemplateExpression" && key === "quasi") ||
        (tagged && node.type === "TemplateLiteral" && key === "quasis");
      for (const c of Array.isArray(child) ? (child as unknown[]) : [child])
        if (c && typeof c === "object" && typeof (c as Node).type === "string")
          stack.push({ node: c as Node, tagged: partsOfTag });
    }
  }
  if (problems.length > 0) return fail(problems);
  const inParts = parts.reduce(
    (n, p) => n + text.slice(p.start, p.end).split(RELOCATABLE_BASE).length - 1,
    0,
  );
  const all = text.split(RELOCATABLE_BASE).length - 1;
  if (inParts !== all)
    return fail([
      issue(
        "site-not-relocatable",
        `${path} holds the base path ${all - inParts} time(s) outside template literals (in a comment or a regular expression).`,
        [path],
      ),
    ]);
  return ok(parts.sort((a, b) => a.start - b.start));
}

function relocateJs(text: string, path: string): Result<string> {
  const parts = templateParts(text, path);
  if (!parts.ok) return parts;
  const root = `\${new URL(${JSON.stringify(upToRoot(path) || "./")},import.meta.url).href}`;
  let out = "";
  let from = 0;
  for (const part of parts.value) {
    out += text.slice(from, part.start) + text.slice(part.start, part.end).replaceAll(RELOCATABLE_BASE, root);
    from = part.end;
  }
  return ok(out + text.slice(from));
}

const TEXT = new Set(["html", "css", "js", "mjs", "json", "svg", "xml", "txt", "webmanifest", "map"]);

/** Every file of a site built with RELOCATABLE_BASE, rewritten to work from any folder. */
export function relocateSite(files: SiteFiles): Result<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const problems: Issue[] = [];
  const marker = encoder.encode(RELOCATABLE_BASE);
  for (const [path, bytes] of files) {
    if (!holds(bytes, marker)) {
      out.set(path, bytes);
      continue;
    }
    const text = decoder.decode(bytes);
    const kind = extension(path);
    if (kind === "html") out.set(path, encoder.encode(relocateHtml(text, path)));
    else if (kind === "css") out.set(path, encoder.encode(relocateCss(text, path)));
    else if (kind === "js" || kind === "mjs") {
      const done = relocateJs(text, path);
      if (done.ok) out.set(path, encoder.encode(done.value));
      else problems.push(...done.errors);
    } else
      problems.push(
        issue(
          "site-not-relocatable",
          `${path} holds the base path, and ${TEXT.has(kind) ? `.${kind} files are` : "files of its type are"} not relocated.`,
          [path],
        ),
      );
  }
  if (out.has(SERVICE_WORKER_FILE)) out.set(SERVICE_WORKER_FILE, encoder.encode(SELF_REMOVING_WORKER));
  return problems.length > 0 ? fail(problems) : ok(out);
}

/** Whether `bytes` contain `marker` (ASCII), without decoding files that do not. */
function holds(bytes: Uint8Array, marker: Uint8Array): boolean {
  const first = marker[0]!;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - marker.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < marker.length && bytes[i + j] === marker[j]) j++;
    if (j === marker.length) return true;
  }
  return false;
}
