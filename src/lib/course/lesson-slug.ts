/**
 * A lesson's URL slug is its file name without the extension and without the "NN-" ordering
 * prefix: content/lessons/03-default-rules.mdx → /lessons/default-rules/. Reordering lessons
 * (renumbering files, changing `order`) therefore keeps URLs and saved progress stable.
 * `id` is the content-collection id (the glob loader's slugified path, no extension).
 */
export function lessonSlug(id: string): string {
  const name = id.split("/").at(-1) ?? id;
  return name.replace(/^\d+[-_]/, "");
}
