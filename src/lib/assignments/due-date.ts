/**
 * An assignment's due date in words: how long is left on the learner's page, and how late a
 * hand-in was in the instructor's re-grade. The times are the learner's clock (a hand-in's
 * `savedAt` is when their browser wrote the file), so "late" is a flag to look at, not proof.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A duration in the two largest units that matter: "3 days 4 hours", "2 hours 5 minutes", "1 minute". */
export function durationText(milliseconds: number): string {
  const ms = Math.max(0, milliseconds);
  if (ms < MINUTE) return "less than a minute";
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0)
    return minutes > 0 ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  return plural(minutes, "minute");
}

export interface TimeLeft {
  past: boolean;
  /** "3 days 4 hours left" or "past due by 2 hours". */
  text: string;
}

export function timeLeft(dueIso: string, now: Date): TimeLeft {
  const left = Date.parse(dueIso) - now.getTime();
  return left > 0
    ? { past: false, text: `${durationText(left)} left` }
    : { past: true, text: `past due by ${durationText(-left)}` };
}

/**
 * How late a hand-in saved at `savedAt` is for an assignment due at `due`: "" when on time, when
 * there is no due date, or when either date cannot be read; else "late by 2 hours 5 minutes".
 */
export function lateness(savedAt: string, due: string | undefined): string {
  if (due === undefined) return "";
  const late = Date.parse(savedAt) - Date.parse(due);
  if (!Number.isFinite(late) || late <= 0) return "";
  return `late by ${durationText(late)}`;
}
