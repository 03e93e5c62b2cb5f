#!/usr/bin/env node
/** Generates a GitHub Classroom starter repository: see README ("Teaching with GitHub Classroom"). */
import { runClassroom } from "../src/cli/classroom-command.ts";

process.exitCode = runClassroom(process.argv.slice(2));
