import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { appendLeaves, readRightEdge } from './append-leaves.js';
import { consistencyProof, verifyConsistencyProof } from './consistency-proof.js';
import { hashAddressesFor, hashAddressKey, mapHashReader } from './hash-reader.js';
import { inclusionProof, verifyInclusionProof } from './inclusion-proof.js';
import { createMemoryHashStore } from './memory-hash-store.js';
import { EMPTY_ROOT_HASH, hashChildren, hashLeaf } from './merkle-hash.js';
import { treeRoot } from './tree-root.js';

const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// The RFC 6962 reference tree of transparency-dev/merkle, testonly/constants.go: LeafInputs, NodeHashes
// (stored hashes by level) and RootHashes (by size 0…8).
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(hex);
const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// transparency-dev/merkle proof/verify_test.go: inclusionProofs (1-based leaf numbers there, 0-based
// indexes here) and consistencyProofs over the same tree.
const INCLUSION_VECTORS = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY_VECTORS = [
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

function referenceStore(count: number) {
  const store = createMemoryHashStore();
  store.append(LEAF_INPUTS.slice(0, count).map(hashLeaf));
  return store;
}

// RFC 9162 §2.1 written literally over a list of leaf hashes: the independent oracle for random trees.
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return EMPTY_ROOT_HASH;
  if (leaves.length === 1) return leaves[0] as Uint8Array;
  const k = split(leaves.length);
  return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
function subproof(m: number, leaves: Uint8Array[], complete: boolean): Uint8Array[] {
  if (m === leaves.length) return complete ? [] : [mth(leaves)];
  const k = split(leaves.length);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), mth(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

const leafHashesArb = fc
  .array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 })
  // Distinct entries: with two equal leaves, "index + 1" may rightly verify.
  .map((entries) => entries.map((entry, i) => hashLeaf(new Uint8Array([i >> 8, i & 0xff, ...entry]))));

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

