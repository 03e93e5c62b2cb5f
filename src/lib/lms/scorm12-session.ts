import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import type { PackageConfig } from "./package-config.ts";
import type { Scorm12Api } from "./scorm12-api.ts";
import {
  assignmentScore,
  learnerName,
  passesInSuspendData,
  scorm12Timespan,
  scorm12Values,
  type AssignmentScore,
  type LmsStart,
} from "./scorm12-progress.ts";

/** What the LMS told the package when the session started. */
export interface SessionStart {
  /** The learner's name as people write it ("Jane Doe"), when the LMS gives one. */
  learner?: string;
  /** Exercises the LMS recorded as passed in an earlier session (from cmi.suspend_data). */
  earlierPasses: string[];
}

export interface Reported {
  score: AssignmentScore;
  /** False when nothing changed since the last report, so nothing was set or committed. */
  committed: boolean;
}

const isTrue = (answer: unknown): boolean => answer === true || answer === "true";

/**
 * One SCORM 1.2 session with the LMS: LMSInitialize, then the learner's progress set and
 * committed whenever it changes, then LMSFinish once. Every call the LMS refuses (or throws on)
 * becomes an `lms-refused` issue with the LMS's own error number and words; nothing here throws,
 * and a refused value is tried again at the next report.
 */
export class Scorm12Session {
  readonly #api: Scorm12Api;
  readonly #config: PackageConfig;
  #state: "new" | "running" | "finished" = "new";
  #before: LmsStart = { lessonStatus: "", scoreRaw: "", suspendData: "" };
  /** Each element's last value the LMS accepted. */
  readonly #accepted = new Map<string, string>();
  #latest: AssignmentScore;

  constructor(api: Scorm12Api, config: PackageConfig) {
    this.#api = api;
    this.#config = config;
    this.#latest = assignmentScore(config, []);
  }

  get running(): boolean {
    return this.#state === "running";
  }

  start(): Result<SessionStart> {
    if (this.#state !== "new")
      return fail([issue("lms-refused", "The LMS session was already started in this page.")]);
    const began = this.#call("to start the session", () => this.#api.LMSInitialize(""));
    if (!began.ok) return began;
    this.#state = "running";
    this.#before = {
      lessonStatus: this.#get("cmi.core.lesson_status"),
      scoreRaw: this.#get("cmi.core.score.raw"),
      suspendData: this.#get("cmi.suspend_data"),
    };
    const name = learnerName(this.#get("cmi.core.student_name"));
    return ok({
      ...(name !== undefined && { learner: name }),
      earlierPasses: passesInSuspendData(this.#before.suspendData, this.#config),
    });
  }

  /** Sets the score, status and passed exercises for `passed`, and commits when any changed. */
  report(passed: Iterable<string>): Result<Reported> {
    const score = assignmentScore(this.#config, passed);
    this.#latest = score;
    if (this.#state !== "running")
      return fail([issue("lms-refused", "The LMS session is not open, so this progress was not reported.")]);
    const changed = scorm12Values(this.#config, score, this.#before).filter(
      ([element, value]) => this.#accepted.get(element) !== value,
    );
    if (changed.length === 0) return ok({ score, committed: false });
    const problems: Issue[] = [];
    for (const [element, value] of changed) {
      const set = this.#call(`to record ${element} = "${value}"`, () =>
        this.#api.LMSSetValue(element, value),
      );
      if (set.ok) this.#accepted.set(element, value);
      else problems.push(...set.errors);
    }
    const committed = this.#call("to save the progress (LMSCommit)", () => this.#api.LMSCommit(""));
    if (!committed.ok) problems.push(...committed.errors);
    return problems.length > 0 ? fail(problems) : ok({ score, committed: true });
  }

  /**
   * Ends the session: the time spent, whether the LMS should resume it ("suspend" until every
   * exercise passed), a last commit and LMSFinish. A second call does nothing.
   */
  finish(elapsedMilliseconds: number): Result<void> {
    if (this.#state !== "running") return ok(undefined);
    this.#state = "finished";
    const problems: Issue[] = [];
    const steps: Array<[string, () => unknown]> = [
      [
        "to record the session time",
        () => this.#api.LMSSetValue("cmi.core.session_time", scorm12Timespan(elapsedMilliseconds)),
      ],
      [
        "to record how the session ended",
        () => this.#api.LMSSetValue("cmi.core.exit", this.#latest.complete ? "" : "suspend"),
      ],
      ["to save the progress (LMSCommit)", () => this.#api.LMSCommit("")],
      ["to end the session (LMSFinish)", () => this.#api.LMSFinish("")],
    ];
    for (const [what, step] of steps) {
      const done = this.#call(what, step);
      if (!done.ok) problems.push(...done.errors);
    }
    return problems.length > 0 ? fail(problems) : ok(undefined);
  }

  /** A value, or "" when the LMS does not have it (an optional element it does not implement). */
  #get(element: string): string {
    try {
      const value = this.#api.LMSGetValue(element);
      return typeof value === "string" ? value : "";
    } catch {
      return "";
    }
  }

  #call(what: string, call: () => unknown): Result<void> {
    let answer: unknown;
    try {
      answer = call();
    } catch (e) {
      return fail([issue("lms-refused", `The LMS failed ${what}: ${(e as Error)?.message ?? String(e)}.`)]);
    }
    if (isTrue(answer)) return ok(undefined);
    return fail([issue("lms-refused", `The LMS refused ${what} (${this.#lastError()}).`)]);
  }

  #lastError(): string {
    try {
      const code = String(this.#api.LMSGetLastError());
      const words = this.#api.LMSGetErrorString(code);
      return typeof words === "string" && words.trim() !== ""
        ? `error ${code}: ${words.trim()}`
        : `error ${code}`;
    } catch {
      return "no error number given";
    }
  }
}
