/**
 * The one script every page runs before `load` (BaseLayout): what the learner sees at once
 * (the checkmarks of completed lessons, the phone's "All lessons" button, wide tables reachable
 * by keyboard) and the hand-over to the page's islands, which arrive after `load` or at the
 * learner's first use of one (deferred-islands.ts). Saved progress is checked by hand
 * (store/records/lesson-progress.ts), so no schema library loads with the page.
 */
import { setupLessonNav } from "./lesson-nav.ts";
import { showProgressMarks } from "./progress-marks.ts";
import { startDeferredIslands } from "./deferred-islands.ts";
import { setupLessonTables } from "./lesson-tables.ts";

showProgressMarks();
setupLessonNav();
setupLessonTables();
startDeferredIslands();
