import { createPublicKey, verify as opensslVerify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../credential/test-credentials.js';
import { ErrorCode } from '../error/index.js';
import { didKeyDocument, didKeyFromPublicKey, parseDidKey } from './did-key.js';
import {
  assertEd25519PublicKey,
  ED25519_SMALL_ORDER_POINTS,
  ed25519SignatureProblem,
  generateEd25519KeyPair,
  importEd25519PublicKey,
  signEd25519,
  verifyEd25519,
} from './ed25519.js';
import { encodeMultikeyPublic } from './multikey.js';
import { findVerificationMethod } from './resolve-verification-method.js';

// A tiny, slow, independent Edwards-curve implementation (RFC 8032 §5.1), only to check the constants.
const P = (1n << 255n) - 19n;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const mod = (value: bigint) => ((value % P) + P) % P;
function pow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let square = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % P;
    square = (square * square) % P;
  }
  return result;
}
const inverse = (value: bigint) => pow(value, P - 2n);
const D = mod(-121665n * inverse(121666n));
const SQRT_M1 = pow(2n, (P - 1n) / 4n);
type Point = readonly [bigint, bigint];
const IDENTITY: Point = [0n, 1n];

function decodePoint(hex: string): Point | undefined {
  const bytes = Buffer.from(hex, 'hex');
  const sign = (bytes[31] ?? 0) >> 7;
  bytes[31] = (bytes[31] ?? 0) & 0x7f;
  const y = mod(BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`));
  const xx = mod((y * y - 1n) * inverse(D * y * y + 1n));
  let x = pow(xx, (P + 3n) / 8n);
  if (mod(x * x - xx) !== 0n) x = mod(x * SQRT_M1);
  if (mod(x * x - xx) !== 0n) return undefined;
  if (Number(x & 1n) !== sign) x = mod(-x);
  return [x, y];
}

function add([x1, y1]: Point, [x2, y2]: Point): Point {
  const t = mod(D * x1 * x2 * y1 * y2);
  return [mod((x1 * y2 + x2 * y1) * inverse(1n + t)), mod((y1 * y2 + x1 * x2) * inverse(1n - t))];
}

function orderOf(point: Point): number | undefined {
  let multiple = point;
  for (let n = 1; n <= 8; n += 1) {
    if (multiple[0] === IDENTITY[0] && multiple[1] === IDENTITY[1]) return n;
    multiple = add(multiple, point);
  }
  return undefined;
}

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const littleEndian = (value: bigint) => bytes(value.toString(16).padStart(64, '0')).reverse();
/** R = the identity point, S = 0: OpenSSL accepts it for every message under the identity key. */
const IDENTITY_SIGNATURE = new Uint8Array(64);
IDENTITY_SIGNATURE[0] = 1;
// The non-canonical encodings of small-order points: y + p (for y < 19) and the sign bit on x = 0.
const NON_CANONICAL_SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000080', // identity, sign bit set
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', // (0, -1), sign bit set
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p (= 0)
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1 (= identity)
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
];

describe('Ed25519 small-order and non-canonical points', () => {
  it('lists exactly the eight points of small order, each once (8·P = identity)', () => {
    const points = ED25519_SMALL_ORDER_POINTS.map(decodePoint);
    expect(points.every((point) => point !== undefined)).toBe(true);
    const orders = points.map((point) => (point === undefined ? undefined : orderOf(point)));
    expect(orders.sort()).toEqual([1, 2, 4, 4, 8, 8, 8, 8]);
    const distinct = new Set(points.map((point) => `${point?.[0]},${point?.[1]}`));
    expect(distinct.size).toBe(8);
    // The variants decode to the same small-order points, so each would be just as dangerous if accepted.
    for (const hex of NON_CANONICAL_SMALL_ORDER) {
      const point = decodePoint(hex);
      expect(point === undefined ? undefined : orderOf(point), hex).toBeLessThanOrEqual(8);
    }
    const honest = decodePoint(
      Buffer.from(generateEd25519KeyPair(new Uint8Array(32).fill(5)).publicKey).toString('hex'),
    );
    expect(honest === undefined ? 0 : orderOf(honest)).toBeUndefined();
  });

  it('shows why: OpenSSL alone accepts R = identity, S = 0 for any message under the identity key', () => {
    const spki = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      bytes(ED25519_SMALL_ORDER_POINTS[0] ?? ''),
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(opensslVerify(null, Buffer.from('any message at all'), key, IDENTITY_SIGNATURE)).toBe(true);
    expect(() => verifyEd25519(key, Buffer.from('any message at all'), IDENTITY_SIGNATURE)).toThrow(
      /small-order/,
    );
  });

  it.each(ED25519_SMALL_ORDER_POINTS)('refuses the small-order key %s with INVALID_KEY', (hex) => {
    const key = bytes(hex);
    expect(thrownCode(() => verifyEd25519(key, Buffer.from('message'), IDENTITY_SIGNATURE))).toBe(
      ErrorCode.INVALID_KEY,
    );
    expect(thrownCode(() => importEd25519PublicKey(key))).toBe(ErrorCode.INVALID_KEY);
    expect(thrownCode(() => parseDidKey(`did:key:${encodeMultikeyPublic(key)}`))).toBe(ErrorCode.INVALID_KEY);
  });

  it.each(NON_CANONICAL_SMALL_ORDER)('refuses the non-canonical encoding %s with INVALID_KEY', (hex) => {
    expect(thrownCode(() => assertEd25519PublicKey(bytes(hex)))).toBe(ErrorCode.INVALID_KEY);
    expect(() => assertEd25519PublicKey(bytes(hex))).toThrow(/non-canonical/);
  });

  it('refuses any public key with y ≥ p, and one that is not on the curve', () => {
    const honest = generateEd25519KeyPair(new Uint8Array(32).fill(9)).publicKey;
    const y = BigInt(`0x${Buffer.from(honest).reverse().toString('hex')}`) & ((1n << 255n) - 1n);
    // y + p fits in 255 bits only for y < 19, so take y = 2^255 - 1 (y - p = 18) and p + 2.
    for (const value of [(1n << 255n) - 1n, P + 2n]) {
      expect(() => assertEd25519PublicKey(littleEndian(value)), value.toString()).toThrow(/y ≥ p/);
    }
    expect(y).toBeLessThan(P);
    expect(() => assertEd25519PublicKey(honest)).not.toThrow();
  });

  it('never verifies under a key that is not on the curve (left to OpenSSL)', () => {
    // y = 2 is not the y of any point of the curve.
    expect(decodePoint('02'.padEnd(64, '0'))).toBeUndefined();
    const offCurve = littleEndian(2n);
    const code = thrownCode(() => verifyEd25519(offCurve, Buffer.from('message'), IDENTITY_SIGNATURE));
    const verified = code ?? verifyEd25519(offCurve, Buffer.from('message'), IDENTITY_SIGNATURE);
    expect([false, ErrorCode.INVALID_KEY]).toContain(verified);
  });

  it('refuses a small-order key listed in a DID document', () => {
    const key = bytes(ED25519_SMALL_ORDER_POINTS[4] ?? '');
    const did = 'did:web:example.edu';
    const document = {
      id: did,
      verificationMethod: [
        { id: `${did}#k`, type: 'Multikey', controller: did, publicKeyMultibase: encodeMultikeyPublic(key) },
      ],
      assertionMethod: [`${did}#k`],
    };
    expect(thrownCode(() => findVerificationMethod(document, `${did}#k`))).toBe(ErrorCode.INVALID_KEY);
  });
});

