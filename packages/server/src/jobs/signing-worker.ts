// The signing pool's worker thread (see signing-pool.ts); run only as a Worker's module.
import { parentPort } from 'node:worker_threads';
import { serveSigningRequests } from './serve-signing-requests.js';

if (parentPort === null) throw new Error('signing-worker.ts runs in a worker thread of the signing pool');
serveSigningRequests({ port: parentPort });
