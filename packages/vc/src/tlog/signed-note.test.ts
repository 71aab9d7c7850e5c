import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateEd25519KeyPair } from '../did/ed25519.js';
import { ErrorCode } from '../error/index.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import {
  cosignatureTimestamp,
  createCosigner,
  formatCosignerVerifierKey,
  parseCosignerVerifierKey,
} from './cosignature.js';
import { hashLeaf } from './merkle-hash.js';
import {
  createNoteSigner,
  formatNoteSignerKey,
  formatNoteVerifierKey,
  noteVerifierPublicKey,
  parseNoteSignerKey,
  parseNoteVerifierKey,
} from './note-key.js';
import { MAX_NOTE_SIGNATURES, noteSignatureLine, openNote, signNote } from './signed-note.js';

// golang.org/x/mod sumdb/note/note_test.go: the PeterNeumann and EnochRoot keys, the signed text and
// both signatures (TestSign, TestOpen).
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

const peter = parseNoteVerifierKey(PETER_VKEY);
const enoch = parseNoteVerifierKey(ENOCH_VKEY);

function failure(run: () => unknown): { code?: string; reason?: unknown } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    const { code, details } = error as { code?: string; details?: { reason?: unknown } };
    return { code, reason: details?.reason };
  }
}

describe('note keys (C2SP signed-note)', () => {
  it('parses the sumdb verifier keys, with their key ids', () => {
    expect(peter.name).toBe('PeterNeumann');
    expect(peter.keyId).toBe(0xc74f20a3);
    expect(enoch.keyId).toBe(0xaf0cfe78);
  });

  it('round-trips the sumdb signer key and derives its verifier key', () => {
    const { name, secretKey } = parseNoteSignerKey(PETER_SKEY);
    expect(formatNoteSignerKey(name, secretKey)).toBe(PETER_SKEY);
    expect(formatNoteVerifierKey(name, generateEd25519KeyPair(secretKey).publicKey)).toBe(PETER_VKEY);
  });

  it('computes the key id as SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0:4]', () => {
    const key = noteVerifierPublicKey(PETER_VKEY);
    const digest = createHash('sha256').update('PeterNeumann\n\x01').update(key).digest();
    expect(digest.subarray(0, 4).toString('hex')).toBe('c74f20a3');
  });

  it('refuses every truncation and one-character change of a verifier key, as sumdb does', () => {
    for (let i = 0; i < PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(() => parseNoteVerifierKey(PETER_VKEY.slice(i, j))).toThrow();
      }
      const changed =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(() => parseNoteVerifierKey(changed), changed).toThrow();
    }
    // sumdb's: a wrong-length key and an unknown algorithm, each with a matching key id.
    expect(() =>
      parseNoteVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
    ).toThrow();
    expect(() =>
      parseNoteVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toThrow();
    expect(() =>
      parseNoteVerifierKey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toThrow();
  });
});

describe('signing and opening notes', () => {
  const signer = createNoteSigner(parseNoteSignerKey(PETER_SKEY));

  it('signs the sumdb text byte for byte', () => {
    expect(signNote(TEXT, [signer])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('opens the sumdb note: known signatures verified, unknown ones kept aside', () => {
    const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    const one = openNote(both, [peter]);
    expect(one.text).toBe(TEXT);
    expect(one.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(one.unverified.map((s) => s.name)).toEqual(['EnochRoot']);
    expect(openNote(new TextEncoder().encode(both), [peter, enoch]).verified).toHaveLength(2);
    expect(openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG}`, [peter]).verified).toHaveLength(1);
  });

  it('refuses a note no known key signed', () => {
    expect(failure(() => openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, []))).toEqual({
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      reason: 'no-known-signature',
    });
    expect(failure(() => openNote(`${TEXT}\n${ENOCH_SIG}`, [peter]))?.reason).toBe('no-known-signature');
  });

  it('refuses tampered text and a tampered signature of a known key', () => {
    const tampered = `${TEXT.replace('answer', 'answers')}\n${PETER_SIG}`;
    expect(failure(() => openNote(tampered, [peter]))).toEqual({
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      reason: 'bad-signature',
    });
    const badSig = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(failure(() => openNote(badSig, [peter]))?.code).toBe(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR);
  });

  it('refuses the malformed notes of ADVERSARIAL L3 and sumdb', () => {
    const malformed = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\x01${TEXT}\n${PETER_SIG}`,
      `${TEXT.replace('problem,', 'problem,\r')}\n${PETER_SIG}`,
      `${TEXT.replace('answer', 'ans\u007fwer')}\n${PETER_SIG}`,
      `${TEXT.replace('answer', '\ud800')}\n${PETER_SIG}`,
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n${PETER_SIG.replace('—', '-')}`,
      `${TEXT}\n${PETER_SIG.replace('—', '–')}`,
      `${TEXT}\n${PETER_SIG.replace('— ', '—  ')}`,
      `${TEXT}\n${PETER_SIG.replace('=\n', '\n')}`,
      `${TEXT}\n${PETER_SIG.replace('=\n', '= \n')}`,
      `${TEXT}\n${PETER_SIG}\n`,
    ];
    for (const note of malformed) {
      expect(failure(() => openNote(note, [peter]))?.code, JSON.stringify(note)).toBe(
        ErrorCode.PARSING_ERROR,
      );
    }
    expect(
      failure(() =>
        openNote(new Uint8Array([0xff, ...new TextEncoder().encode(`${TEXT}\n${PETER_SIG}`)]), [peter]),
      )?.code,
    ).toBe(ErrorCode.PARSING_ERROR);
  });

  it('refuses more than 100 signature lines, verified or not', () => {
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(MAX_NOTE_SIGNATURES)}`, [peter]).verified).toHaveLength(1);
    for (const verifiers of [[peter], []]) {
      expect(failure(() => openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, verifiers))?.code).toBe(
        ErrorCode.PARSING_ERROR,
      );
      expect(failure(() => openNote(`${TEXT}\n${ENOCH_SIG.repeat(1000)}${PETER_SIG}`, verifiers))?.code).toBe(
        ErrorCode.PARSING_ERROR,
      );
    }
  });

  it('refuses to sign text that could not be opened', () => {
    for (const text of ['', 'no newline', 'bell\x07\n', 'tab\there\n']) {
      expect(failure(() => signNote(text, [signer]))?.code).toBe(ErrorCode.PARSING_ERROR);
    }
  });
});

// golang.org/x/mod sumdb/tlog/note_test.go TestFormatTree: the checkpoint body of a tree of 123456789012
// records whose root is RecordHash("hello world").
const SUMDB_TREE = 'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n';

describe('checkpoints (C2SP tlog-checkpoint)', () => {
  const rootHash = hashLeaf(new TextEncoder().encode('hello world'));

  it('formats and parses the sumdb tree note', () => {
    const checkpoint = { origin: 'go.sum database tree', size: 123456789012, rootHash, extensions: [] };
    expect(formatCheckpoint(checkpoint)).toBe(SUMDB_TREE);
    expect(parseCheckpoint(SUMDB_TREE)).toEqual({ ...checkpoint, rootHash: expect.anything() });
    expect(Buffer.from(parseCheckpoint(SUMDB_TREE).rootHash)).toEqual(Buffer.from(rootHash));
    expect(parseCheckpoint(`${SUMDB_TREE}ext one\next two\n`).extensions).toEqual(['ext one', 'ext two']);
  });

  it('refuses non-canonical bodies', () => {
    const bad = [
      SUMDB_TREE.replace('123456789012', '0123456789012'),
      SUMDB_TREE.replace('123456789012', '+123456789012'),
      SUMDB_TREE.replace('123456789012', '0xabcdef'),
      SUMDB_TREE.replace('123456789012', ''),
      SUMDB_TREE.replace('Bb0=', 'Bb1='),
      SUMDB_TREE.replace('Bb0=', 'Bb0'),
      SUMDB_TREE.replace('Bb0=', 'TOOBIG='),
      SUMDB_TREE.slice(0, -1),
      `\n${SUMDB_TREE.slice(SUMDB_TREE.indexOf('\n') + 1)}`,
      `${SUMDB_TREE}\n`,
      'go.sum database tree\n1\n',
    ];
    for (const body of bad)
      expect(failure(() => parseCheckpoint(body))?.code, body).toBe(ErrorCode.PARSING_ERROR);
    expect(
      failure(() => parseCheckpoint(SUMDB_TREE.replace('123456789012', '18446744073709551615')))?.code,
    ).toBe(ErrorCode.RANGE_ERROR);
  });

  it('signs and opens a checkpoint, refusing another origin and a changed size', () => {
    const signer = createNoteSigner({ name: 'log.example/microcred', secretKey: new Uint8Array(32).fill(7) });
    const vkey = formatNoteVerifierKey(
      'log.example/microcred',
      generateEd25519KeyPair(new Uint8Array(32).fill(7)).publicKey,
    );
    const note = signCheckpoint({ origin: 'log.example/microcred', size: 42, rootHash, extensions: [] }, [
      signer,
    ]);
    const verifiers = [parseNoteVerifierKey(vkey)];
    expect(openCheckpoint(note, { verifiers, origin: 'log.example/microcred' }).checkpoint.size).toBe(42);
    expect(failure(() => openCheckpoint(note, { verifiers, origin: 'other.example/log' }))?.reason).toBe(
      'wrong-origin',
    );
    expect(failure(() => openCheckpoint(note.replace('\n42\n', '\n43\n'), { verifiers }))?.reason).toBe(
      'bad-signature',
    );
  });
});

describe('cosignatures (C2SP tlog-cosignature, cosignature/v1)', () => {
  const witnessSeed = new Uint8Array(32).fill(9);
  const witnessKey = formatCosignerVerifierKey(
    'witness.example/w1',
    generateEd25519KeyPair(witnessSeed).publicKey,
  );
  const logSigner = createNoteSigner({
    name: 'log.example/microcred',
    secretKey: new Uint8Array(32).fill(7),
  });
  const logVerifier = parseNoteVerifierKey(
    formatNoteVerifierKey(
      'log.example/microcred',
      generateEd25519KeyPair(new Uint8Array(32).fill(7)).publicKey,
    ),
  );
  const body = formatCheckpoint({
    origin: 'log.example/microcred',
    size: 42,
    rootHash: hashLeaf(new Uint8Array(0)),
    extensions: [],
  });

  it('adds a witness line that its key verifies with its time, and that the log key ignores', () => {
    const cosigner = createCosigner({
      name: 'witness.example/w1',
      secretKey: witnessSeed,
      timestamp: 1_700_000_000,
    });
    const note = `${signNote(body, [logSigner])}${noteSignatureLine(body, cosigner)}`;
    const witness = parseCosignerVerifierKey(witnessKey);
    const opened = openNote(note, [logVerifier, witness]);
    expect(opened.verified.map((s) => s.name)).toEqual(['log.example/microcred', 'witness.example/w1']);
    expect(cosignatureTimestamp(opened.verified[1] as (typeof opened.verified)[number])).toBe(1_700_000_000);
    expect(openNote(note, [logVerifier]).unverified.map((s) => s.name)).toEqual(['witness.example/w1']);
    // Key ids use the cosignature type byte 0x04, so a witness key never matches a note key of the same bytes.
    expect(witness.keyId).not.toBe(
      parseNoteVerifierKey(formatNoteVerifierKey('witness.example/w1', noteVerifierPublicKey(witnessKey, 4)))
        .keyId,
    );
  });

  it('refuses a cosignature whose time or checkpoint was changed', () => {
    const cosigner = createCosigner({
      name: 'witness.example/w1',
      secretKey: witnessSeed,
      timestamp: 1_700_000_000,
    });
    const line = noteSignatureLine(body, cosigner);
    const witness = parseCosignerVerifierKey(witnessKey);
    const signature = Buffer.from(line.trim().split(' ')[2] as string, 'base64');
    signature[11] = (signature[11] ?? 0) ^ 1;
    const retimed = `— witness.example/w1 ${signature.toString('base64')}\n`;
    expect(failure(() => openNote(`${body}\n${retimed}`, [witness]))?.reason).toBe('bad-signature');
    expect(failure(() => openNote(`${body.replace('42', '43')}\n${line}`, [witness]))?.reason).toBe(
      'bad-signature',
    );
  });
});

describe('the C2SP tlog-cosignature example note', () => {
  // c2sp.org/tlog-cosignature, "Below is an example of a checkpoint that contains a cosignature"; its
  // "Ed25519 signed message" section gives the time of that cosignature, 1679315147.
  const example =
    'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
    '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n' +
    '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n';

  it('parses as a checkpoint with a log signature and a timestamped cosignature', () => {
    // The example's keys are not published: a stand-in accepts the log's line so the parse can be checked.
    const standIn = { name: 'example.com/behind-the-sofa', keyId: 0x033de0ae, verify: () => true };
    const { checkpoint, note } = openCheckpoint(example, { verifiers: [standIn] });
    expect(checkpoint.size).toBe(20852163);
    const [witness] = note.unverified;
    expect(witness?.name).toBe('witness.example.com/w1');
    expect(witness?.signature.length).toBe(8 + 64);
    expect(cosignatureTimestamp(witness as NonNullable<typeof witness>)).toBe(1679315147);
  });
});