describe('Ed25519 signatures', () => {
  const secretKey = new Uint8Array(32).fill(3);
  const { publicKey } = generateEd25519KeyPair(secretKey);
  const message = Buffer.from('the credential');
  const signature = signEd25519(secretKey, message);

  it('still verifies honest signatures, by raw key and by KeyObject, and did:key documents still resolve', () => {
    expect(verifyEd25519(publicKey, message, signature)).toBe(true);
    expect(verifyEd25519(importEd25519PublicKey(publicKey), message, signature)).toBe(true);
    expect(ed25519SignatureProblem(signature)).toBeUndefined();
    expect(didKeyDocument(didKeyFromPublicKey(publicKey)).assertionMethod).toHaveLength(1);
  });

  it('refuses S + L (malleability), which OpenSSL also refuses', () => {
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).reverse().toString('hex')}`);
    const malleable = new Uint8Array(signature);
    malleable.set(littleEndian(s + L), 32);
    expect(ed25519SignatureProblem(malleable)).toMatch(/S ≥ L/);
    expect(verifyEd25519(publicKey, message, malleable)).toBe(false);
    expect(opensslVerify(null, message, importEd25519PublicKey(publicKey), malleable)).toBe(false);
  });

  it('refuses a non-canonical or small-order R', () => {
    for (const r of [...NON_CANONICAL_SMALL_ORDER, ...ED25519_SMALL_ORDER_POINTS]) {
      const forged = new Uint8Array(signature);
      forged.set(bytes(r), 0);
      expect(ed25519SignatureProblem(forged), r).toMatch(/its R is/);
      expect(verifyEd25519(publicKey, message, forged), r).toBe(false);
    }
  });
});

describe('the byte-wise checks agree with integer arithmetic', () => {
  const asInteger = (encoded: Uint8Array) => BigInt(`0x${Buffer.from(encoded).reverse().toString('hex')}`);
  // Values at and around the bounds, where a byte-wise comparison can go wrong, and random ones.
  const nearBounds = fc
    .tuple(
      fc.constantFrom(0n, 1n, 19n, L, P, 1n << 252n, 1n << 255n, (1n << 256n) - 20n, (1n << 256n) - 1n),
      fc.bigInt(-300n, 300n),
    )
    .map(([bound, offset]) => bound + offset)
    .filter((value) => value >= 0n && value < 1n << 256n);
  const anyScalar = fc.oneof(nearBounds, fc.bigInt(0n, (1n << 256n) - 1n));

  it('a signature is refused for S ≥ L exactly', () => {
    const valid = signEd25519(new Uint8Array(32).fill(5), Buffer.from('m'));
    fc.assert(
      fc.property(anyScalar, (s) => {
        const signature = new Uint8Array(valid);
        signature.set(littleEndian(s), 32);
        expect(ed25519SignatureProblem(signature) === 'its S is not reduced (S ≥ L)').toBe(s >= L);
      }),
      { numRuns: 2000 },
    );
  });

  it('a key is refused as non-canonical exactly when y ≥ p, or y = ±1 with the sign bit set', () => {
    fc.assert(
      fc.property(anyScalar, (value) => {
        const encoded = littleEndian(value);
        const y = asInteger(encoded) & ((1n << 255n) - 1n);
        const signBit = value >> 255n === 1n;
        const nonCanonical = y >= P || (signBit && (y === 1n || y === P - 1n));
        const problem = thrownCode(() => assertEd25519PublicKey(encoded));
        if (nonCanonical) expect(() => assertEd25519PublicKey(encoded)).toThrow(/non-canonical/);
        else if (problem !== undefined) expect(() => assertEd25519PublicKey(encoded)).toThrow(/small-order/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('imported public keys are kept', () => {
  it('the same key bytes give the same KeyObject, and a refused key is refused every time', () => {
    const { publicKey } = generateEd25519KeyPair();
    expect(importEd25519PublicKey(publicKey)).toBe(importEd25519PublicKey(new Uint8Array(publicKey)));
    const identity = Buffer.from(ED25519_SMALL_ORDER_POINTS[0] ?? '', 'hex');
    for (let attempt = 0; attempt < 2; attempt++)
      expect(() => importEd25519PublicKey(new Uint8Array(identity))).toThrow(/small-order/);
  });
});
