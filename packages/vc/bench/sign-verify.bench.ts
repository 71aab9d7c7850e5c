import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  addDataIntegrityProof,
  bundledDocumentLoader,
  type Canonizer,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
  proofsOf,
  rdfcFastCanonizer,
  rdfcReferenceCanonizer,
  refuseAllFetcher,
  verifyDataIntegrityProof,
} from '../src/index.js';
import { createReferenceSigner, verifyWithReferenceStack } from '../test/support/reference-stack.js';
import { realisticCredential } from './realistic-credential.js';

/**
 * Signs and verifies N distinct realistic OB 3.0 credentials in one process with our core (with the
 * fast canonizer, its default, and with the reference canonizer) and with the reference stack,
 * canonicalizes them alone with both canonizers, and measures raw node:crypto Ed25519 as the floor.
 * Figures are rates measured in the same run, so compare them as ratios. N: BENCH_N (default 300).
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
  // Warm-up on several documents (context resolution, the JIT's optimizing tiers), so that the variant
  // measured first is not the one penalized.
  for (let round = 0; round < 50; round++) await run(round % (count + 1));
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

const canonizers = { fast: rdfcFastCanonizer, reference: rdfcReferenceCanonizer } as const;

async function canonizeRate(label: string, canonizer: Canonizer): Promise<number> {
  return rate(label, async (index) => {
    await canonizer.canonize(credentials[index] ?? {}, { documentLoader: bundledDocumentLoader });
  });
}

async function signRate(
  label: string,
  canonizer: Canonizer,
  into: Record<string, unknown>[],
): Promise<number> {
  return rate(label, async (index) => {
    into[index] = await addDataIntegrityProof({
      document: credentials[index] ?? {},
      key,
      created,
      canonizer,
    });
  });
}

async function verifyRate(label: string, canonizer: Canonizer, signed: Record<string, unknown>[]) {
  return rate(label, async (index) => {
    const document = signed[index] ?? {};
    const result = await verifyDataIntegrityProof({
      document,
      proof: proofsOf(document)[0],
      fetcher: refuseAllFetcher,
      now,
      canonizer,
    });
    if (!result.verified) throw new Error(`credential ${index} did not verify`);
  });
}

const ourSigned: Record<string, unknown>[] = [];
const ourSignedWithReference: Record<string, unknown>[] = [];
const theirSigned: Record<string, unknown>[] = [];
const oursSign = await signRate('microcred  sign   (fast canonizer)', canonizers.fast, ourSigned);
const oursSignReference = await signRate(
  'microcred  sign   (reference canonizer)',
  canonizers.reference,
  ourSignedWithReference,
);
const refSign = await rate('reference  sign   (@digitalbazaar/vc 7)', async (index) => {
  theirSigned[index] = await reference.sign(credentials[index] ?? {}, created);
});
// Both canonizers must have signed the very same N-Quads.
for (let index = 1; index <= N; index++) {
  const fast = proofsOf(ourSigned[index] ?? {})[0]?.proofValue;
  if (fast === undefined || fast !== proofsOf(ourSignedWithReference[index] ?? {})[0]?.proofValue) {
    throw new Error(`credential ${index}: the canonizers signed different data`);
  }
}
const oursVerify = await verifyRate('microcred  verify (fast canonizer)', canonizers.fast, ourSigned);
const oursVerifyReference = await verifyRate(
  'microcred  verify (reference canonizer)',
  canonizers.reference,
  ourSigned,
);
const refVerify = await rate('reference  verify (@digitalbazaar/vc 7)', async (index) => {
  const result = await verifyWithReferenceStack(theirSigned[index] ?? {}, now);
  if (!result.verified) throw new Error(`credential ${index} did not verify in the reference stack`);
});

const fastCanonize = await canonizeRate('canonize only (fast canonizer)', canonizers.fast);
const referenceCanonize = await canonizeRate('canonize only (reference canonizer)', canonizers.reference);

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

const ratio = (a: number, b: number, digits = 2) => `${(a / b).toFixed(digits)}x`;
console.log('\nratios (same run):');
console.log(`  canonize: fast / reference canonizer = ${ratio(fastCanonize, referenceCanonize)}`);
console.log(
  `  sign:     fast / reference canonizer = ${ratio(oursSign, oursSignReference)}; ` +
    `microcred / @digitalbazaar = ${ratio(oursSign, refSign)}; floor (raw Ed25519) / microcred = ${ratio(rawSign, oursSign, 0)}`,
);
console.log(
  `  verify:   fast / reference canonizer = ${ratio(oursVerify, oursVerifyReference)}; ` +
    `microcred / @digitalbazaar = ${ratio(oursVerify, refVerify)}; floor (raw Ed25519) / microcred = ${ratio(rawVerify, oursVerify, 0)}`,
);
