/** What brought an answer form's island in (predict, read-logs): saved answers to show, or the learner's first answer or Check. */
export type AnswerTrigger = "restore" | "change" | "submit";
