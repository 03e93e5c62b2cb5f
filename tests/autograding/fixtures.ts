import {
  gradeRulesFile,
  ungradedExercise,
  type ExerciseGrade,
} from "../../src/lib/autograding/exercise-grade.ts";
import { issue } from "../../src/lib/result.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";

/**
 * Real grades of ftp-active, one per outcome a grading run reports: the reference answer, a
 * rule open to every source (a failing check decided by the learner's rule), rules that do not
 * validate, the over-permissive answer that passes every check and differs from the reference,
 * and no rules file at all.
 */
export const ftp = exerciseFile("ftp-active.yaml");

export const OVER_PERMISSIVE = `az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest \\
  --name Allow-FTP-Control-Studio --priority 200 --direction Inbound --access Allow --protocol Tcp \\
  --source-address-prefixes 198.51.100.5 --source-port-ranges '*' \\
  --destination-address-prefixes '*' --destination-port-ranges 21 23-65535
`;

export const graded = {
  passing: (): ExerciseGrade => gradeRulesFile(ftp, "rules/ftp-active.json", json([ftpRule()]), "json", 10),
  failing: (): ExerciseGrade =>
    gradeRulesFile(ftp, "rules/ftp-active.json", json([ftpRule({ sourceAddressPrefix: "*" })]), "json", 10),
  unparseable: (): ExerciseGrade =>
    gradeRulesFile(
      ftp,
      "rules/ftp-active.json",
      '{ "nsg-snet-ingest": [ { "name": "x", "priority": 1 } ] }',
      "json",
      10,
    ),
  differing: (): ExerciseGrade => gradeRulesFile(ftp, "rules/ftp-active.sh", OVER_PERMISSIVE, "azcli", 10),
  missing: (): ExerciseGrade =>
    ungradedExercise(ftp, "rules/ftp-active.sh", 10, [
      issue(
        "missing-rules-file",
        'No rules file for "Open active FTP to the video-ingest VM": add rules/ftp-active.sh.',
      ),
    ]),
};
