/**
 * Exercises in course order: lesson by lesson (lesson files sort in course order by their number
 * prefix), each lesson's in the order it embeds them (`<Exercise id="…">`); exercises no lesson
 * embeds come last, by id.
 */
const EMBED = /<Exercise\s+id="([a-z0-9-]+)"/g;

export function exerciseOrder(
  lessonTexts: Readonly<Record<string, string>>,
  ids: Iterable<string>,
): string[] {
  const known = new Set(ids);
  const ordered: string[] = [];
  for (const path of Object.keys(lessonTexts).sort()) {
    for (const [, id] of lessonTexts[path]!.matchAll(EMBED)) {
      if (known.has(id!) && !ordered.includes(id!)) ordered.push(id!);
    }
  }
  const rest = [...known].filter((id) => !ordered.includes(id)).sort();
  return [...ordered, ...rest];
}
