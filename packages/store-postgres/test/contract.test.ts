import { describeStoreContract } from '@ragtrail/core/testing';
import { freshStore, useTestServer } from './server/shared.js';

const server = useTestServer();

describeStoreContract('postgres (real server, one schema per test)', async () => ({ store: await freshStore(server) }));
