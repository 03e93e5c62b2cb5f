/**
 * The session against scorm-again's SCORM 1.2 runtime, the library LMSs embed as their API, so
 * what the LMS receives is read from a real implementation of the data model and its checks.
 */
import { Scorm12API } from "scorm-again";
import { describe, expect, it } from "vitest";
import type { PackageConfig } from "../../src/lib/lms/package-config.ts";
import type { Scorm12Api } from "../../src/lib/lms/scorm12-api.ts";
import { Scorm12Session } from "../../src/lib/lms/scorm12-session.ts";

const config: PackageConfig = {
  format: "scorm12",
  title: "Week 3",
  exercises: ["smtp-relay-on-587", "ftp-active"],
  pointsPerExercise: 10,
  completion: "passed",
};

/** An LMS with one learner, counting the commits and finishes it receives. */
function lms(before: { lessonStatus?: string; suspendData?: string; scoreRaw?: string } = {}) {
  const api = new Scorm12API({ logLevel: 5 });
  api.cmi.core.student_id = "s-42";
  api.cmi.core.student_name = "Doe, Jane";
  if (before.lessonStatus) api.cmi.core.lesson_status = before.lessonStatus;
  if (before.suspendData) api.cmi.suspend_data = before.suspendData;
  if (before.scoreRaw) api.cmi.core.score.raw = before.scoreRaw;
  const calls = { commits: 0, finishes: 0 };
  /** Every value the LMS accepted, write-only elements (session_time, exit) included. */
  const received = new Map<string, string>();
  api.on("LMSCommit", () => calls.commits++);
  api.on("LMSFinish", () => calls.finishes++);
  api.on("LMSSetValue.cmi.*", (element: string, value: string) => received.set(element, value));
  return { api, calls, cmi: api.cmi, received };
}

