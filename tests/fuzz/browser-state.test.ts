import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseSubmission } from "../../src/lib/exercise-ui/submission-file.ts";
import { decodeShareHash, encodeShareHash } from "../../src/lib/exercise-ui/share-link.ts";
import { DRAFT, DRAFT_HISTORY } from "../../src/lib/store/records/draft.ts";
import { EXERCISE_RESULTS } from "../../src/lib/store/records/exercise-results.ts";
import { LESSON_PROGRESS } from "../../src/lib/store/records/lesson-progress.ts";
import { PLAYGROUND, PLAYGROUND_HISTORY } from "../../src/lib/store/records/playground.ts";
import { parseRecord } from "../../src/lib/store/store.ts";
import { PREDICTIONS } from "../../src/lib/store/records/predictions.ts";
import { LOG_ANSWERS } from "../../src/lib/store/records/log-answers.ts";
import { parsePredictAnswers } from "../../src/lib/exercise-ui/predict-answers.ts";
import { decodeShareState } from "../../src/lib/playground/share-state.ts";
import { readAssignment } from "../../src/lib/assignments/assignment-link.ts";
import { joinMessages, type Result } from "../../src/lib/result.ts";

/**
 * Everything the browser reads back from outside — submission files, URL fragments and query
 * strings, localStorage — answers a result for any input: never an exception, always a reason.
 */
const junk = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ maxLength: 200, unit: "grapheme" }),
  fc.json({ maxDepth: 4 }),
  fc.base64String({ maxLength: 300 }),
);
const failsWithReason = (r: Result<unknown>) => {
  if (r.ok === false) expect(joinMessages(r.errors, " ").length).toBeGreaterThan(0);
};

describe("fuzzing state the browser reads back", () => {
  it("submission files", () => {
    fc.assert(
      fc.property(junk, (text) => failsWithReason(parseSubmission(text))),
      { numRuns: 400 },
    );
  });

  it("exercise share links (#rules=…), including damaged ones", () => {
    const valid = encodeShareHash({
      text: "az network nsg rule create -g rg --nsg-name n -n r --priority 100",
      format: "azcli",
      exercise: "ftp-active",
    });
    const base = valid.ok ? valid.value.hash : "#rules=";
    fc.assert(
      fc.property(
        fc.oneof(
          junk,
          junk.map((j) => `#rules=${j}`),
          fc
            .tuple(fc.nat(base.length), fc.string({ maxLength: 5 }))
            .map(([at, s]) => base.slice(0, at) + s + base.slice(at)),
        ),
        (hash) => {
          const r = decodeShareHash(hash);
          if (r.ok === false) expect(joinMessages(r.errors, " ").length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("playground share links (#playground=…)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          junk,
          junk.map((j) => `#playground=${j}`),
        ),
        async (hash) => {
          const r = await decodeShareState(hash);
          if (r.ok === false) expect(joinMessages(r.errors, " ").length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("assignment links (?exercises=…)", () => {
    const known = new Set(["ftp-active", "which-default-rule"]);
    fc.assert(
      fc.property(
        fc.oneof(
          junk,
          junk.map((j) => `?exercises=${j}&title=${j}`),
          junk.map(
            (j) =>
              `?v=2&exercises=ftp-active&points=${j}&due=${j}&feedback=${j}&instructions=${encodeURIComponent(j)}`,
          ),
        ),
        (search) => failsWithReason(readAssignment(search, known)),
      ),
      { numRuns: 400 },
    );
  });

  it("saved drafts, course progress, exercise results, predictions, log answers and playground autosave", () => {
    fc.assert(
      fc.property(junk, (raw) => {
        for (const kind of [
          DRAFT,
          DRAFT_HISTORY,
          LESSON_PROGRESS,
          EXERCISE_RESULTS,
          PLAYGROUND,
          PLAYGROUND_HISTORY,
          PREDICTIONS,
          LOG_ANSWERS,
        ])
          failsWithReason(parseRecord<unknown>(kind as never, raw));
      }),
      { numRuns: 400 },
    );
  });

  it("saved predictions that are nearly right", () => {
    const attempt = fc.record(
      {
        answer: fc.oneof(fc.constantFrom("allow", "deny", "maybe"), fc.anything()),
        wrongTries: fc.oneof(fc.nat(5), fc.integer(), fc.double(), fc.anything()),
        revealed: fc.oneof(fc.boolean(), fc.anything()),
        checked: fc.oneof(fc.boolean(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 4 }), fc.nat(4), (flows, count) => {
        const r = parsePredictAnswers(JSON.stringify({ version: 1, flows }), count);
        failsWithReason(r);
        if (r.ok && r.value) expect(r.value.flows).toHaveLength(count);
      }),
      { numRuns: 400 },
    );
  });

  it("saved log answers that are nearly right", () => {
    const answer = fc.record(
      {
        verdict: fc.oneof(fc.constantFrom("allow", "deny", "maybe"), fc.anything()),
        rule: fc.oneof(fc.string(), fc.anything()),
        whyNot: fc.oneof(fc.array(fc.constantFrom("protocol", "later", "because")), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const attempt = fc.record(
      {
        answer: fc.oneof(answer, fc.anything()),
        wrongTries: fc.oneof(fc.nat(5), fc.integer(), fc.anything()),
        revealed: fc.oneof(fc.boolean(), fc.anything()),
        checked: fc.oneof(fc.boolean(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 4 }), (questions) => {
        const r = parseRecord(LOG_ANSWERS, JSON.stringify({ version: 1, questions }));
        failsWithReason(r);
        if (r.ok) for (const q of r.value.questions) expect(q.wrongTries).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
