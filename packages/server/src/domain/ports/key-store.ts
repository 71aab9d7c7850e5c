/**
 * Seals issuers' secret keys at rest. The default implementation is AES-256-GCM under the configured
 * master key; a cloud KMS can take its place behind this port.
 */
export interface KeyStore {
  /**
   * Seals `secret`, binding it to `keyId`: a sealed secret only opens under the same `keyId`, so rows
   * cannot be swapped. `keyId` must be globally unique, e.g. `${issuerId}#${fragment}`.
   */
  encrypt(options: { readonly keyId: string; readonly secret: Uint8Array }): Promise<Uint8Array>;
  /** Throws `CRYPTOGRAPHIC_SECURITY_ERROR` when the sealed bytes were altered, or sealed under another key or `keyId`. */
  decrypt(options: { readonly keyId: string; readonly sealed: Uint8Array }): Promise<Uint8Array>;
}
