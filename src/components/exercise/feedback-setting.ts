import { feedbackLevelOf, type FeedbackLevel } from "../../lib/assignments/feedback-level.ts";

/**
 * How much this exercise may tell the learner: the one place the islands read it. A page that
 * limits feedback (the assignment page, from its link) says so on an ancestor's
 * `data-feedback-level`; everywhere else the answer is "full".
 */
export const feedbackLevelHere = (root: HTMLElement): FeedbackLevel =>
  feedbackLevelOf(root.closest<HTMLElement>("[data-feedback-level]")?.dataset.feedbackLevel);
