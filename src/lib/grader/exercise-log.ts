import { hash32 } from "../network-watcher/generated-ids.ts";
import { vnetFlowLog, type VnetFlowLog } from "../network-watcher/vnet-flow-log.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import type { Flow } from "../nsg/flow-schema.ts";
import { fail, ok, type Result } from "../result.ts";
import type { Exercise } from "./exercise-schema.ts";

/**
 * The flow log a read-logs exercise gives its learner: the VNet flow log of its traffic, the
 * flows its questions ask about mixed with the background traffic in an order fixed by the
 * exercise's id (so the first tuples are not the first question's). The page and check:content
 * both take the log from here, so what is checked is what learners read.
 */
export interface ExerciseLog extends VnetFlowLog {
  /** For each flow of the log (a tuple's `flow`): the expectation it is, or undefined for background traffic. */
  question: (number | undefined)[];
}

export function logTraffic(exercise: Exercise): { flows: Flow[]; question: (number | undefined)[] } {
  const entries = [
    ...exercise.expectations.map((e, i) => ({ flow: e.flow, question: i, tag: `q${i}` })),
    ...(exercise.log?.background ?? []).map((flow, j) => ({ flow, question: undefined, tag: `b${j}` })),
  ];
  const order = (tag: string) => hash32(`${exercise.id}:${tag}`);
  entries.sort((a, b) => order(a.tag) - order(b.tag));
  return { flows: entries.map((e) => e.flow), question: entries.map((e) => e.question) };
}

/** The exercise's log; fails when a flow cannot be evaluated (path: the flow's place in the file). */
export function exerciseFlowLog(exercise: Exercise): Result<ExerciseLog> {
  const evaluator = createEvaluator(exercise.topology, exercise.subscription);
  if (!evaluator.ok) return fail(evaluator.errors.map((e) => ({ ...e, path: ["topology", ...e.path] })));
  const traffic = logTraffic(exercise);
  const log = vnetFlowLog(evaluator.value, traffic.flows, exercise.log?.start ?? "");
  if (!log.ok)
    return fail(
      log.errors.map((e) => {
        const at = Number(e.path[0]);
        const question = traffic.question[at];
        const background = at - traffic.question.slice(0, at).filter((q) => q !== undefined).length;
        return {
          ...e,
          path:
            question !== undefined ? ["expectations", question, "flow"] : ["log", "background", background],
        };
      }),
    );
  return ok({ ...log.value, question: traffic.question });
}
