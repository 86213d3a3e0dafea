#!/usr/bin/env node
// npm run check: validate the content alone and print every problem at once.
import { runValidation } from '../src/io/run-validation.ts';

process.exitCode = runValidation('check') ? 0 : 1;
