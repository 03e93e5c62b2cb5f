import { describe, expect, it } from "vitest";
import { assignmentHandIn } from "../../src/lib/assignments/assignment-submission.ts";
import { savePredictAnswers } from "../../src/lib/exercise-ui/predict-answers.ts";
import { saveLogAnswers } from "../../src/lib/exercise-ui/log-answers.ts";
import { parseSubmission, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";
import { DRAFT, makeDraft } from "../../src/lib/store/records/draft.ts";
import { Store, type StorageLike } from "../../src/lib/store/store.ts";

function memory(): StorageLike {
  const data: Record<string, string> = {};
  return {
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const at = new Date("2026-11-20T10:00:00.000Z");
const exercises = [
  { id: "ftp-active", kind: "rules" as const, flows: 8 },
  { id: "subnet-then-nic", kind: "predict" as const, flows: 3 },
  { id: "smtp-relay-on-587", kind: "rules" as const, flows: 6 },
];

describe("the assignment file", () => {
  it("holds every exercise this browser has work for, under the learner's name, and lists the rest", () => {
    const store = new Store(memory());
    store.write(DRAFT, makeDraft('{ "nsg-snet-ingest": [] }', "json", at), "ftp-active");
    savePredictAnswers(
      store,
      "subnet-then-nic",
      {
        flows: [
          { answer: "deny", wrongTries: 0, revealed: false, checked: true },
          { wrongTries: 0, revealed: false, checked: false },
          { answer: "allow", wrongTries: 1, revealed: false, checked: true },
        ],
      },
      at,
    );
    const handIn = assignmentHandIn({ title: "Week 3", exercises, store, learner: "Ada Lovelace", now: at });
    expect(handIn.submission).toEqual({
      format: "nsg-lab-submission",
      version: 2,
      learner: "Ada Lovelace",
      assignment: { title: "Week 3", exercises: ["ftp-active", "subnet-then-nic", "smtp-relay-on-587"] },
      savedAt: "2026-11-20T10:00:00.000Z",
      work: [
        {
          exercise: "ftp-active",
          kind: "author-rules",
          rulesFormat: "json",
          rules: '{ "nsg-snet-ingest": [] }',
        },
        { exercise: "subnet-then-nic", kind: "predict", answers: ["deny", null, "allow"] },
      ],
    });
    expect(handIn.notStarted).toEqual(["smtp-relay-on-587"]);
    expect(handIn.problems).toEqual([]);
  });

  it("records the link's due date beside when the file was saved, and reads it back", () => {
    const store = new Store(memory());
    store.write(DRAFT, makeDraft("", "json", at), "ftp-active");
    const handIn = assignmentHandIn({
      title: "Week 3",
      due: "2026-11-20T09:00:00.000Z",
      exercises: exercises.slice(0, 1),
      store,
      now: at,
    });
    expect(handIn.submission.assignment).toEqual({
      title: "Week 3",
      exercises: ["ftp-active"],
      due: "2026-11-20T09:00:00.000Z",
    });
    const read = parseSubmission(submissionText(handIn.submission));
    expect(read.ok && read.value.assignment?.due).toBe("2026-11-20T09:00:00.000Z");
    const forged = {
      ...handIn.submission,
      assignment: { title: "x", exercises: ["ftp-active"], due: "soon" },
    };
    expect(parseSubmission(JSON.stringify(forged))).toMatchObject({
      ok: false,
      errors: [{ code: "invalid-value", path: ["assignment", "due"] }],
    });
  });

  it("leaves out predictions saved for another number of flows, and answers never given", () => {
    const store = new Store(memory());
    savePredictAnswers(
      store,
      "subnet-then-nic",
      { flows: [{ answer: "deny", wrongTries: 0, revealed: false, checked: false }] },
      at,
    );
    const handIn = assignmentHandIn({ title: "", exercises, store, now: at });
    expect(handIn.submission.work).toEqual([]);
    expect(handIn.submission).not.toHaveProperty("learner");
    expect(handIn.notStarted).toEqual(["ftp-active", "subnet-then-nic", "smtp-relay-on-587"]);
  });

  it("says which saved work could not be read", () => {
    const storage = memory();
    storage.setItem("nsg-lab:draft:v1:ftp-active", "{ not json");
    const handIn = assignmentHandIn({
      title: "t",
      exercises: exercises.slice(0, 1),
      store: new Store(storage),
      now: at,
    });
    expect(handIn.problems).toEqual(["ftp-active: your saved rules cannot be read (it is not valid JSON)"]);
    expect(handIn.notStarted).toEqual(["ftp-active"]);
  });

  it("holds a read-logs exercise's answers, null where a question is not answered", () => {
    const store = new Store(memory());
    const attempt = (answer: object) => ({ answer, wrongTries: 0, revealed: false, checked: false });
    saveLogAnswers(
      store,
      "read-the-web-flow-log",
      { questions: [attempt({ verdict: "deny", rule: "nsg-web/DenyAllInBound" }), attempt({})] },
      at,
    );
    const logs = [{ id: "read-the-web-flow-log", kind: "read-logs" as const, flows: 2 }];
    const handIn = assignmentHandIn({ title: "Logs", exercises: logs, store, now: at });
    expect(handIn.submission.work).toEqual([
      {
        exercise: "read-the-web-flow-log",
        kind: "read-logs",
        answers: [{ verdict: "deny", rule: "nsg-web/DenyAllInBound" }, null],
      },
    ]);
    const none = assignmentHandIn({ title: "Logs", exercises: logs, store: new Store(memory()), now: at });
    expect(none.notStarted).toEqual(["read-the-web-flow-log"]);
  });
});
