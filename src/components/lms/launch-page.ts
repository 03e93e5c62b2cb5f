import { assignmentQuery } from "../../lib/assignments/assignment-link.ts";
import {
  EXERCISE_PASSED_EVENT,
  EXERCISE_RESULTS_KEY,
  hasPassed,
  readExerciseResults,
  recordPass,
} from "../../lib/exercise-ui/exercise-progress.ts";
import { packagedAssignment, readPackageConfig, type PackageConfig } from "../../lib/lms/package-config.ts";
import { findScorm12Api } from "../../lib/lms/scorm12-api.ts";
import { assignmentScore, scoreSentence } from "../../lib/lms/scorm12-progress.ts";
import { Scorm12Session } from "../../lib/lms/scorm12-session.ts";
import { joinMessages } from "../../lib/result.ts";
import { browserStore } from "../../lib/store/store.ts";

const NO_LMS =
  "No LMS was found around this page, so nothing is reported to one: the assignment works as usual, and your progress stays in this browser.";
const KEPT = "Your work is kept in this browser either way.";

/**
 * The launch page's view over `Scorm12Session` (src/lib/lms): reads the package's settings,
 * starts the LMS session, loads the assignment into the frame and reports each pass there, and
 * finishes the session when the page goes away. Passes reach it two ways: the store (a storage
 * event, since the frame is another document) and the frame's own exercise-passed event, which
 * still arrives when this browser refuses to store the pass.
 */
export function startLaunchPage(doc: Document): void {
  const root = doc.querySelector<HTMLElement>("[data-lms-launch]")!;
  const score = root.querySelector<HTMLElement>("[data-lms-score]")!;
  const notice = doc.querySelector<HTMLElement>("[data-lms-notice]")!;
  const frame = doc.querySelector<HTMLIFrameElement>("[data-lms-frame]")!;
  const started = Date.now();

  const say = (text: string) => {
    notice.hidden = false;
    notice.textContent = text;
  };

  const read = readPackageConfig(root.dataset.package, new Set(JSON.parse(root.dataset.known!) as string[]));
  if (!read.ok) {
    score.textContent = joinMessages(read.errors, " ");
    return;
  }
  const config: PackageConfig = read.value;
  root.querySelector("[data-lms-title]")!.textContent = config.title;
  doc.title = `${config.title} · NSG Lab`;

  const store = browserStore();
  /** Passes seen in the frame during this visit, whether or not the browser stored them. */
  const seen = new Set<string>();
  let session: Scorm12Session | undefined;

  const api = findScorm12Api(window);
  if (!api) say(NO_LMS);
  else {
    session = new Scorm12Session(api, config);
    const start = session.start();
    if (!start.ok) {
      say(
        `${joinMessages(start.errors, " ")} The assignment works without it; your progress stays in this browser.`,
      );
      session = undefined;
    } else {
      if (start.value.learner !== undefined) {
        const learner = root.querySelector<HTMLElement>("[data-lms-learner]")!;
        learner.hidden = false;
        learner.textContent = `Reporting to your LMS as ${start.value.learner}`;
      }
      // Passes the LMS kept from another visit (perhaps another computer) count here too, and
      // the assignment page shows them as passed.
      const local = readExerciseResults(store);
      for (const id of start.value.earlierPasses) {
        seen.add(id);
        if (local.ok && !hasPassed(local.value, id)) recordPass(store, id);
      }
    }
  }

  let refused = false;
  const update = () => {
    const local = readExerciseResults(store);
    const passed = config.exercises.filter((id) => seen.has(id) || (local.ok && hasPassed(local.value, id)));
    score.textContent = scoreSentence(
      assignmentScore(config, passed),
      config.exercises.length,
      config.feedback ?? "full",
    );
    if (!session?.running) return;
    const reported = session.report(passed);
    if (!reported.ok) {
      refused = true;
      say(`${joinMessages(reported.errors, " ")} ${KEPT} It is reported again at your next pass.`);
    } else if (refused && reported.value.committed) {
      refused = false;
      say("Your LMS has your progress now.");
    }
  };

  frame.addEventListener("load", () => {
    try {
      frame.contentDocument?.addEventListener(EXERCISE_PASSED_EVENT, (event) => {
        const id = (event as CustomEvent<{ id?: unknown } | null>).detail?.id;
        if (typeof id === "string") seen.add(id);
        update();
      });
    } catch {
      // A frame of another origin (it never is: the package is one site) has no events for us.
    }
  });
  window.addEventListener("storage", (event) => {
    if (event.key === EXERCISE_RESULTS_KEY || event.key === null) update();
  });
  window.addEventListener("pagehide", () => {
    if (!session?.running) return;
    update();
    session.finish(Date.now() - started);
  });

  frame.title = config.title;
  frame.src = root.dataset.assignmentUrl! + assignmentQuery(packagedAssignment(config));
  frame.hidden = false;
  update();
}
