/**
 * The exercise session without a browser: where the first rules come from, saving (and another
 * tab's saves), earlier versions, and what a grade records.
 */
import { describe, expect, it } from "vitest";
import { ExerciseSession } from "../../src/lib/exercise-ui/exercise-session.ts";
import { gradeSubmission } from "../../src/lib/grader/index.ts";
import { Store } from "../../src/lib/store/store.ts";
import { makeDraft } from "../../src/lib/store/records/draft.ts";
import { exercise, memoryStorage } from "./support.ts";

const ftp = exercise("ftp-active");
const at = new Date("2026-12-01T09:30:00Z");
const mine = { text: "az network nsg rule list -g rg --nsg-name x", format: "azcli" as const };

function twoTabs() {
  const storage = memoryStorage();
  const store = new Store(storage);
  return {
    storage,
    a: new ExerciseSession(ftp, store),
    b: new ExerciseSession(ftp, store),
  };
}

describe("the exercise session", () => {
  it("starts from the starter, then from the saved draft", () => {
    const { a, b } = twoTabs();
    expect(a.start("", ["ftp-active"])).toMatchObject({ from: "starter", rules: a.starter, notices: [] });
    expect(a.save(mine, at)).toMatchObject({
      kind: "saved",
      text: expect.stringMatching(/^Saved in this browser at/) as unknown,
    });
    expect(b.start("", ["ftp-active"])).toMatchObject({ from: "draft", rules: mine });
  });

  it("loads a link meant for it, asks first when it differs from the saved draft, and ignores links for other exercises", () => {
    const { a, b } = twoTabs();
    a.start("", []);
    const link = a.shareHash({ text: "[]", format: "json" });
    if (!link.ok) throw new Error("no link");
    expect(b.start(link.value.hash, ["app-tier-asg", "ftp-active"])).toMatchObject({
      from: "link",
      rules: { text: "[]", format: "json" },
    });
    a.save(mine, at);
    const asked = b.start(link.value.hash, ["ftp-active"]);
    expect(asked).toMatchObject({ from: "draft", rules: mine, pendingLink: { text: "[]", format: "json" } });
    const loaded = b.acceptLink(asked.rules, asked.pendingLink!);
    expect(loaded.rules).toEqual({ text: "[]", format: "json" });
    expect(b.history()[0]).toMatchObject({ ...mine, keptBecause: "link" });
    const other = new ExerciseSession(exercise("app-tier-asg"), new Store(memoryStorage()));
    expect(other.start(link.value.hash, ["app-tier-asg", "ftp-active"]).from).toBe("starter");
  });

  it("keeps PowerShell as PowerShell: the draft, a link, and an earlier version restored", () => {
    const { a, b } = twoTabs();
    a.start("", []);
    const ps = {
      text: "Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName rg | Set-AzNetworkSecurityGroup",
      format: "powershell" as const,
    };
    a.save(ps, at);
    expect(b.start("", ["ftp-active"])).toMatchObject({ from: "draft", rules: ps });
    const link = a.shareHash(ps);
    if (!link.ok) throw new Error("no link");
    const fresh = new ExerciseSession(ftp, new Store(memoryStorage()));
    expect(fresh.start(link.value.hash, ["ftp-active"])).toMatchObject({ from: "link", rules: ps });
    a.keepVersion(ps, "format");
    expect(a.restore(0, mine)).toEqual(ps);
  });

  it("refuses a cut link with a message and keeps the learner's draft", () => {
    const { a, b } = twoTabs();
    a.start("", []);
    a.save(mine, at);
    const link = a.shareHash({
      text: "az network nsg rule create --name allow-ftp --priority 300",
      format: "azcli",
    });
    if (!link.ok) throw new Error("no link");
    const cut = link.value.hash.slice(0, Math.floor(link.value.hash.length * 0.6));
    const start = b.start(cut, ["ftp-active"]);
    expect(start).toMatchObject({ from: "draft", rules: mine });
    expect(start.notices[0]!.text).toMatch(/damaged/);
  });

  it("notices another tab's save, writes nothing over it, and lets the learner keep either version", () => {
    const { storage, a, b } = twoTabs();
    a.start("", []);
    b.start("", []);
    expect(a.save(mine, at).kind).toBe("saved");
    const theirs = { text: "[]", format: "json" as const };
    const status = b.save(theirs, at);
    expect(status).toMatchObject({ kind: "conflict", theirs: { text: mine.text } });
    expect(storage.data.get(a.draftKey)).toContain("rule list");
    expect(a.foreignChange(a.draftKey, storage.data.get(a.draftKey)!)).toBeUndefined();

    // B keeps its own: A's version becomes an earlier version, and A now sees a foreign change.
    expect(b.keepMine(theirs, (status as { theirs: ReturnType<typeof makeDraft> }).theirs, at).kind).toBe(
      "saved",
    );
    expect(b.history()[0]).toMatchObject({ text: mine.text, keptBecause: "other-tab" });
    expect(a.foreignChange(a.draftKey, storage.data.get(a.draftKey)!)).toMatchObject({ text: "[]" });
    // A takes B's: its own is kept, and saving goes on without a conflict.
    expect(a.takeTheirs(mine)).toEqual(theirs);
    expect(a.save({ text: "[ ]", format: "json" }, at).kind).toBe("saved");
  });

  it("restores earlier versions by swapping them with the current rules", () => {
    const { a } = twoTabs();
    a.start("", []);
    a.keepVersion({ text: "one", format: "json" }, "link");
    a.keepVersion({ text: "two", format: "json" }, "link");
    expect(a.restore(1, { text: "now", format: "json" })).toEqual({ text: "one", format: "json" });
    expect(a.history().map((h) => h.text)).toEqual(["now", "two"]);
    expect(a.restore(5, { text: "x", format: "json" })).toBeUndefined();
  });

  it("records an attempt for the learner's own work and a pass once", () => {
    const storage = memoryStorage();
    const session = new ExerciseSession(ftp, new Store(storage));
    session.start("", []);
    const starter = session.starter;
    expect(session.graded(gradeSubmission(ftp, starter.text), starter, at)).toEqual({
      passRecorded: false,
    });
    expect(session.passedBefore()).toBeUndefined();
    const solution = { text: ftp.solution!, format: "azcli" as const };
    expect(session.graded(gradeSubmission(ftp, solution.text), solution, at)).toEqual({
      passRecorded: true,
    });
    expect(session.passedBefore()).toBe(at.toISOString());
    expect(session.graded(gradeSubmission(ftp, solution.text), solution, at).passRecorded).toBe(false);
  });

  it("says so when the pass cannot be recorded", () => {
    const session = new ExerciseSession(ftp, new Store(memoryStorage({}, { write: "quota" })));
    const solution = { text: ftp.solution!, format: "azcli" as const };
    const effect = session.graded(gradeSubmission(ftp, solution.text), solution, at);
    expect(effect.passRecorded).toBe(false);
    expect(effect.problem).toMatch(/would not record the pass/);
    expect(session.save(solution, at)).toMatchObject({
      kind: "error",
      text: expect.stringMatching(/storage is full/) as unknown,
    });
  });
});
