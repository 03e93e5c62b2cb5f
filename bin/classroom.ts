#!/usr/bin/env node
/** Generates an assignment repository (`npm run assignment-repo`, old name `npm run classroom`): see README ("Teaching on GitHub"). */
import { runClassroom } from "../src/cli/classroom-command.ts";

process.exitCode = runClassroom(process.argv.slice(2));
