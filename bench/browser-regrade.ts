/**
 * Re-grade time as a learner meets it, in real Chromium: build the site, open the FTP exercise,
 * type into Monaco key by key (each pause longer than the island's debounce), and read the
 * island's "nsg-lab:regrade" measures (grade + render of the results). Target: one 60 Hz frame.
 * The same build then measures opening the editor (editor-download.ts).
 */
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { ms, ratio } from "./measure.ts";
import { editorDownloadBench } from "./editor-download.ts";

export const OUT = "dist-bench";
const FRAME_MS = 16;
/** ftp-active's rule, typed into the editor before the measured keys. */
const FTP_RULE = [
  "az network nsg rule create -g rg-nsg-lab --nsg-name nsg-snet-ingest --name Allow-FTP-Control-Studio",
  "--priority 200 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28",
  "--destination-address-prefixes 10.0.3.4 --destination-port-ranges 21",
].join(" ");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/** What GitHub Pages serves compressed: text, not fonts or WebAssembly. */
const COMPRESSED = new Set([".html", ".js", ".css", ".json", ".svg"]);

/** What the handler uses of an HTTP/1.1 or HTTP/2 request and response. */
interface Asked {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface Reply {
  writeHead(status: number, headers?: Record<string, string>): { end(body: Buffer | string): unknown };
}

/** A file of the built site as GitHub Pages answers for it: compressed when the browser asks. */
function siteHandler(root: string) {
  const gzipped = new Map<string, Buffer>();
  return (req: Asked, res: Reply) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end("");
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
      return void res.writeHead(200, { "content-type": type, "content-encoding": "gzip" }).end(body);
    }
    res.writeHead(200, { "content-type": type }).end(readFileSync(file));
  };
}

const listening = (server: Server | Http2SecureServer, scheme: string) =>
  new Promise<{ server: Server | Http2SecureServer; url: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `${scheme}://127.0.0.1:${(server.address() as { port: number }).port}/` }),
    ),
  );

/**
 * The built site on loopback over HTTP/1.1, compressed as GitHub Pages compresses it (gzip, for
 * browsers that ask), so throttled timings see the bytes a learner's line carries.
 */
export const serve = (root: string) =>
  listening(createServer(siteHandler(root)), "http") as Promise<{ server: Server; url: string }>;

/**
 * The same over HTTP/2 with TLS, as GitHub Pages serves: every request on one connection, where
 * HTTP/1.1 waits for one of six. The certificate is made for the run (openssl) and not trusted,
 * so the browser context must ignore HTTPS errors, and service workers cannot register.
 * Undefined when openssl is not installed.
 */
export async function serveHttp2(
  root: string,
): Promise<{ server: Http2SecureServer; url: string } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "nsg-lab-bench-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1"].concat([
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ]),
      { stdio: "ignore" },
    );
  } catch {
    return undefined;
  }
  const server = createSecureServer(
    { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
    siteHandler(root),
  );
  rmSync(dir, { recursive: true, force: true });
  return (await listening(server, "https")) as { server: Http2SecureServer; url: string };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The site built once for the browser benches, under "/" (`dist-bench/`): the whole build,
 * service worker included, so the editor's second open comes from its copy.
 */
export function buildBenchSite(): void {
  execSync("npm run build", {
    stdio: "ignore",
    env: { ...process.env, BASE_PATH: "/", ASTRO_OUT_DIR: OUT },
  });
}

export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

export async function browserRegradeBench(line: (label: string, value: string) => void): Promise<void> {
  console.log(
    "\n6. Re-grading while typing, in Chromium (grade with the semantic comparison, + render, per pause in typing)",
  );
  if (!existsSync(CHROMIUM)) {
    line("skipped", `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  buildBenchSite();
  const { server, url } = await serve(OUT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}exercises/ftp-active/`);
    await page.getByRole("button", { name: /open the editor/i }).click();
    await page.waitForFunction(() => document.activeElement?.closest(".monaco-editor") !== null, undefined, {
      timeout: 30_000,
    });
    await page.keyboard.press("ControlOrMeta+End");
    // The starter only explains the task: put a rule in, then re-grade it key by key.
    await page.keyboard.insertText(FTP_RULE);
    await page.waitForTimeout(400);
    await page.evaluate(() => performance.clearMeasures("nsg-lab:regrade"));
    for (const key of " --description 'studio uploads'") {
      await page.keyboard.type(key);
      await page.waitForTimeout(220); // longer than the debounce: every key is re-graded
    }
    const durations = (
      await page.evaluate(() => performance.getEntriesByName("nsg-lab:regrade").map((e) => e.duration))
    ).sort((a, b) => a - b);
    line(`re-grades measured`, String(durations.length));
    line("median", `${ms(quantile(durations, 0.5))}  ${ratio(quantile(durations, 0.5), FRAME_MS)}`);
    line(
      "95th percentile",
      `${ms(quantile(durations, 0.95))}  ${ratio(quantile(durations, 0.95), FRAME_MS)}`,
    );
    await editorDownloadBench(browser, url, OUT, line);
  } finally {
    await browser.close();
    server.close();
  }
}
