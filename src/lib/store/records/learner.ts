import { checkLearnerName } from "../../exercise-ui/learner-name.ts";
import type { RecordKind } from "../store.ts";
import { accept, isObject, refuse } from "./validate.ts";

/** The name this browser hands work in under (one record, no id): typed once, on any exercise. */
export interface SavedLearner {
  version: 1;
  name: string;
  /** ISO 8601. */
  savedAt: string;
}

export const LEARNER: RecordKind<SavedLearner> = {
  name: "learner",
  version: 1,
  parse(json) {
    if (!isObject(json) || json.version !== 1 || typeof json.name !== "string")
      return refuse("storage-corrupt", "The saved name has an unknown shape.");
    const name = checkLearnerName(json.name);
    if (!name.ok) return refuse("storage-corrupt", `The saved name is unusable: ${name.errors[0]!.message}`);
    return accept({
      version: 1,
      name: name.value,
      savedAt: typeof json.savedAt === "string" ? json.savedAt : "",
    });
  },
};
