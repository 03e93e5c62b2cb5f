import type { RecordKind } from "../store.ts";
import { accept, isDate, isObject, refuse, salvageEntries } from "./validate.ts";

/** Knowledge checks answered right: check id (kc-…, from its question and options) → when. */
export interface KnowledgeChecks {
  version: 1;
  answered: Record<string, string>;
}

export const KNOWLEDGE_CHECKS: RecordKind<KnowledgeChecks> & { empty: () => KnowledgeChecks } = {
  name: "knowledge-checks",
  version: 1,
  empty: () => ({ version: 1, answered: {} }),
  parse(json) {
    if (!isObject(json) || json.version !== 1 || !isObject(json.answered))
      return refuse("storage-corrupt", "Saved knowledge checks have an unknown shape.");
    const { kept, dropped } = salvageEntries<string>(json.answered, "answered", (at, id) =>
      isDate(at) ? { keep: at } : { reason: `knowledge check "${id}" has no valid date` },
    );
    return accept({ version: 1, answered: kept }, dropped);
  },
};
