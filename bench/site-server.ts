/**
 * The built site on loopback for the browser benches, answered as GitHub Pages answers: over
 * HTTP/1.1 (`serve`) or HTTP/2 with TLS (`serveHttp2`), text gzipped for browsers that ask.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createSecureServer, type Http2SecureServer } from "node:http2";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

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
function siteHandler(root: string, base: string) {
  const gzipped = new Map<string, Buffer>();
  return (req: Asked, res: Reply) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(base)) return void res.writeHead(404).end("");
    const path = normalize(`/${pathname.slice(base.length)}`).replace(/^(\.\.[/\\])+/, "");
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

const listening = (server: Server | Http2SecureServer, scheme: string, base: string) =>
  new Promise<{ server: Server | Http2SecureServer; url: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `${scheme}://127.0.0.1:${(server.address() as { port: number }).port}${base}` }),
    ),
  );

/**
 * The built site on loopback over HTTP/1.1, compressed as GitHub Pages compresses it (gzip, for
 * browsers that ask), so throttled timings (and Lighthouse's simulated network) see the bytes a
 * learner's line carries. `base` is the path the site was built under ("/<repo>/" on Pages).
 */
export const serve = (root: string, { base = "/" }: { base?: string } = {}) =>
  listening(createServer(siteHandler(root, base)), "http", base) as Promise<{ server: Server; url: string }>;

/**
 * The same over HTTP/2 with TLS, as GitHub Pages serves: every request on one connection, where
 * HTTP/1.1 waits for one of six. The certificate is made for the run (openssl) and not trusted,
 * so the browser context must ignore HTTPS errors, and service workers cannot register.
 * Undefined when openssl is not installed.
 */
export async function serveHttp2(
  root: string,
  { base = "/" }: { base?: string } = {},
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
    siteHandler(root, base),
  );
  rmSync(dir, { recursive: true, force: true });
  return (await listening(server, "https", base)) as { server: Http2SecureServer; url: string };
}
