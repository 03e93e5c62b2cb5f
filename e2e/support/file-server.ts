import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  xml: "application/xml",
  svg: "image/svg+xml",
  ttf: "font/ttf",
  woff2: "font/woff2",
  wasm: "application/wasm",
};

/**
 * A plain file server for journeys that need files at paths of their own choosing (an LMS's
 * content folder, a classroom's web server): URL path → bytes, nothing else, and no folder
 * index, as some LMS file servers do not serve one. Every path it has no file for is recorded.
 */
export async function serveFiles(files: ReadonlyMap<string, Uint8Array>) {
  const missing: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const body = files.get(path);
    if (body === undefined) {
      missing.push(path);
      response.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
