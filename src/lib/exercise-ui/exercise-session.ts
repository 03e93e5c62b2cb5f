import type { Exercise } from "../grader/exercise-schema.ts";
import { isComplete, type GradeReport } from "../grader/report.ts";
import { joinMessages } from "../result.ts";
import {
  Autosaver,
  saveStatus,
  timeOf,
  type SaveOutcome,
  type SaveStatus as StoreSaveStatus,
  type SaveWords,
} from "../store/autosaver.ts";
import {
  DRAFT,
  DRAFT_HISTORY,
  keepInHistory,
  makeDraft,
  restoreFromHistory,
  type Draft,
  type KeptBecause,
  type KeptDraft,
} from "../store/records/draft.ts";
import type { Store } from "../store/store.ts";
import { recordAttempt, recordPass, resultOf, readExerciseResults } from "./exercise-progress.ts";
import { starterRules, type EditorRules } from "./island-data.ts";
import { decodeShareHash, encodeShareHash, linkTarget, type ShareEncode } from "./share-link.ts";

/**
 * One learner's session with an author-rules exercise, without the DOM: which rules the editor
 * starts with (a shared link, the saved draft, the starter), saving as they type (and noticing
 * another tab's saves), earlier versions kept before anything replaces the rules, and what a
 * grade means for their progress. The island (src/components/exercise/editor-island.ts) shows it.
 */

export type NoticeKind = "info" | "warning" | "error";
export interface Notice {
  kind: NoticeKind;
  text: string;
}

/** Where the editor's first rules come from, and what the learner should be told. */
export interface Start {
  rules: EditorRules;
  from: "link" | "draft" | "starter";
  notices: Notice[];
  /** A link whose rules differ from the saved draft: ask before loading it (`acceptLink`). */
  pendingLink?: EditorRules;
}

/** What saving did, in words for the status line beside the editor. */
export type SaveStatus = StoreSaveStatus<Draft>;

/** What a grade changed in the learner's progress. */
export interface GradeEffect {
  /** The pass was recorded now (first time this session). */
  passRecorded: boolean;
  /** Said when the pass could not be recorded (storage full or blocked). */
  problem?: string;
}

const SAVE_WORDS: SaveWords<Draft, Draft> = {
  theirs: (draft) => draft,
  conflict: (draft) =>
    `Not saved: this exercise was changed in another tab or window at ${timeOf(new Date(draft.savedAt))}. Choose which version to keep.`,
  full: "Browser storage is full, so your latest rules were not saved. They are still in the editor: download them or free some space.",
  failed: (message) =>
    `Your rules could not be saved (${message}). They are still in the editor: download them to keep them.`,
};

export class ExerciseSession {
  readonly exercise: Exercise;
  readonly #store: Store;
  readonly #drafts: Autosaver<Draft>;
  #attemptRecorded = false;
  #passRecorded = false;

  constructor(exercise: Exercise, store: Store) {
    this.exercise = exercise;
    this.#store = store;
    this.#drafts = new Autosaver(store, DRAFT, exercise.id);
  }

  get starter(): EditorRules {
    return starterRules(this.exercise);
  }

  /** The key the draft lives under, for the island's `storage` listener. */
  get draftKey(): string {
    return this.#drafts.key;
  }

  /**
   * Decides the first rules: a link meant for this exercise, else the saved draft, else the
   * starter. `exercisesOnPage` lets a link on a page of several exercises find its own.
   */
  start(hash: string, exercisesOnPage: readonly string[]): Start {
    const notices: Notice[] = [];
    const saved = this.#drafts.load();
    if (saved.status === "corrupt") {
      const moved = this.#store.keepAside(DRAFT, this.exercise.id);
      notices.push({
        kind: "warning",
        text:
          `Your saved rules for this exercise could not be read (${saved.message}), so the editor starts from the starter.` +
          (moved ? ` The damaged copy was kept in this browser's storage under “${saved.backupKey}”.` : ""),
      });
    } else if (saved.status === "unavailable") {
      notices.push({
        kind: "warning",
        text: `${saved.message} Your rules will stay in the editor while this page is open; download them to keep them.`,
      });
    }
    const draft = saved.status === "ok" ? saved.value : undefined;
    const start: Start = draft
      ? { rules: { text: draft.text, format: draft.format }, from: "draft", notices }
      : { rules: this.starter, from: "starter", notices };

    const shared = decodeShareHash(hash);
    if (!shared.ok) {
      notices.push({ kind: "warning", text: joinMessages(shared.errors, " ") });
      return start;
    }
    const link = shared.value;
    if (!link) return start;
    const target = linkTarget(link, exercisesOnPage);
    if (!target.ok || target.value !== this.exercise.id) return start;
    const rules = { text: link.text, format: link.format };
    if (draft && (draft.text !== link.text || draft.format !== link.format))
      return { ...start, pendingLink: rules };
    notices.push({ kind: "info", text: "Loaded the rules from the link." });
    return { rules, from: "link", notices };
  }

