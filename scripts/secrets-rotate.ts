// `npm run secrets:rotate`: after putting a new key first in SILKROUTE_ENCRYPTION_KEYS (README "Configuration"),
// re-encrypts every stored secret under it and prints the counts. Exits 1 when a secret could not be re-encrypted
// (its key was removed from the list too early): keep the old key listed until this reports 0 failed.
import "../app/server/require-config";
import db from "../app/db.server";
import { rotateSecrets } from "../app/server/security/secrets.server";

const report = await rotateSecrets();
console.log(`secrets:rotate active key ${report.activeKeyId}: ${report.total} stored, ${report.reencrypted} re-encrypted, ${report.current} already current, ${report.failed} failed`);
await db.$disconnect();
process.exit(report.failed > 0 ? 1 : 0);
