/**
 * `npm run keys:reencrypt` (`node dist/keys-reencrypt.js` in a container): the step after a key
 * rotation. Rewrites every encrypted value under the current DATA_ENCRYPTION_KEY (and binds older
 * values to their row); afterwards the old key may leave DATA_ENCRYPTION_OLD_KEYS. Safe to stop and
 * to run again. Exit 1 when a value could not be decrypted.
 */
import { ConfigError, loadConfig } from './core/config.js'
import { openDatabase } from './core/db/client.js'
import { createFieldCipher } from './core/security/crypto.js'
import { reencryptAll } from './core/security/reencrypt.js'

async function main(): Promise<number> {
  const config = loadConfig()
  const database = await openDatabase(config.databaseUrl)
  try {
    const cipher = createFieldCipher(config.dataEncryptionKey, config.dataEncryptionOldKeys)
    const report = await reencryptAll(database.db, cipher, {
      onBatch: (p) =>
        console.log(`${p.column}: ${p.scanned} scanned, ${p.reencrypted} re-encrypted (up to ${p.after})`),
    })
    console.log(
      `done: ${report.scanned} values scanned, ${report.reencrypted} re-encrypted under the current key`,
    )
    for (const f of report.failed) console.error(`could not decrypt ${f.column} of ${f.key}: left as it is`)
    if (report.legacyBannedIdentities > 0) {
      console.log(
        `${report.legacyBannedIdentities} banned identities are still hashed from an older DATA_ENCRYPTION_KEY ` +
          '(from before IDENTITY_HASH_KEY): keep the keys they were made with in DATA_ENCRYPTION_OLD_KEYS, ' +
          'or those people are no longer recognised',
      )
    }
    return report.failed.length > 0 ? 1 : 0
  } finally {
    await database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      err instanceof ConfigError
        ? err.message
        : `Re-encryption failed: ${err instanceof Error ? err.message : err}`,
    )
    process.exit(1)
  },
)