describe('Merkle tree hashing (RFC 9162 §2.1)', () => {
  it('gives the reference roots for every size from 0 to 8', () => {
    for (let size = 0; size <= 8; size++) {
      expect(toHex(treeRoot(size, referenceStore(size).read))).toBe(ROOTS[size]);
      expect(toHex(referenceStore(size).root())).toBe(ROOTS[size]);
    }
  });

  it('stores exactly the reference node hashes, by level and index', () => {
    const store = referenceStore(8);
    NODE_HASHES.forEach((row, level) => {
      row.forEach((hash, index) => {
        expect(toHex(store.read(level, index))).toBe(hash);
      });
    });
    expect(() => store.read(0, 8)).toThrow();
  });

  it('equals the literal RFC definition on random trees', () => {
    fc.assert(
      fc.property(leafHashesArb, (leaves) => {
        const store = createMemoryHashStore();
        store.append(leaves);
        expect(toHex(store.root())).toBe(toHex(mth(leaves)));
      }),
    );
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it('generates and verifies the reference proofs', () => {
    const store = referenceStore(8);
    for (const vector of INCLUSION_VECTORS) {
      const proof = inclusionProof(vector.index, vector.size, store.read);
      expect(proof.map(toHex)).toEqual(vector.proof);
      const leafHash = hashLeaf(LEAF_INPUTS[vector.index] as Uint8Array);
      const rootHash = hex(ROOTS[vector.size] as string);
      expect(() =>
        verifyInclusionProof({ leafIndex: vector.index, treeSize: vector.size, leafHash, proof, rootHash }),
      ).not.toThrow();
    }
  });

  it('proves a single-leaf tree with an empty path', () => {
    const leafHash = hashLeaf(new TextEncoder().encode('data'));
    expect(() =>
      verifyInclusionProof({ leafIndex: 0, treeSize: 1, leafHash, proof: [], rootHash: leafHash }),
    ).not.toThrow();
  });

  const good = () => {
    const vector = INCLUSION_VECTORS[1] as (typeof INCLUSION_VECTORS)[number];
    return {
      leafIndex: vector.index,
      treeSize: vector.size,
      leafHash: hashLeaf(LEAF_INPUTS[vector.index] as Uint8Array),
      proof: vector.proof.map(hex),
      rootHash: hex(ROOTS[vector.size] as string),
    };
  };

  it('refuses each corruption of ADVERSARIAL L1 with its reason', () => {
    const base = good();
    const cases: [string, Parameters<typeof verifyInclusionProof>[0], string][] = [
      ['index = size', { ...base, leafIndex: 8 }, ErrorCode.RANGE_ERROR],
      ['index > size', { ...base, leafIndex: 9 }, ErrorCode.RANGE_ERROR],
      ['index − 1', { ...base, leafIndex: 4 }, ErrorCode.PROOF_VERIFICATION_ERROR],
      ['index + 1', { ...base, leafIndex: 6 }, ErrorCode.PROOF_VERIFICATION_ERROR],
      ['size × 2', { ...base, treeSize: 16 }, ErrorCode.PROOF_VERIFICATION_ERROR],
      [
        'size − 1 with its root',
        { ...base, treeSize: 7, rootHash: hex(ROOTS[7] as string) },
        ErrorCode.PROOF_VERIFICATION_ERROR,
      ],
      ['extra hash', { ...base, proof: [...base.proof, base.rootHash] }, ErrorCode.PROOF_VERIFICATION_ERROR],
      [
        'hash in front',
        { ...base, proof: [base.rootHash, ...base.proof] },
        ErrorCode.PROOF_VERIFICATION_ERROR,
      ],
      ['missing hash', { ...base, proof: base.proof.slice(0, -1) }, ErrorCode.PROOF_VERIFICATION_ERROR],
      [
        'short hash',
        { ...base, proof: [new Uint8Array(31), ...base.proof.slice(1)] },
        ErrorCode.MALFORMED_VALUE_ERROR,
      ],
      ['empty root', { ...base, rootHash: EMPTY_ROOT_HASH }, ErrorCode.PROOF_VERIFICATION_ERROR],
      [
        '64 hashes',
        { ...base, proof: Array.from({ length: 64 }, () => base.rootHash) },
        ErrorCode.MALFORMED_VALUE_ERROR,
      ],
      ['negative index', { ...base, leafIndex: -1 }, ErrorCode.RANGE_ERROR],
      ['size 2^53', { ...base, treeSize: 2 ** 53 }, ErrorCode.RANGE_ERROR],
    ];
    for (const [what, options, code] of cases)
      expect(
        codeOf(() => verifyInclusionProof(options)),
        what,
      ).toBe(code);
  });

  it('refuses an interior node presented as a leaf', () => {
    const store = referenceStore(8);
    // Node (1, 2) covers leaves 4 and 5: its path to the root is one hash short of a leaf's, so against
    // the checkpoint's own (size, root) pair it fails at whatever index it claims.
    const node = store.read(1, 2);
    const proof = [store.read(1, 3), store.read(2, 0)];
    for (let leafIndex = 0; leafIndex < 8; leafIndex++) {
      expect(
        codeOf(() =>
          verifyInclusionProof({ leafIndex, treeSize: 8, leafHash: node, proof, rootHash: store.root() }),
        ),
      ).toBe(ErrorCode.PROOF_VERIFICATION_ERROR);
    }
  });

  it('verifies every proof the tree produces, and no single mutation of one', () => {
    fc.assert(
      fc.property(leafHashesArb, fc.nat(), fc.nat(), fc.nat(7), (leaves, pick, which, bit) => {
        const store = createMemoryHashStore();
        const treeSize = leaves.length;
        store.append(leaves.slice(0, -1));
        const smallerRoot = store.root();
        store.append(leaves.slice(-1));
        const root = store.root();
        store.append([hashLeaf(new Uint8Array([0xff, 0xff, 0xff]))]);
        const largerRoot = store.root();
        const leafIndex = pick % treeSize;
        const proof = inclusionProof(leafIndex, treeSize, store.read);
        expect(proof.map(toHex)).toEqual(path(leafIndex, leaves).map(toHex));
        const base = {
          leafIndex,
          treeSize,
          leafHash: leaves[leafIndex] as Uint8Array,
          proof,
          rootHash: root,
        };
        verifyInclusionProof(base);
        // A size changes together with its root: both come from one signed checkpoint.
        const mutations: Parameters<typeof verifyInclusionProof>[0][] = [
          { ...base, leafIndex: leafIndex + 1 },
          { ...base, treeSize: treeSize + 1, rootHash: largerRoot },
          { ...base, proof: [...proof, root] },
          { ...base, rootHash: flip(root, which, bit) },
          { ...base, leafHash: flip(base.leafHash, which, bit) },
        ];
        if (leafIndex > 0) mutations.push({ ...base, leafIndex: leafIndex - 1 });
        if (treeSize > leafIndex + 1)
          mutations.push({ ...base, treeSize: treeSize - 1, rootHash: smallerRoot });
        if (proof.length > 0) {
          const at = which % proof.length;
          mutations.push({ ...base, proof: proof.filter((_, i) => i !== at) });
          mutations.push({
            ...base,
            proof: proof.map((hash, i) => (i === at ? flip(hash, which, bit) : hash)),
          });
        }
        for (const mutation of mutations) expect(codeOf(() => verifyInclusionProof(mutation))).toBeDefined();
      }),
    );
  });
});

function flip(hash: Uint8Array, which: number, bit: number): Uint8Array {
  const copy = new Uint8Array(hash);
  const at = which % copy.length;
  copy[at] = (copy[at] ?? 0) ^ (1 << bit);
  return copy;
}

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it('generates and verifies the reference proofs', () => {
    const store = referenceStore(8);
    for (const vector of CONSISTENCY_VECTORS) {
      const proof = consistencyProof(vector.oldSize, vector.newSize, store.read);
      expect(proof.map(toHex)).toEqual(vector.proof);
      const oldRoot = hex(ROOTS[vector.oldSize] as string);
      const newRoot = hex(ROOTS[vector.newSize] as string);
      expect(() => verifyConsistencyProof({ ...vector, oldRoot, newRoot, proof })).not.toThrow();
    }
  });

  it('accepts the trivially consistent cases with an empty proof', () => {
    const root = hex(ROOTS[3] as string);
    verifyConsistencyProof({ oldSize: 3, newSize: 3, oldRoot: root, newRoot: root, proof: [] });
    verifyConsistencyProof({ oldSize: 0, newSize: 3, oldRoot: EMPTY_ROOT_HASH, newRoot: root, proof: [] });
    expect(consistencyProof(0, 3, referenceStore(3).read)).toEqual([]);
    expect(consistencyProof(3, 3, referenceStore(3).read)).toEqual([]);
  });

  it('refuses each case of ADVERSARIAL L2 with its reason', () => {
    const vector = CONSISTENCY_VECTORS[1] as (typeof CONSISTENCY_VECTORS)[number];
    const base = {
      ...vector,
      oldRoot: hex(ROOTS[6] as string),
      newRoot: hex(ROOTS[8] as string),
      proof: vector.proof.map(hex),
    };
    const reason = (options: Parameters<typeof verifyConsistencyProof>[0]): unknown => {
      try {
        verifyConsistencyProof(options);
        return undefined;
      } catch (error) {
        return (error as { details?: { reason?: string } }).details?.reason;
      }
    };
    expect(reason({ ...base, oldSize: 8, newSize: 6 })).toBe('old-larger-than-new');
    expect(reason({ ...base, oldSize: 8, newSize: 8, proof: [] })).toBe('different-roots');
    expect(reason({ ...base, proof: Array.from({ length: 64 }, () => base.newRoot) })).toBe(
      'too-many-hashes',
    );
    expect(reason({ ...base, proof: [] })).toBe('missing-hashes');
    expect(reason({ ...base, proof: base.proof.slice(0, -1) })).toBe('missing-hashes');
    expect(reason({ ...base, proof: [...base.proof, base.newRoot] })).toBe('extra-hashes');
    expect(reason({ ...base, oldRoot: base.newRoot, newRoot: base.oldRoot })).toBe('old-root-mismatch');
    expect(reason({ ...base, oldSize: 0, proof: [] })).toBe('different-roots');
    expect(
      reason({
        ...base,
        oldSize: 3,
        newSize: 3,
        oldRoot: base.oldRoot,
        newRoot: base.oldRoot,
        proof: [base.oldRoot],
      }),
    ).toBe('extra-hashes');
    expect(reason({ ...base, proof: [new Uint8Array(33), ...base.proof.slice(1)] })).toBe('bad-hash-length');
  });

  it('verifies every proof the tree produces, and no single mutation of one', () => {
    fc.assert(
      fc.property(leafHashesArb, fc.nat(), fc.nat(), fc.nat(7), (leaves, pick, which, bit) => {
        const store = createMemoryHashStore();
        // Every size's root, one leaf past the tree too: a size changes together with its root, as both
        // come from one signed checkpoint, and the RFC algorithm does not (need not) catch a root paired
        // with another size.
        const roots: Uint8Array[] = [store.root()];
        for (const leaf of [...leaves, hashLeaf(new Uint8Array([0xff, 0xff, 0xff]))]) {
          store.append([leaf]);
          roots.push(store.root());
        }
        const rootOf = (size: number): Uint8Array => roots[size] as Uint8Array;
        const newSize = leaves.length;
        const oldSize = 1 + (pick % newSize);
        const oldRoot = rootOf(oldSize);
        const newRoot = rootOf(newSize);
        const proof = consistencyProof(oldSize, newSize, store.read);
        expect(proof.map(toHex)).toEqual(subproof(oldSize, leaves, true).map(toHex));
        const base = { oldSize, newSize, oldRoot, newRoot, proof };
        verifyConsistencyProof(base);
        if (oldSize === newSize) return;
        const mutations: Parameters<typeof verifyConsistencyProof>[0][] = [
          { ...base, oldSize: oldSize + 1, oldRoot: rootOf(oldSize + 1) },
          { ...base, newSize: newSize + 1, newRoot: rootOf(newSize + 1) },
          { ...base, proof: [...proof, newRoot] },
          { ...base, proof: proof.slice(0, -1) },
          { ...base, oldRoot: flip(oldRoot, which, bit) },
          { ...base, newRoot: flip(newRoot, which, bit) },
          {
            ...base,
            proof: proof.map((hash, i) => (i === which % proof.length ? flip(hash, which, bit) : hash)),
          },
        ];
        if (oldSize > 1) mutations.push({ ...base, oldSize: oldSize - 1, oldRoot: rootOf(oldSize - 1) });
        if (newSize > oldSize + 1)
          mutations.push({ ...base, newSize: newSize - 1, newRoot: rootOf(newSize - 1) });
        for (const mutation of mutations)
          expect(codeOf(() => verifyConsistencyProof(mutation))).toBeDefined();
      }),
    );
  });
});

