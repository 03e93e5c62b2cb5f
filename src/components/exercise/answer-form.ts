/**
 * What the exercises answered without the editor share (predict, read-logs): a form of questions
 * answered in place, saved as each answer is given, checked on submit, revealed one question at a
 * time, recorded as passed when complete and handed in as a file. Each kind brings its pure
 * session (src/lib/exercise-ui), its grader and its view; this wires them to the page.
 */
import type { Result } from "../../lib/result.ts";
import { joinMessages } from "../../lib/result.ts";
import { browserStore, type Store } from "../../lib/store/store.ts";
import { EXERCISE_PASSED_EVENT, recordPass } from "../../lib/exercise-ui/exercise-progress.ts";
import { showsCompletion, type FeedbackLevel } from "../../lib/assignments/feedback-level.ts";
import type { Work } from "../../lib/exercise-ui/submission-file.ts";
import { wireAnswersHandIn } from "./answers-hand-in.ts";
import { feedbackLevelHere } from "./feedback-setting.ts";
import type { AnswerTrigger } from "./answer-trigger.ts";

/** What both graders report: invalid (the network could not be evaluated) or a pass per question. */
interface AnswersReport {
  status: "graded" | "invalid";
  results: readonly { pass: boolean }[];
  passed: number;
  failed: number;
}

export interface AnswerKind<Session, Answers, Report extends AnswersReport> {
  /** The answers saved in this browser, if any, for `count` questions. */
  saved: (store: Store, count: number) => Session | undefined;
  start: (count: number) => Session;
  /** Shows a saved answer in question `item` (the saved answers win over the browser's form restore). */
  show: (item: HTMLElement, session: Session, i: number) => void;
  /** The answer question `item` holds now. */
  answer: (session: Session, i: number, item: HTMLElement) => Session;
  check: (session: Session, passes: readonly boolean[]) => Session;
  reveal: (session: Session, i: number) => Session;
  isComplete: (session: Session, passes: readonly boolean[]) => boolean;
  neverChecked: (session: Session) => boolean;
  answersOf: (session: Session) => Answers;
  grade: (answers: Answers) => Report;
  save: (store: Store, session: Session) => Result<unknown>;
  render: (
    item: HTMLElement,
    i: number,
    session: Session,
    report: Report | undefined,
    feedback: FeedbackLevel,
  ) => void;
  scoreText: (session: Session, passes: readonly boolean[], feedback: FeedbackLevel) => string | undefined;
  /** The submission file's work: the answers, and what this page graded them. */
  work: (input: { exercise: string; answers: Answers; result?: { passed: number; failed: number } }) => Work;
}

export function mountAnswerForm<Session, Answers, Report extends AnswersReport>(
  kind: AnswerKind<Session, Answers, Report>,
  exerciseId: string,
  root: HTMLElement,
  form: HTMLFormElement,
  trigger: AnswerTrigger,
): void {
  const items = [...root.querySelectorAll<HTMLElement>("[data-check]")];
  const score = root.querySelector<HTMLElement>("[data-score]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  const store = browserStore();
  // An assignment may limit what the answers say (feedback-level.ts): full, verdict or none.
  const feedback = feedbackLevelHere(root);

  let session = kind.saved(store, items.length) ?? kind.start(items.length);
  if (trigger === "restore") items.forEach((item, i) => kind.show(item, session, i));
  else items.forEach((item, i) => (session = kind.answer(session, i, item)));

  let report: Report | undefined;
  const grade = (): Report | undefined => {
    report = kind.grade(kind.answersOf(session));
    if (report.status !== "invalid") return report;
    if (score) score.textContent = "This exercise's network could not be evaluated; please report it.";
    return undefined;
  };
  const passes = () => (report?.results ?? []).map((r) => r.pass);

  const save = () => {
    const written = kind.save(store, session);
    if (status) status.textContent = written.ok ? "" : joinMessages(written.errors, " ");
  };
  const renderItem = (i: number) => {
    const item = items[i];
    if (item) kind.render(item, i, session, report, feedback);
  };
  const renderAll = () => {
    items.forEach((_, i) => renderItem(i));
    const text = kind.scoreText(session, passes(), feedback);
    if (score && text !== undefined) score.textContent = text;
  };
  const showStatus = () => {
    root.dataset.status = !showsCompletion(feedback)
      ? "saved"
      : kind.isComplete(session, passes())
        ? "passed"
        : "failing";
  };

  const onCheck = () => {
    if (!grade()) return;
    session = kind.check(session, passes());
    save();
    renderAll();
    showStatus();
    if (!kind.isComplete(session, passes())) return;
    const result = recordPass(store, exerciseId);
    if (!result.ok && status)
      status.textContent = `Exercise complete, but this browser would not record the pass (${result.errors[0]!.message}).`;
    document.dispatchEvent(new CustomEvent(EXERCISE_PASSED_EVENT, { detail: { id: exerciseId } }));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onCheck();
  });
  form.addEventListener("change", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>("[data-check]");
    const i = item ? items.indexOf(item) : -1;
    if (!item || i < 0) return;
    session = kind.answer(session, i, item);
    save();
    renderItem(i);
  });
  form.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-show-answer]");
    if (!button) return;
    const i = Number(button.dataset.showAnswer);
    session = kind.reveal(session, i);
    save();
    renderAll();
    // The button is gone: keep the keyboard on the answer it asked for.
    const box = items[i]?.querySelector<HTMLElement>("[data-check-result]");
    if (box) {
      box.tabIndex = -1;
      box.focus();
    }
  });

  wireAnswersHandIn(root, exerciseId, () => {
    const answers = kind.answersOf(session);
    const graded = kind.grade(answers);
    return kind.work({
      exercise: exerciseId,
      answers,
      ...(graded.status === "graded" ? { result: { passed: graded.passed, failed: graded.failed } } : {}),
    });
  });

  if (trigger === "submit") onCheck();
  else if (trigger === "restore" && grade()) {
    renderAll();
    if (!kind.neverChecked(session)) showStatus();
  } else if (trigger === "change") save();
}
