import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_org.ts';
import * as m0003 from './migrations/0003_documents.ts';
import * as m0004 from './migrations/0004_pathways.ts';
import * as m0005 from './migrations/0005_legal_settings.ts';
import * as m0006 from './migrations/0006_dossiers.ts';
import * as m0007 from './migrations/0007_facility.ts';
import * as m0008 from './migrations/0008_community.ts';
import * as m0009 from './migrations/0009_perf_indexes.ts';
import * as m0010 from './migrations/0010_reports.ts';
import * as m0011 from './migrations/0011_search_worklist_indexes.ts';
import * as m0012 from './migrations/0012_people_scope_name_indexes.ts';
import * as m0013 from './migrations/0013_report_indexes.ts';
import * as m0014 from './migrations/0014_analyze.ts';
import * as m0015 from './migrations/0015_drug_free_communes.ts';
import * as m0017 from './migrations/0017_facility_corrections.ts';
import * as m0018 from './migrations/0018_report_cutoff.ts';
import * as m0019 from './migrations/0019_substance_declarations.ts';
import * as m0020 from './migrations/0020_electronic_monitoring.ts';
import * as m0021 from './migrations/0021_facility_licences.ts';
import * as m0022 from './migrations/0022_determination_doctor.ts';
import * as m0023 from './migrations/0023_criminal_256a_case.ts';
import * as m0024 from './migrations/0024_rule_override_authority.ts';
import * as m0026 from './migrations/0026_volunteer_model_rules.ts';
import * as m0027 from './migrations/0027_status_history.ts';
import * as m0028 from './migrations/0028_areas.ts';
import * as m0029 from './migrations/0029_decisions.ts';
import * as m0030 from './migrations/0030_imports.ts';
import * as m0031 from './migrations/0031_user_phone.ts';
import * as m0032 from './migrations/0032_person_units.ts';
import * as m0033 from './migrations/0033_cold_figure_indexes.ts';
import * as m0034 from './migrations/0034_security.ts';
import * as m0035 from './migrations/0035_second_factor.ts';
import * as m0036 from './migrations/0036_idempotency_keys.ts';
import * as m0037 from './migrations/0037_figure_aggregates.ts';
import * as m0038 from './migrations/0038_several_servers.ts';
import * as m0039 from './migrations/0039_pg_name_words.ts';
import * as m0040 from './migrations/0040_person_days.ts';
import * as m0041 from './migrations/0041_facility_days.ts';
import * as m0042 from './migrations/0042_status_checkpoint_days.ts';
import * as m0043 from './migrations/0043_facility_release_days.ts';
import * as m0044 from './migrations/0044_aggregate_refresh_locks.ts';

// Static list rather than a folder scan: works the same under tsx, vitest and a bundle.
// Add each new migration here, in order.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_org': m0002,
  '0003_documents': m0003,
  '0004_pathways': m0004,
  '0005_legal_settings': m0005,
  '0006_dossiers': m0006,
  '0007_facility': m0007,
  '0008_community': m0008,
  '0009_perf_indexes': m0009,
  '0010_reports': m0010,
  '0011_search_worklist_indexes': m0011,
  '0012_people_scope_name_indexes': m0012,
  '0013_report_indexes': m0013,
  '0014_analyze': m0014,
  '0015_drug_free_communes': m0015,
  '0017_facility_corrections': m0017,
  '0018_report_cutoff': m0018,
  '0019_substance_declarations': m0019,
  '0020_electronic_monitoring': m0020,
  '0021_facility_licences': m0021,
  '0022_determination_doctor': m0022,
  '0023_criminal_256a_case': m0023,
  '0024_rule_override_authority': m0024,
  '0026_volunteer_model_rules': m0026,
  '0027_status_history': m0027,
  '0028_areas': m0028,
  '0029_decisions': m0029,
  '0030_imports': m0030,
  '0031_user_phone': m0031,
  '0032_person_units': m0032,
  '0033_cold_figure_indexes': m0033,
  '0034_security': m0034,
  '0035_second_factor': m0035,
  '0036_idempotency_keys': m0036,
  '0037_figure_aggregates': m0037,
  '0038_several_servers': m0038,
  '0039_pg_name_words': m0039,
  '0040_person_days': m0040,
  '0041_facility_days': m0041,
  '0042_status_checkpoint_days': m0042,
  '0043_facility_release_days': m0043,
  '0044_aggregate_refresh_locks': m0044,
};

/** Brings the database to the latest schema; throws on the first failed migration. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Migrations are developed in parallel; a later-numbered one may land before an earlier one.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
}
