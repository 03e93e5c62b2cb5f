/** One `<Exercise id="…" />` in a lesson's MDX: the id and where the id itself starts. */
export interface EmbeddedExercise {
  id: string;
  /** Offset of the id in the text. */
  at: number;
}

const EXERCISE_TAG = /<Exercise\s+[^>]*?\bid=["']([^"']*)["']/g;

/** The exercises a lesson embeds, in the order the page shows them. */
export function embeddedExercises(mdx: string): EmbeddedExercise[] {
  return [...mdx.matchAll(EXERCISE_TAG)].map((found) => ({
    id: found[1]!,
    at: found.index + found[0].lastIndexOf(found[1]!),
  }));
}

export const embeddedExerciseIds = (mdx: string): string[] => embeddedExercises(mdx).map((e) => e.id);
