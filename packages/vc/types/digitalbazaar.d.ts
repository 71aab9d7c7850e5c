// The reference stack (devDependencies, used by interop tests and the benchmark) ships no types;
// only what those callers use is declared, loosely, because it is test-only code.
declare module '@digitalbazaar/vc' {
  export function issue(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function verifyCredential(options: Record<string, unknown>): Promise<{
    verified: boolean;
    error?: unknown;
    results?: unknown[];
    statusResult?: unknown;
  }>;
  export function createPresentation(options: Record<string, unknown>): Record<string, unknown>;
  export function signPresentation(options: Record<string, unknown>): Promise<Record<string, unknown>>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: Record<string, unknown>;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface ReferenceKeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): unknown;
    verifier(): unknown;
    export(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  }
  export function from(key: Record<string, unknown>): Promise<ReferenceKeyPair>;
  export function generate(options?: Record<string, unknown>): Promise<ReferenceKeyPair>;
}
declare module '@digitalbazaar/did-method-key' {
  export function driver(options?: Record<string, unknown>): {
    use(options: Record<string, unknown>): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  };
}
declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    static generate(options?: Record<string, unknown>): Promise<Ed25519VerificationKey2020>;
  }
}
