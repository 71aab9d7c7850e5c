/**
 * Words for the checks a VC-JWT's envelope adds to a report (`jwt.*`) and for the verifier's warnings, so
 * that no row of a verification reads "Other check". Spread into en.ts and fr.ts.
 */
export const verificationChecksEn = {
  'check.jwt.parse.label': 'Token format',
  'check.jwt.parse.ok': 'The token is a well-formed signed JWT.',
  'check.jwt.parse.failed': 'The token could not be read as a signed JWT.',
  'check.jwt.header.label': 'Token header',
  'check.jwt.header.ok': 'The token names a signature algorithm this verifier accepts.',
  'check.jwt.header.failed': 'The token’s header is malformed or names an algorithm this verifier refuses.',
  'check.jwt.key.label': 'Signing key',
  'check.jwt.key.ok': 'The key that signed the token was found.',
  'check.jwt.key.failed': 'The key that signed the token could not be found or read.',
  'check.jwt.signature.label': 'Signature',
  'check.jwt.signature.ok': 'The signature is intact: the content is exactly what the issuer signed.',
  'check.jwt.signature.failed':
    'The signature does not match: the content was changed after signing, or another key signed it.',
  'check.jwt.payload.label': 'Token content',
  'check.jwt.payload.ok': 'The token carries a credential.',
  'check.jwt.payload.failed': 'The token does not carry a readable credential.',
  'check.jwt.key-controller.label': 'Key owner',
  'check.jwt.key-controller.ok': 'The signing key belongs to the issuer the credential names.',
  'check.jwt.key-controller.failed':
    'Nothing shows that the signing key belongs to the issuer the credential names: anyone may have made it.',
  'check.jwt.key-revoked.label': 'Key revocation',
  'check.jwt.key-revoked.ok': 'The signing key was not revoked when the token was signed.',
  'check.jwt.key-revoked.failed': 'The issuer revoked the signing key before this token was signed.',
  'check.jwt.iss.label': 'Token issuer',
  'check.jwt.iss.ok': 'The token’s issuer is the credential’s issuer.',
  'check.jwt.iss.failed': 'The token’s issuer is not the credential’s issuer.',
  'check.jwt.jti.label': 'Token identifier',
  'check.jwt.jti.ok': 'The token’s identifier is the credential’s.',
  'check.jwt.jti.failed': 'The token’s identifier is not the credential’s.',
  'check.jwt.sub.label': 'Token subject',
  'check.jwt.sub.ok': 'The token’s subject is the credential’s recipient.',
  'check.jwt.sub.failed': 'The token’s subject is not the credential’s recipient.',
  'check.jwt.nbf.label': 'Token start',
  'check.jwt.nbf.ok': 'The token is already valid.',
  'check.jwt.nbf.failed': 'The token is not valid yet.',
  'check.jwt.exp.label': 'Token expiry',
  'check.jwt.exp.ok': 'The token has not expired.',
  'check.jwt.exp.failed': 'The token has expired.',
  'check.status-list-issuer.label': 'Status list issuer',
  'check.status-list-issuer.ok':
    'The status list names another issuer, but the credential’s own key signed it, so it was read.',
  'check.status-list-issuer.failed': 'The status list was not published by the credential’s issuer.',
  'check.status-list-length.label': 'Status list size',
  'check.status-list-length.ok':
    'The status list is shorter than the standard asks, which weakens privacy; it was read anyway.',
  'check.status-list-length.failed': 'The status list is too short to be read.',
  'check.transparency-log.label': 'Transparency log',
  'check.transparency-log.ok':
    'The transparency log the verifier trusts proves this exact credential was recorded, so it cannot have been issued secretly or back-dated.',
  'check.transparency-log.failed':
    'The transparency log does not prove this credential was recorded: the proof is wrong, for another credential, or signed by an unknown log.',
  'check.appended.label': 'Additional checks',
  'check.appended.ok': 'The additional checks ran.',
  'check.appended.failed': 'The additional checks (issuer trust, recipient) could not run.',
};