describe('incremental appends', () => {
  it('give the same root and stored hashes as building from scratch, whatever the batches', () => {
    fc.assert(
      fc.property(
        leafHashesArb,
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1 }),
        (leaves, batches) => {
          const whole = createMemoryHashStore();
          const wholeStored = whole.append(leaves);
          const stored: string[] = [];
          let size = 0;
          let rightEdge: readonly Uint8Array[] = [];
          let root = EMPTY_ROOT_HASH;
          for (let b = 0; size < leaves.length; b++) {
            const count = batches[b % batches.length] as number;
            const appended = appendLeaves({ size, rightEdge, leafHashes: leaves.slice(size, size + count) });
            for (const hash of appended.stored)
              stored.push(`${hash.level}/${hash.index}=${toHex(hash.hash)}`);
            ({ size, rightEdge, root } = appended);
            expect(toHex(root)).toBe(toHex(mth(leaves.slice(0, size))));
            expect(rightEdge.map(toHex)).toEqual(readRightEdge(size, whole.read).map(toHex));
          }
          expect(toHex(root)).toBe(toHex(whole.root()));
          expect(stored.sort()).toEqual(
            wholeStored.map((h) => `${h.level}/${h.index}=${toHex(h.hash)}`).sort(),
          );
        },
      ),
    );
  });

  it('refuses a right edge that does not match the size', () => {
    expect(codeOf(() => appendLeaves({ size: 3, rightEdge: [EMPTY_ROOT_HASH], leafHashes: [] }))).toBe(
      ErrorCode.MALFORMED_VALUE_ERROR,
    );
  });
});

describe('proofs from prefetched hashes', () => {
  it('computes the same proofs from just the addresses it asked for', () => {
    fc.assert(
      fc.property(leafHashesArb, fc.nat(), fc.nat(), (leaves, a, b) => {
        const store = createMemoryHashStore();
        store.append(leaves);
        const size = leaves.length;
        const index = a % size;
        const oldSize = 1 + (b % size);
        const operations = [
          (read: Parameters<typeof treeRoot>[1]) => [treeRoot(size, read)],
          (read: Parameters<typeof treeRoot>[1]) => inclusionProof(index, size, read),
          (read: Parameters<typeof treeRoot>[1]) => consistencyProof(oldSize, size, read),
        ];
        for (const operation of operations) {
          const addresses = hashAddressesFor(operation);
          const prefetched = new Map(
            addresses.map(({ level, index: i }) => [hashAddressKey(level, i), store.read(level, i)]),
          );
          expect(operation(mapHashReader(prefetched)).map(toHex)).toEqual(operation(store.read).map(toHex));
          expect(addresses.length).toBeLessThanOrEqual(2 * 7 + 1);
        }
      }),
    );
  });
});
