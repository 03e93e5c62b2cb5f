import { isMap, isSeq, parseDocument } from "yaml";
import { EXERCISE_ONLY_FIELDS } from "./scenario-schema.ts";

/**
 * An exercise file turned into a playground scenario: the network, subscription and title
 * stay as written (comments included); instructions, starter, solution and hints go (the
 * playground is no place to spoil an exercise); expectations become sample `flows`, without
 * the expected verdicts, which the playground computes.
 */
export function scenarioFromExercise(text: string, file: string): string {
  const doc = parseDocument(text);
  // A file the build accepted always parses; keep anything else as it is.
  if (doc.errors.length > 0 || !isMap(doc.contents)) return text;
  for (const key of EXERCISE_ONLY_FIELDS) doc.delete(key);
  const expectations = doc.get("expectations", true);
  doc.delete("expectations");
  doc.commentBefore = ` Scenario from the exercise ${file} (exercise-only fields left out).`;
  if (isSeq(expectations)) {
    for (const item of expectations.items) {
      if (!isMap(item)) continue;
      item.delete("expect");
      item.delete("decidedBy");
      item.delete("whyNot");
    }
    doc.set("flows", expectations);
  }
  return doc.toString({ lineWidth: 0 });
}
