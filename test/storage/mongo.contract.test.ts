import { randomUUID } from 'node:crypto';
import { openStore } from '../../storage/appStore';
import { MongoBackend } from '../../storage/mongo/mongoBackend';
import { storeContract } from './storeContract';

const uri = process.env.MONGODB_URI;

if (!uri) {
  // Visible in every run: a skipped backend must never look like a passing one.
  console.warn('MongoDB store contract SKIPPED: set MONGODB_URI (e.g. mongodb://127.0.0.1:27017) to run it.');
  describe('MongoDB store contract', () => {
    it.skip('skipped: MONGODB_URI is not set', () => {});
  });
} else {
  describe('MongoDB store contract', () => {
    storeContract(async () => {
      const db = `send_mediation_test_${randomUUID().slice(0, 8)}`;
      const open = () => openStore({ kind: 'mongodb', uri, db });
      return { store: await open(), reopen: open, raw: () => MongoBackend.open(uri, db) };
    });
  });
}
