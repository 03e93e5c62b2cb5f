#!/usr/bin/env node
/** LMS packages (SCORM 1.2) and offline static exports: see README ("LMS packages"). */
import { runPackage } from "../src/cli/package-command.ts";
import { createPackageIo } from "../src/cli/package-io.ts";

process.exitCode = runPackage(process.argv.slice(2), createPackageIo());
