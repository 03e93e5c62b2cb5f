import type { Exercise } from "../grader/exercise-schema.ts";
import { hash32 } from "../network-watcher/generated-ids.ts";
import type { Flow } from "../nsg/flow-schema.ts";

/**
 * The traffic a read-logs exercise's log records, in the order it happens: the flows its
 * questions ask about mixed with the background traffic, in an order fixed by the exercise's id
 * (the first tuples are not the first question's). The page and check:content both generate the
 * log from this list, so what is checked is what learners read.
 */
export interface LogTraffic {
  flows: Flow[];
  /** For each flow of `flows`: the expectation it is, or undefined for background traffic. */
  question: (number | undefined)[];
}

export function logTraffic(exercise: Exercise): LogTraffic {
  const entries = [
    ...exercise.expectations.map((e, i) => ({
      flow: e.flow,
      question: i,
      tag: `q${i}`,
    })),
    ...(exercise.log?.background ?? []).map((flow, j) => ({ flow, question: undefined, tag: `b${j}` })),
  ];
  const order = (tag: string) => hash32(`${exercise.id}:${tag}`);
  entries.sort((a, b) => order(a.tag) - order(b.tag));
  return { flows: entries.map((e) => e.flow), question: entries.map((e) => e.question) };
}
