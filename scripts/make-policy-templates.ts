// `npm run policy-templates`: writes the Group Policy templates (scripts/policy-templates.ts).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { policyTemplateFiles } from './policy-templates.js';

const root = resolve(import.meta.dirname, '..');
for (const [path, text] of Object.entries(policyTemplateFiles())) writeFileSync(join(root, path), text);
console.log('policy-templates: wrote deploy/desktop-policy/windows');