export const verificationChecksFr: Record<keyof typeof verificationChecksEn, string> = {
  'check.jwt.parse.label': 'Format du jeton',
  'check.jwt.parse.ok': 'Le jeton est un JWT signé bien formé.',
  'check.jwt.parse.failed': 'Le jeton n’a pas pu être lu comme un JWT signé.',
  'check.jwt.header.label': 'En-tête du jeton',
  'check.jwt.header.ok': 'Le jeton indique un algorithme de signature accepté par ce vérificateur.',
  'check.jwt.header.failed': 'L’en-tête du jeton est mal formé ou indique un algorithme refusé.',
  'check.jwt.key.label': 'Clé de signature',
  'check.jwt.key.ok': 'La clé qui a signé le jeton a été trouvée.',
  'check.jwt.key.failed': 'La clé qui a signé le jeton est introuvable ou illisible.',
  'check.jwt.signature.label': 'Signature',
  'check.jwt.signature.ok':
    'La signature est intacte : le contenu est exactement celui que l’émetteur a signé.',
  'check.jwt.signature.failed':
    'La signature ne correspond pas : le contenu a été modifié après la signature, ou une autre clé l’a signé.',
  'check.jwt.payload.label': 'Contenu du jeton',
  'check.jwt.payload.ok': 'Le jeton contient une certification.',
  'check.jwt.payload.failed': 'Le jeton ne contient pas de certification lisible.',
  'check.jwt.key-controller.label': 'Détenteur de la clé',
  'check.jwt.key-controller.ok': 'La clé de signature appartient à l’émetteur nommé par la certification.',
  'check.jwt.key-controller.failed':
    'Rien ne montre que la clé de signature appartient à l’émetteur nommé : n’importe qui a pu la produire.',
  'check.jwt.key-revoked.label': 'Révocation de la clé',
  'check.jwt.key-revoked.ok': 'La clé de signature n’était pas révoquée quand le jeton a été signé.',
  'check.jwt.key-revoked.failed': 'L’émetteur a révoqué la clé de signature avant la signature de ce jeton.',
  'check.jwt.iss.label': 'Émetteur du jeton',
  'check.jwt.iss.ok': 'L’émetteur du jeton est celui de la certification.',
  'check.jwt.iss.failed': 'L’émetteur du jeton n’est pas celui de la certification.',
  'check.jwt.jti.label': 'Identifiant du jeton',
  'check.jwt.jti.ok': 'L’identifiant du jeton est celui de la certification.',
  'check.jwt.jti.failed': 'L’identifiant du jeton n’est pas celui de la certification.',
  'check.jwt.sub.label': 'Sujet du jeton',
  'check.jwt.sub.ok': 'Le sujet du jeton est le titulaire de la certification.',
  'check.jwt.sub.failed': 'Le sujet du jeton n’est pas le titulaire de la certification.',
  'check.jwt.nbf.label': 'Début de validité du jeton',
  'check.jwt.nbf.ok': 'Le jeton est déjà valide.',
  'check.jwt.nbf.failed': 'Le jeton n’est pas encore valide.',
  'check.jwt.exp.label': 'Expiration du jeton',
  'check.jwt.exp.ok': 'Le jeton n’a pas expiré.',
  'check.jwt.exp.failed': 'Le jeton a expiré.',
  'check.status-list-issuer.label': 'Émetteur de la liste de statuts',
  'check.status-list-issuer.ok':
    'La liste de statuts nomme un autre émetteur, mais la clé de la certification l’a signée : elle a été lue.',
  'check.status-list-issuer.failed':
    'La liste de statuts n’a pas été publiée par l’émetteur de la certification.',
  'check.status-list-length.label': 'Taille de la liste de statuts',
  'check.status-list-length.ok':
    'La liste de statuts est plus courte que ne le demande la norme, ce qui nuit à la confidentialité ; elle a été lue.',
  'check.status-list-length.failed': 'La liste de statuts est trop courte pour être lue.',
  'check.transparency-log.label': 'Journal de transparence',
  'check.transparency-log.ok':
    'Le journal de transparence auquel le vérificateur se fie prouve que cette certification précise y a été inscrite : elle n’a pu être émise en secret ni antidatée.',
  'check.transparency-log.failed':
    'Le journal de transparence ne prouve pas que cette certification y a été inscrite : la preuve est fausse, concerne une autre certification, ou vient d’un journal inconnu.',
  'check.appended.label': 'Contrôles complémentaires',
  'check.appended.ok': 'Les contrôles complémentaires ont été effectués.',
  'check.appended.failed':
    'Les contrôles complémentaires (confiance dans l’émetteur, titulaire) n’ont pas pu être effectués.',
};