describe("a SCORM 1.2 session with the LMS", () => {
  it("starts, reads the learner's name and reports each pass with a commit", () => {
    const { api, calls, cmi } = lms();
    const session = new Scorm12Session(api, config);
    expect(session.start()).toEqual({ ok: true, value: { learner: "Jane Doe", earlierPasses: [] } });

    expect(session.report([])).toMatchObject({ ok: true, value: { committed: true } });
    expect(cmi.core.lesson_status).toBe("incomplete");
    expect([cmi.core.score.raw, cmi.core.score.min, cmi.core.score.max]).toEqual(["0", "0", "20"]);
    expect(calls.commits).toBe(1);

    expect(session.report(["ftp-active"])).toMatchObject({ ok: true, value: { committed: true } });
    expect(cmi.core.score.raw).toBe("10");
    expect(cmi.core.lesson_status).toBe("incomplete");
    expect(calls.commits).toBe(2);

    expect(session.report(["ftp-active", "smtp-relay-on-587"])).toMatchObject({ ok: true });
    expect(cmi.core.score.raw).toBe("20");
    expect(cmi.core.lesson_status).toBe("passed");
    expect(cmi.suspend_data).toBe("nsg-lab:v1:smtp-relay-on-587,ftp-active");
    expect(calls.commits).toBe(3);
  });

  it("commits nothing when nothing changed", () => {
    const { api, calls } = lms();
    const session = new Scorm12Session(api, config);
    session.start();
    session.report(["ftp-active"]);
    expect(session.report(["ftp-active"])).toMatchObject({ ok: true, value: { committed: false } });
    expect(calls.commits).toBe(1);
  });

  it("finishes once: session time, exit suspend while unfinished, a commit and LMSFinish", () => {
    const { api, calls, received } = lms();
    const session = new Scorm12Session(api, config);
    session.start();
    session.report(["ftp-active"]);
    expect(session.finish(62_500)).toEqual({ ok: true, value: undefined });
    expect(received.get("cmi.core.session_time")).toBe("0000:01:02.50");
    expect(received.get("cmi.core.exit")).toBe("suspend");
    expect([calls.commits, calls.finishes]).toEqual([2, 1]);
    expect(session.running).toBe(false);
    expect(session.finish(70_000)).toEqual({ ok: true, value: undefined });
    expect(calls.finishes).toBe(1);
    expect(session.report(["ftp-active", "smtp-relay-on-587"])).toMatchObject({
      ok: false,
      errors: [{ code: "lms-refused" }],
    });
  });

  it("leaves exit empty once the assignment is done", () => {
    const { api, received } = lms();
    const session = new Scorm12Session(api, config);
    session.start();
    session.report(config.exercises);
    session.finish(1000);
    expect(received.get("cmi.core.exit")).toBe("");
  });

  it("takes up the passes and status the LMS kept from an earlier visit", () => {
    const { api, cmi } = lms({ lessonStatus: "incomplete", suspendData: "nsg-lab:v1:ftp-active,retired" });
    const session = new Scorm12Session(api, config);
    expect(session.start()).toMatchObject({ ok: true, value: { earlierPasses: ["ftp-active"] } });
    const done = lms({ lessonStatus: "passed", scoreRaw: "20" });
    const again = new Scorm12Session(done.api, config);
    again.start();
    again.report([]);
    expect([done.cmi.core.lesson_status, done.cmi.core.score.raw]).toEqual(["passed", "20"]);
    expect(cmi.core.lesson_status).toBe("incomplete");
  });

  it("says which call the LMS refused, with the LMS's own error", () => {
    const { api } = lms();
    api.LMSInitialize(""); // another script on the page started the session first
    const session = new Scorm12Session(api, config);
    const start = session.start();
    expect(start).toMatchObject({ ok: false, errors: [{ code: "lms-refused" }] });
    if (!start.ok)
      expect(start.errors[0]!.message).toMatch(
        /^The LMS refused to start the session \(error 1\d\d: .+\)\.$/,
      );
    expect(session.running).toBe(false);
  });

  it("turns a refused value into an issue and tries it again at the next report", () => {
    const { api, calls, cmi } = lms();
    // An LMS adapter that mangles the score on its way in, so scorm-again refuses it itself.
    let mangle = true;
    const mangling: Scorm12Api = {
      LMSInitialize: (p) => api.LMSInitialize(p),
      LMSFinish: (p) => api.LMSFinish(p),
      LMSGetValue: (element) => api.LMSGetValue(element),
      LMSSetValue: (element, value) =>
        api.LMSSetValue(element, mangle && element === "cmi.core.score.raw" ? `${value} points` : value),
      LMSCommit: (p) => api.LMSCommit(p),
      LMSGetLastError: () => api.LMSGetLastError(),
      LMSGetErrorString: (code) => api.LMSGetErrorString(code),
    };
    const session = new Scorm12Session(mangling, config);
    session.start();
    const first = session.report(["ftp-active"]);
    expect(first).toMatchObject({ ok: false, errors: [{ code: "lms-refused" }] });
    if (!first.ok)
      expect(first.errors[0]!.message).toMatch(
        /^The LMS refused to record cmi\.core\.score\.raw = "10" \(error 4\d\d: .+\)\.$/,
      );
    expect(cmi.core.lesson_status).toBe("incomplete"); // the other values were still set
    expect(calls.commits).toBe(1);
    mangle = false;
    expect(session.report(["ftp-active"])).toMatchObject({ ok: true, value: { committed: true } });
    expect(cmi.core.score.raw).toBe("10");
    expect(calls.commits).toBe(2);
  });

  it("reports an LMS that throws instead of answering, without throwing itself", () => {
    const broken: Scorm12Api = {
      LMSInitialize: () => "true",
      LMSFinish: () => {
        throw new Error("connection lost");
      },
      LMSGetValue: () => {
        throw new Error("no data model");
      },
      LMSSetValue: () => {
        throw new TypeError("cannot write");
      },
      LMSCommit: () => true,
      LMSGetLastError: () => {
        throw new Error("nothing");
      },
      LMSGetErrorString: () => "",
    };
    const session = new Scorm12Session(broken, config);
    expect(session.start()).toEqual({ ok: true, value: { earlierPasses: [] } });
    const report = session.report(["ftp-active"]);
    expect(report).toMatchObject({ ok: false });
    if (!report.ok) {
      expect(report.errors).toHaveLength(5);
      expect(report.errors[0]!.message).toBe(
        'The LMS failed to record cmi.core.score.min = "0": cannot write.',
      );
    }
    const finish = session.finish(10);
    expect(finish).toMatchObject({ ok: false });
    if (!finish.ok)
      expect(finish.errors.at(-1)!.message).toBe(
        "The LMS failed to end the session (LMSFinish): connection lost.",
      );
  });

  it("cannot be started twice", () => {
    const { api } = lms();
    const session = new Scorm12Session(api, config);
    session.start();
    expect(session.start()).toMatchObject({ ok: false, errors: [{ code: "lms-refused" }] });
  });
});
