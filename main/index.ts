/** Electron's entry point (package.json "main" points at its compiled form). */
import { start } from './start.js';

start();
