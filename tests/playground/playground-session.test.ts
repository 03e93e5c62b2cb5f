import { describe, expect, it } from "vitest";
import { PlaygroundSession } from "../../src/lib/playground/playground-session.ts";
import { makeState } from "../../src/lib/playground/playground-state.ts";
import { Store } from "../../src/lib/store/store.ts";
import { memoryStorage } from "../exercise-ui/support.ts";

const at = new Date("2026-12-01T09:30:00Z");
const state = (scenario: string) => makeState(scenario, "", null);

describe("the playground session", () => {
  it("restores what it saved, and sets a damaged save aside", () => {
    const storage = memoryStorage();
    const one = new PlaygroundSession(new Store(storage));
    expect(one.start()).toEqual({ status: "none" });
    expect(one.save(state("{}"), at).kind).toBe("saved");
    expect(new PlaygroundSession(new Store(storage)).start()).toMatchObject({
      status: "saved",
      state: state("{}"),
    });
    storage.data.set("nsg-lab:playground:v1", "{oops");
    expect(new PlaygroundSession(new Store(storage)).start()).toMatchObject({
      status: "problem",
      notice: expect.stringContaining("nsg-lab:playground-backup:v1") as unknown,
    });
    expect(storage.data.get("nsg-lab:playground-backup:v1")).toBe("{oops");
  });

  it("keeps the learner's playground through two links in a row", () => {
    const session = new PlaygroundSession(new Store(memoryStorage()));
    session.start();
    session.keep(state("mine"), at);
    session.keep(state("first link"), at);
    expect(session.history().map((h) => h.state.scenario)).toEqual(["first link", "mine"]);
    expect(session.restore(1, state("second link"))).toEqual(state("mine"));
    expect(session.history().map((h) => h.state.scenario)).toEqual(["second link", "first link"]);
  });

  it("does not save over another tab's playground until the learner chooses", () => {
    const storage = memoryStorage();
    const a = new PlaygroundSession(new Store(storage));
    const b = new PlaygroundSession(new Store(storage));
    a.start();
    b.start();
    a.save(state("a"), at);
    const conflict = b.save(state("b"), at);
    expect(conflict).toMatchObject({ kind: "conflict", theirs: state("a") });
    expect(b.takeTheirs(state("b"))).toEqual(state("a"));
    expect(b.history()[0]!.state).toEqual(state("b"));
    expect(b.save(state("a2"), at).kind).toBe("saved");
    expect(a.foreignChange(a.saveKey, storage.data.get(a.saveKey)!)).toEqual(state("a2"));
    expect(a.keepMine(state("a"), state("a2"), at).kind).toBe("saved");
  });
});