  /** The learner chose the link's rules over their saved draft, which stays restorable. */
  acceptLink(current: EditorRules, link: EditorRules): Start {
    this.keepVersion(current, "link");
    return {
      rules: link,
      from: "link",
      notices: [
        {
          kind: "info",
          text: "Loaded the rules from the link. Your own rules are under “Earlier versions”.",
        },
      ],
    };
  }

  /** Saves the rules as typed, unless another tab saved this exercise since. */
  save(rules: EditorRules, now: Date = new Date()): SaveStatus {
    return this.#status(this.#drafts.save(makeDraft(rules.text, rules.format, now), now));
  }

  #status(outcome: SaveOutcome<Draft>): SaveStatus {
    return saveStatus(outcome, SAVE_WORDS);
  }

  /** A `storage` event: another tab's version, when it differs from what this tab saved. */
  foreignChange(key: string | null, newValue: string | null): Draft | undefined {
    return this.#drafts.isForeignChange(key, newValue) ? this.#drafts.theirs() : undefined;
  }

  /** The learner keeps this tab's rules over the other tab's (which stay restorable). */
  keepMine(rules: EditorRules, theirs: Draft, now: Date = new Date()): SaveStatus {
    this.keepVersion({ text: theirs.text, format: theirs.format }, "other-tab", new Date(theirs.savedAt));
    return this.#status(this.#drafts.keepMine(makeDraft(rules.text, rules.format, now), now));
  }

  /** The learner takes the other tab's rules; this tab's stay restorable. */
  takeTheirs(current: EditorRules): EditorRules | undefined {
    const theirs = this.#drafts.theirs();
    if (!theirs) return undefined;
    this.keepVersion(current, "other-tab");
    this.#drafts.adoptStored();
    return { text: theirs.text, format: theirs.format };
  }

  /** Earlier versions, newest first. */
  history(): KeptDraft[] {
    return this.#store.valueOf(DRAFT_HISTORY, this.exercise.id).entries;
  }

  /** Keeps `rules` among the earlier versions before something replaces them; false if it could not. */
  keepVersion(rules: EditorRules, because: KeptBecause, at: Date = new Date()): boolean {
    const draft = makeDraft(rules.text, rules.format, at);
    return this.#store.update(DRAFT_HISTORY, (h) => keepInHistory(h, draft, because), this.exercise.id).ok;
  }

  /** Brings back earlier version `index`; the current rules take its place in the list. */
  restore(index: number, current: EditorRules): EditorRules | undefined {
    const history = this.#store.valueOf(DRAFT_HISTORY, this.exercise.id);
    const swapped = restoreFromHistory(history, index, makeDraft(current.text, current.format));
    if (!swapped) return undefined;
    this.#store.write(DRAFT_HISTORY, swapped.history, this.exercise.id);
    return { text: swapped.restored.text, format: swapped.restored.format };
  }

  /** Records what a grade means: an attempt (work of the learner's own) and a pass. */
  graded(report: GradeReport, rules: EditorRules, now: Date = new Date()): GradeEffect {
    const effect: GradeEffect = { passRecorded: false };
    const own = rules.text !== this.starter.text;
    if (own && !this.#attemptRecorded && report.status !== "invalid") {
      this.#attemptRecorded = recordAttempt(this.#store, this.exercise.id, now).ok;
    }
    if (!isComplete(report) || this.#passRecorded) return effect;
    const recorded = recordPass(this.#store, this.exercise.id, now);
    if (!recorded.ok) {
      effect.problem = `Exercise complete, but this browser would not record the pass (${recorded.errors[0]!.message}). Download your rules to keep proof of it.`;
      return effect;
    }
    this.#passRecorded = true;
    effect.passRecorded = true;
    return effect;
  }

  /** When the learner passed this exercise before (ISO 8601), if they did. */
  passedBefore(): string | undefined {
    const results = readExerciseResults(this.#store);
    return results.ok ? resultOf(results.value, this.exercise.id).passedAt : undefined;
  }

  shareHash(rules: EditorRules): ShareEncode {
    return encodeShareHash({ ...rules, exercise: this.exercise.id });
  }
}
