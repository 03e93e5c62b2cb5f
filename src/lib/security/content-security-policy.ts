/**
 * The site's Content-Security-Policy, set as a meta tag on every page (GitHub Pages can't send
 * headers). Scripts only from our own origin: no inline scripts (astro.config.mjs stops Vite
 * inlining them), no eval. 'wasm-unsafe-eval' lets Pagefind's search index (WebAssembly) run;
 * it does not allow JavaScript eval. Inline styles are allowed: Monaco and the syntax
 * highlighter set style attributes and style elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
