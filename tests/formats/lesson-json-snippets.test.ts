/**
 * The JSON the course teaches is the JSON the editor takes: every ```json block of every lesson
 * either is a rules document that some exercise grades (its NSG is editable there), or is a
 * fragment of a rule (properties without their braces, as the lessons show single fields), or is
 * a flow group of a VNet flow log, as the read-logs exercises' generated logs write them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { RULE_FIELD_ORDER } from "../../src/lib/formats/rule-fields.ts";
import { describe, expect, it } from "vitest";
import { parseDataTree } from "../../src/lib/formats/data-tree.ts";
import { applyRules, loadExercise, parseLearnerRules, type Exercise } from "../../src/lib/grader/index.ts";

const lessonsDir = new URL("../../content/lessons/", import.meta.url);
const gradersDir = new URL("../../graders/", import.meta.url);

const snippets = readdirSync(lessonsDir)
  .filter((f) => f.endsWith(".mdx"))
  .flatMap((file) => {
    const text = readFileSync(new URL(file, lessonsDir), "utf8");
    return [...text.matchAll(/^```json\n([\s\S]*?)^```/gm)].map((m, i) => ({
      where: `${file} block ${i + 1}`,
      json: m[1]!,
    }));
  });

const exercises: Exercise[] = readdirSync(gradersDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => {
    const loaded = loadExercise(readFileSync(new URL(f, gradersDir), "utf8"));
    if (!loaded.ok) throw new Error(`${f} does not load`);
    return loaded.value;
  })
  .filter((e) => e.kind === "author-rules");

/** The fields a rule may have, in ARM's spelling. */
const RULE_FIELDS: ReadonlySet<string> = new Set(RULE_FIELD_ORDER);

/** A flow group of a VNet flow log record (lesson 8): `{ rule, flowTuples }`. */
const isFlowGroup = (json: string) => /"flowTuples"/.test(json);
const isDocument = (json: string) => !isFlowGroup(json) && parseDataTree(json, "json").ok;

describe("the lessons' JSON", () => {
  it("has rules documents to check", () => {
    expect(snippets.filter((s) => isDocument(s.json)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(snippets.filter((s) => isDocument(s.json)))(
    "$where is graded by an exercise about its NSG",
    ({ json }) => {
      const graded = exercises.filter((exercise) => {
        const doc = parseLearnerRules(json, exercise, "json");
        if (!doc.ok) {
          // Never "not a shape the editor reads": at most an NSG this exercise does not edit.
          expect(doc.errors.map((e) => e.code)).toEqual(doc.errors.map(() => "not-editable-nsg"));
          return false;
        }
        const applied = applyRules(exercise, doc.value);
        expect(applied.ok ? [] : applied.errors).toEqual([]);
        return applied.ok;
      });
      expect(graded.map((e) => e.id)).not.toEqual([]);
    },
  );

  it.each(snippets.filter((s) => isFlowGroup(s.json)))(
    "$where is a flow group as generated logs write it",
    ({ json }) => {
      const group = JSON.parse(json) as { rule: string; flowTuples: string[] };
      expect(Object.keys(group)).toEqual(["rule", "flowTuples"]);
      expect(group.rule).toMatch(/^(UserRule|DefaultRule)_[A-Za-z0-9][A-Za-z0-9_.-]*$/);
      for (const tuple of group.flowTuples)
        expect(tuple).toMatch(/^\d{13},[\d.:a-f]+,[\d.:a-f]+,\d+,\d+,\d+,[IO],[BCED],NX,\d+,\d+,\d+,\d+$/);
    },
  );

  it.each(snippets.filter((s) => !isDocument(s.json) && !isFlowGroup(s.json)))(
    "$where is a fragment of a rule",
    ({ json }) => {
      const wrapped = parseDataTree(`{${json}}`, "json");
      expect(wrapped.ok).toBe(true);
      if (!wrapped.ok) return;
      for (const key of Object.keys(wrapped.value.value as object)) expect(RULE_FIELDS).toContain(key);
    },
  );
});
