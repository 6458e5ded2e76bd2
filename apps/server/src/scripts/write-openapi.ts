import fs from 'node:fs';
import path from 'node:path';
import { CONTRACT_FILES, renderContract } from './api-contract.ts';

// `npm run api:generate`: writes docs/openapi.json and apps/web/src/api/schema.gen.ts from the routes.
const files = await renderContract();
fs.writeFileSync(CONTRACT_FILES.document, files.document);
fs.writeFileSync(CONTRACT_FILES.types, files.types);
for (const f of Object.values(CONTRACT_FILES)) console.log(`wrote ${path.relative(process.cwd(), f)}`);
