/** A credential no longer in force, on its page and its printed certificate. Spread into en.ts and fr.ts. */
export const credentialStateEn = {
  'state.revoked.stamp': 'REVOKED',
  'state.revoked.on': 'Revoked by its issuer on {date}.',
  'state.revoked.onBecause': 'Revoked by its issuer on {date}. Reason given: {reason}',
  'state.suspended.stamp': 'SUSPENDED',
  'state.suspended.on': 'Suspended by its issuer on {date}.',
  'state.suspended.onBecause': 'Suspended by its issuer on {date}. Reason given: {reason}',
  'state.expired.stamp': 'EXPIRED',
  'state.expired.on': 'Expired on {date}.',
  'state.noShare':
    'It cannot be shared or added to a profile while it is not in force. The files below say its state.',
  'state.downloadMarked': '({state})',
};

export const credentialStateFr: Record<keyof typeof credentialStateEn, string> = {
  'state.revoked.stamp': 'RÉVOQUÉE',
  'state.revoked.on': 'Révoquée par son émetteur le {date}.',
  'state.revoked.onBecause': 'Révoquée par son émetteur le {date}. Motif indiqué : {reason}',
  'state.suspended.stamp': 'SUSPENDUE',
  'state.suspended.on': 'Suspendue par son émetteur le {date}.',
  'state.suspended.onBecause': 'Suspendue par son émetteur le {date}. Motif indiqué : {reason}',
  'state.expired.stamp': 'EXPIRÉE',
  'state.expired.on': 'Expirée le {date}.',
  'state.noShare':
    'Elle ne peut être ni partagée ni ajoutée à un profil tant qu’elle n’est pas en vigueur. Les fichiers ci-dessous indiquent son état.',
  'state.downloadMarked': '({state})',
};
