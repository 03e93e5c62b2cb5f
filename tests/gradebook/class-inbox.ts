/**
 * A class's inbox as instructors get it, built with the functions the site downloads work with
 * (submission files, assignment files, result.json): learners who got it right, the mistakes
 * learners make (SSH left open to the internet, an NSG on the NICs instead of the subnet), a
 * forged score, a corrupt file, a file for an exercise that no longer exists, the same learner
 * twice, and a file that is not a submission. The unit tests, the browser journey and the bench
 * all grade it.
 */
import { readFileSync } from "node:fs";
import { assignmentGrade, gradeRulesFile } from "../../src/lib/autograding/exercise-grade.ts";
import { resultFile, resultFileText } from "../../src/lib/autograding/result-file.ts";
import {
  buildSubmission,
  predictWork,
  rulesWork,
  submissionText,
} from "../../src/lib/exercise-ui/submission-file.ts";
import type { RuleFormat } from "../../src/lib/formats/rule-document.ts";
import { gradeTopology, loadExercise, type Exercise } from "../../src/lib/grader/index.ts";

const at = new Date("2026-11-20T10:00:00.000Z");

function exercise(id: string): Exercise {
  const loaded = loadExercise(readFileSync(new URL(`../../graders/${id}.yaml`, import.meta.url), "utf8"));
  if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

const https = exercise("open-https-like-the-portal");
const subnet = exercise("protect-the-whole-subnet");
const ftp = exercise("ftp-active");
const predict = exercise("subnet-then-nic");
const rightAnswers = gradeTopology(predict, predict.topology).results.map(
  (r) => r.actual as "allow" | "deny",
);

/** One exercise's submission file, as its page's "Download submission file" writes it. */
function oneExercise(
  learner: string,
  exerciseId: string,
  rules: string,
  claimed?: [number, number],
  rulesFormat: RuleFormat = "azcli",
): string {
  return submissionText(
    buildSubmission({
      learner,
      work: [
        rulesWork({
          exercise: exerciseId,
          rulesFormat,
          rules,
          ...(claimed ? { result: { passed: claimed[0], failed: claimed[1] } } : {}),
        }),
      ],
      now: at,
    }),
  );
}

/** HTTPS opened as the task asks, plus SSH (the starter's port kept beside 443). */
const httpsAndSsh = https.solution!.replace(
  "--destination-port-ranges 443",
  "--destination-port-ranges 22 443",
);
/** HTTPS opened on every port: SSH and RDP open to the internet too. */
const everyPort = https.solution!.replace("--destination-port-ranges 443", "--destination-port-ranges '*'");
/** nsg-snet-web on both web NICs instead of their subnet; nsg-vm-test1 where it belongs. */
const nicOnly = [
  "az network nic update --resource-group rg-nsg-lab --name vm-web1-nic --network-security-group nsg-snet-web",
  "az network nic update --resource-group rg-nsg-lab --name vm-web2-nic --network-security-group nsg-snet-web",
  "az network nic update --resource-group rg-nsg-lab --name vm-test1-nic --network-security-group nsg-vm-test1",
].join("\n");

/** The assignment page's file: every exercise of "Week 3" in one file. */
function assignmentFile(learner: string): string {
  return submissionText(
    buildSubmission({
      learner,
      assignment: {
        title: "Week 3",
        exercises: [ftp.id, predict.id, https.id, "smtp-relay-on-587"],
      },
      work: [
        rulesWork({ exercise: ftp.id, rulesFormat: "azcli", rules: ftp.solution! }),
        predictWork({ exercise: predict.id, answers: rightAnswers }),
        rulesWork({ exercise: https.id, rulesFormat: "azcli", rules: https.solution! }),
      ],
      now: at,
    }),
  );
}

/** A grading run's result.json whose points were edited afterwards. */
function forgedResult(): string {
  const run = resultFile(
    assignmentGrade([gradeRulesFile(ftp, "rules/ftp-active.sh", ftp.starter!, "azcli", 10)]),
    { graderVersion: "0.1.0", now: at, source: { repository: "contoso/week3-ivan" } },
  );
  return resultFileText({
    ...run,
    score: 10,
    exercises: run.exercises.map((e) => ({ ...e, status: "complete", score: 10, passed: 8, failed: 0 })),
  });
}

/** path (relative to the folder an instructor picks) → file text. */
export function classInbox(): Record<string, string> {
  return {
    "inbox/ada/week-3-submission.json": assignmentFile("Ada Lovelace"),
    "inbox/bob/open-https-like-the-portal-submission.json": oneExercise("Bob Stone", https.id, httpsAndSsh),
    "inbox/bob/open-https-like-the-portal-submission (1).json": oneExercise(
      "bob stone",
      https.id,
      https.solution!,
    ),
    "inbox/carol/open-https-like-the-portal-submission.json": oneExercise("Carol Diaz", https.id, everyPort),
    "inbox/dan/protect-the-whole-subnet-submission.json": oneExercise("Dan Wu", subnet.id, nicOnly),
    "inbox/erin/protect-the-whole-subnet-submission.json": oneExercise("Erin Ng", subnet.id, nicOnly),
    "inbox/frank/ftp-active-submission.json": oneExercise(
      "Frank Li",
      ftp.id,
      ftp.solution!.replace("198.51.100.0/28", "Internet"),
      [8, 0],
    ),
    "inbox/grace/ftp-active-submission.json": '{ "format": "nsg-lab-submission", "version": 2, "work": [',
    "inbox/heidi/ftp-legacy-submission.json": oneExercise("Heidi Park", "ftp-legacy", ftp.solution!),
    "inbox/ivan/result.json": forgedResult(),
    "inbox/notes.txt": "Bob sent two files; Grace's upload failed.\n",
  };
}

/** The files of `classInbox` that are submissions, as many as `count`, each in a folder of its own. */
export function bulkInbox(count: number): Record<string, string> {
  const files = Object.entries(classInbox()).filter(([path]) => path.endsWith(".json"));
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const [path, text] = files[i % files.length]!;
    const name = path.slice(path.lastIndexOf("/") + 1);
    out[`inbox/learner-${String(i).padStart(4, "0")}/${name}`] = text;
  }
  return out;
}
