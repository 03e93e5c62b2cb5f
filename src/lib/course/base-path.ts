/**
 * Joins the site's base path (import.meta.env.BASE_URL: "/" locally, "/<repo>/" on GitHub
 * Pages) and a path inside the site. Every internal link and asset goes through `withBase` so
 * the same build works at any base.
 */
export function joinBase(base: string, path = ""): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return root + path.replace(/^\/+/, "");
}

export const withBase = (path = ""): string => joinBase(import.meta.env.BASE_URL, path);

export const lessonPath = (slug: string): string => withBase(`lessons/${slug}/`);
