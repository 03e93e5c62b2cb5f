#!/usr/bin/env node
/** Grader CLI for instructors and autograding: see README ("Grading from the command line"). */
import { runGrade } from "../src/cli/grade-command.ts";

process.exitCode = runGrade(process.argv.slice(2));
