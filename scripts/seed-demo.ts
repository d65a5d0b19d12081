/**
 * npm run seed:demo — loads the original product's sample data into the same database the app
 * uses on this machine (DATABASE_URL, else this station's saved choice, else the embedded one).
 * What already exists is kept; the demo admin must change its password at first sign-in.
 */
import { createCore } from '../electron/core/create-core';
import { defaultUserDataDir } from '../electron/core/paths';
import { coreConfigFor } from '../electron/core/startup-config';
import { loadDemoData } from '../electron/setup/setup.service';
import { DEMO_ADMIN } from '../electron/setup/demo-data';

const userData = defaultUserDataDir();
const core = await createCore(coreConfigFor(userData));
try {
  const station = core.ctx.settings.read().stationName;
  const result = await loadDemoData(core.ctx, { actorId: null, actorEmail: 'seed:demo', station, surface: 'workstation' }, { onlyWhenEmpty: false });
  console.log(`Demo data loaded into ${core.ctx.dbHandle.description}.`);
  console.log(`Workshops added: ${result.workshops}. Sign in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password} (you will choose a new password).`);
} finally {
  await core.close();
}
