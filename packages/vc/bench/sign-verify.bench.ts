import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
 * Each group of variants is measured in BENCH_ROUNDS rounds (default 3), the variants interleaved within
 * a round so that a load spike hits each of them, and each variant's median round is reported. Figures
 * are rates measured in the same run, so compare them as ratios. N: BENCH_N (default 300).
 */
const N = Number(process.env.BENCH_N ?? 300);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const created = '2026-01-15T09:00:00Z';
const now = new Date('2026-11-23T00:00:00Z');
const seed = new Uint8Array(createHash('sha256').update('microcred/bench').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key = createEd25519SigningKey({ secretKey: seed, id: `${did}#${did.slice(8)}`, controller: did });
const reference = await createReferenceSigner(seed);

type Run = (index: number) => Promise<unknown> | unknown;

// Every round starts on a collected heap, as JMH's iterations do: otherwise the old-generation garbage one
// variant leaves is collected in the next variant's round, and the reference stack's (megabytes a round)
// cost the variant measured after it up to a fifth of its rate.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function roundRate(run: Run, count: number): Promise<number> {
  collectGarbage();
  const start = process.hrtime.bigint();
  for (let index = 1; index <= count; index++) await run(index);
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median rates of interleaved rounds, printed and returned in the order given. */
async function rates(variants: Record<string, Run>, count = N): Promise<number[]> {
  const entries = Object.entries(variants);
  // Warm-up on several documents (context resolution, the JIT's optimizing tiers), so that the variant
  // measured first is not the one penalized.
  for (const [, run] of entries) for (let round = 0; round < 50; round++) await run(round % (count + 1));
  const measured = entries.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, run]] of entries.entries()) measured[index]?.push(await roundRate(run, count));
  }
  return entries.map(([label], index) => {
    const perSecond = median(measured[index] ?? []);
    console.log(`${label.padEnd(46)} ${perSecond.toFixed(1).padStart(10)} /s`);
    return perSecond;
  });
}

const credentials = Array.from({ length: N + 1 }, (_, index) => realisticCredential(index, did));
const size = Buffer.byteLength(JSON.stringify(credentials[1]));
console.log(
  `microcred sign/verify benchmark: N=${N} distinct OB 3.0 credentials of ~${size} bytes (unsigned JSON), ` +
    `median of ${ROUNDS} interleaved rounds\n`,
);

const canonizers = { fast: rdfcFastCanonizer, reference: rdfcReferenceCanonizer } as const;

function canonize(canonizer: Canonizer): Run {
  return (index) => canonizer.canonize(credentials[index] ?? {}, { documentLoader: bundledDocumentLoader });
}

function signInto(canonizer: Canonizer, into: Record<string, unknown>[]): Run {
  return async (index) => {
    into[index] = await addDataIntegrityProof({
      document: credentials[index] ?? {},
      key,
      created,
      canonizer,
    });
  };
}

function verifyWith(canonizer: Canonizer, signed: Record<string, unknown>[]): Run {
  return async (index) => {
    const document = signed[index] ?? {};
    const result = await verifyDataIntegrityProof({
      document,
      proof: proofsOf(document)[0],
      fetcher: refuseAllFetcher,
      now,
      canonizer,
    });
    if (!result.verified) throw new Error(`credential ${index} did not verify`);
  };
}

const ourSigned: Record<string, unknown>[] = [];
const ourSignedWithReference: Record<string, unknown>[] = [];
const theirSigned: Record<string, unknown>[] = [];
const [oursSign = 0, oursSignReference = 0, refSign = 0] = await rates({
  'microcred  sign   (fast canonizer)': signInto(canonizers.fast, ourSigned),
  'microcred  sign   (reference canonizer)': signInto(canonizers.reference, ourSignedWithReference),
  'reference  sign   (@digitalbazaar/vc 7)': async (index) => {
    theirSigned[index] = await reference.sign(credentials[index] ?? {}, created);
  },
});
// Both canonizers must have signed the very same N-Quads.
for (let index = 1; index <= N; index++) {
  const fast = proofsOf(ourSigned[index] ?? {})[0]?.proofValue;
  if (fast === undefined || fast !== proofsOf(ourSignedWithReference[index] ?? {})[0]?.proofValue) {
    throw new Error(`credential ${index}: the canonizers signed different data`);
  }
}
const [oursVerify = 0, oursVerifyReference = 0, refVerify = 0] = await rates({
  'microcred  verify (fast canonizer)': verifyWith(canonizers.fast, ourSigned),
  'microcred  verify (reference canonizer)': verifyWith(canonizers.reference, ourSigned),
  'reference  verify (@digitalbazaar/vc 7)': async (index) => {
    const result = await verifyWithReferenceStack(theirSigned[index] ?? {}, now);
    if (!result.verified) throw new Error(`credential ${index} did not verify in the reference stack`);
  },
});
const [fastCanonize = 0, referenceCanonize = 0] = await rates({
  'canonize only (fast canonizer)': canonize(canonizers.fast),
  'canonize only (reference canonizer)': canonize(canonizers.reference),
});

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const message = Buffer.alloc(64, 7);
const signature = sign(null, message, privateKey);
const [rawSign = 0, rawVerify = 0] = await rates(
  {
    'node:crypto Ed25519 sign (64-byte message)': () => sign(null, message, privateKey),
    'node:crypto Ed25519 verify': () => verify(null, message, publicKey, signature),
  },
  Math.max(N * 20, 2000),
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
