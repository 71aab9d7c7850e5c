import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  addDataIntegrityProof,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
  proofsOf,
  refuseAllFetcher,
  verifyDataIntegrityProof,
} from '../src/index.js';
import { createReferenceSigner, verifyWithReferenceStack } from '../test/support/reference-stack.js';
import { realisticCredential } from './realistic-credential.js';

/**
 * Signs and verifies N distinct realistic OB 3.0 credentials in one process with our core and with the
 * reference stack, and measures raw node:crypto Ed25519 as the floor. Figures are rates measured in
 * the same run, so compare them as ratios. N: BENCH_N (default 300).
 */
const N = Number(process.env.BENCH_N ?? 300);
const created = '2026-01-15T09:00:00Z';
const now = new Date('2026-11-23T00:00:00Z');
const seed = new Uint8Array(createHash('sha256').update('microcred/bench').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key = createEd25519SigningKey({ secretKey: seed, id: `${did}#${did.slice(8)}`, controller: did });
const reference = await createReferenceSigner(seed);

async function rate(
  label: string,
  run: (index: number) => Promise<unknown> | unknown,
  count = N,
): Promise<number> {
  await run(0); // warm-up: context resolution, JIT
  const start = process.hrtime.bigint();
  for (let index = 1; index <= count; index++) await run(index);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = count / seconds;
  console.log(`${label.padEnd(46)} ${perSecond.toFixed(1).padStart(10)} /s`);
  return perSecond;
}

const credentials = Array.from({ length: N + 1 }, (_, index) => realisticCredential(index, did));
const size = Buffer.byteLength(JSON.stringify(credentials[1]));
console.log(
  `microcred sign/verify benchmark: N=${N} distinct OB 3.0 credentials of ~${size} bytes (unsigned JSON)\n`,
);

const ourSigned: Record<string, unknown>[] = [];
const theirSigned: Record<string, unknown>[] = [];
const oursSign = await rate('microcred  sign   (eddsa-rdfc-2022)', async (index) => {
  ourSigned[index] = await addDataIntegrityProof({ document: credentials[index] ?? {}, key, created });
});
const refSign = await rate('reference  sign   (@digitalbazaar/vc 7)', async (index) => {
  theirSigned[index] = await reference.sign(credentials[index] ?? {}, created);
});
const oursVerify = await rate('microcred  verify (eddsa-rdfc-2022)', async (index) => {
  const document = ourSigned[index] ?? {};
  const result = await verifyDataIntegrityProof({
    document,
    proof: proofsOf(document)[0],
    fetcher: refuseAllFetcher,
    now,
  });
  if (!result.verified) throw new Error(`credential ${index} did not verify`);
});
const refVerify = await rate('reference  verify (@digitalbazaar/vc 7)', async (index) => {
  const result = await verifyWithReferenceStack(theirSigned[index] ?? {}, now);
  if (!result.verified) throw new Error(`credential ${index} did not verify in the reference stack`);
});

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const message = Buffer.alloc(64, 7);
const signature = sign(null, message, privateKey);
const rawCount = Math.max(N * 20, 2000);
const rawSign = await rate(
  'node:crypto Ed25519 sign (64-byte message)',
  () => sign(null, message, privateKey),
  rawCount,
);
const rawVerify = await rate(
  'node:crypto Ed25519 verify',
  () => verify(null, message, publicKey, signature),
  rawCount,
);

console.log('\nratios (same run):');
console.log(
  `  sign:   microcred / reference = ${(oursSign / refSign).toFixed(2)}x; floor (raw Ed25519) / microcred = ${(rawSign / oursSign).toFixed(0)}x`,
);
console.log(
  `  verify: microcred / reference = ${(oursVerify / refVerify).toFixed(2)}x; floor (raw Ed25519) / microcred = ${(rawVerify / oursVerify).toFixed(0)}x`,
);
